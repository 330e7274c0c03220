import LaurelDomain
import Testing

struct CalendarDateArithmeticTests {
    @Test(arguments: [
        ("2026-11-25", 45, "2027-01-09"), ("2024-02-28", 1, "2024-02-29"), ("2023-02-28", 1, "2023-03-01"),
        ("2000-02-28", 1, "2000-02-29"), ("1900-02-28", 1, "1900-03-01"), ("2025-01-01", -1, "2024-12-31"),
        ("1970-01-01", 0, "1970-01-01"), ("2026-03-31", -31, "2026-02-28"),
    ])
    func addingDaysCrossesMonthsYearsAndLeapDays(start: String, days: Int, expected: String) throws {
        let date = try #require(CalendarDate(start))
        #expect(date.adding(days: days).description == expected)
    }

    @Test func dayNumbersCountFromTheEpochAndRoundTrip() throws {
        #expect(try #require(CalendarDate("1970-01-01")).dayNumber == 0)
        #expect(try #require(CalendarDate("2000-03-01")).dayNumber == 11_017)
        let start = try #require(CalendarDate("1899-12-31"))
        for offset in stride(from: 0, through: 80_000, by: 997) {
            let later = start.adding(days: offset)
            #expect(later.dayNumber - start.dayNumber == offset)
            #expect(CalendarDate(later.description) == later)
        }
    }
}
