import Testing

@testable import LaurelDomain

@Suite("RegistrationRules: deadline and lateness")
struct RegistrationRulesTests {
    typealias R = RegistrationRules

    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    @Test func theDefaultIsThirtyFirstMarch() {
        #expect(R.defaultDeadline.description == "03-31")
        #expect(R.deadline(year: 2025, setting: nil) == Self.date("2025-03-31"))
    }

    @Test(arguments: ["01-01", "03-31", "12-31", "02-29", "06-30"])
    func aMonthDayReadsAndWritesBack(_ text: String) throws {
        let monthDay = try #require(R.MonthDay(text))
        #expect(monthDay.description == text)
    }

    @Test(arguments: [
        "", "3-31", "03-1", "03/31", "0331", "13-01", "00-10", "02-30", "04-31", "03-00", "03-31 ", "2025-03-31", "aa-bb", "03-3x",
    ])
    func badMonthDaysAreRefused(_ text: String) {
        #expect(R.MonthDay(text) == nil, "\(text)")
    }

    @Test func theSettingsDayIsTheDeadlineInTheYear() {
        #expect(R.deadline(year: 2025, setting: "04-15") == Self.date("2025-04-15"))
        #expect(R.deadline(year: 2024, setting: "02-29") == Self.date("2024-02-29"))
        #expect(R.MonthDay(month: 2, day: 29)?.date(in: 2025) == nil)
        #expect(R.MonthDay(month: 2, day: 30) == nil && R.MonthDay(month: 13, day: 1) == nil)
    }

    @Test func anUnreadableSettingOrAMissingDayFallsBackToTheDefault() {
        // As before the rule moved: what cannot be read as a day of that year is 31 March.
        for setting in ["", "junk", "3-31", "13-01", "02-29"] {
            #expect(R.deadline(year: 2025, setting: setting) == Self.date("2025-03-31"), "\(setting)")
        }
    }

    @Test func registeringIsLateOnlyAfterTheDeadline() {
        let deadline = Self.date("2025-03-31")
        #expect(!R.isLate(on: Self.date("2025-01-01"), deadline: deadline))
        #expect(!R.isLate(on: deadline, deadline: deadline), "the deadline day itself is in time")
        #expect(R.isLate(on: Self.date("2025-04-01"), deadline: deadline))
        #expect(R.isLate(on: Self.date("2026-01-01"), deadline: deadline))
    }
}
