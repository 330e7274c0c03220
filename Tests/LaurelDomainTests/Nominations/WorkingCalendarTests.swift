import Foundation
import LaurelDomain
import Testing

@Suite("Nominations: working days")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar.standardVietnam
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func weekdaysAreISO() {
        #expect(Self.date("1970-01-01").weekday == 4)
        #expect(Self.date("2026-02-17").weekday == 2)  // mùng 1 Tết Bính Ngọ, a Tuesday
        #expect(Self.date("2026-04-26").weekday == 7)
        #expect(Self.date("1969-12-29").weekday == 1)
        #expect(Self.date("2027-02-06").isWeekend && !Self.date("2027-02-05").isWeekend)
    }

    @Test func holidaysWeekendsAndMakeUpDays() {
        #expect(!calendar.isWorkingDay(Self.date("2026-02-16")))  // giao thừa
        #expect(!calendar.isWorkingDay(Self.date("2026-02-21")))  // Saturday
        #expect(calendar.isWorkingDay(Self.date("2026-02-23")))
        #expect(!calendar.isWorkingDay(Self.date("2026-04-27")))  // Giỗ Tổ made up
        #expect(calendar.isWorkingDay(Self.date("2025-04-26")))  // Saturday worked for 2 May
        #expect(!calendar.isWorkingDay(Self.date("2025-05-02")))
        #expect(!calendar.isWorkingDay(Self.date("2025-09-02")) && !calendar.isWorkingDay(Self.date("2025-01-01")))
    }

    @Test func addingWorkingDaysCrossesTet2026() {
        // Friday 13 Feb 2026, then Tết and its weekends until Sunday 22 Feb.
        #expect(calendar.adding(workingDays: 1, to: Self.date("2026-02-13")) == Self.date("2026-02-23"))
        #expect(calendar.adding(workingDays: 10, to: Self.date("2026-02-09")) == Self.date("2026-03-02"))
        #expect(calendar.adding(workingDays: 0, to: Self.date("2026-02-15")) == Self.date("2026-02-15"))
        #expect(calendar.adding(workingDays: -1, to: Self.date("2026-02-23")) == Self.date("2026-02-13"))
        #expect(calendar.workingDays(from: Self.date("2026-02-13"), to: Self.date("2026-02-22")) == 0)
        #expect(calendar.workingDays(from: Self.date("2026-02-09"), to: Self.date("2026-02-27")) == 9)
    }

    @Test func addingWorkingDaysSkipsWeekends() {
        let friday = Self.date("2026-03-06")
        #expect(calendar.adding(workingDays: 1, to: friday) == Self.date("2026-03-09"))
        #expect(calendar.adding(workingDays: 5, to: friday) == Self.date("2026-03-13"))
        #expect(calendar.adding(workingDays: 1, to: Self.date("2026-03-07")) == Self.date("2026-03-09"))
        #expect(calendar.adding(workingDays: 20, to: friday) == Self.date("2026-04-03"))
        #expect(calendar.workingDays(from: friday, to: Self.date("2026-03-08")) == 0)
        #expect(calendar.workingDays(from: friday, to: friday) == 0)
        #expect(calendar.workingDays(from: Self.date("2026-03-09"), to: friday) == 0)
    }

    @Test func countingUndoesAdding() {
        let start = Self.date("2024-12-20")
        for n in stride(from: 0, through: 400, by: 7) {
            #expect(calendar.workingDays(from: start, to: calendar.adding(workingDays: n, to: start)) == n)
        }
    }

    @Test func eachYearHasItsElevenLegalDaysOff() {
        for year in 2025...2027 {
            let days = calendar.holidays.filter { $0.year == year }
            #expect(days.count >= 11, "\(year)")
            #expect(days.contains(CalendarDate(year: year, month: 1, day: 1)!))
            #expect(days.contains(CalendarDate(year: year, month: 4, day: 30)!))
            #expect(days.contains(CalendarDate(year: year, month: 9, day: 2)!))
        }
        let makeUpDaysAreWeekends = calendar.workingWeekends.allSatisfy { $0.isWeekend }
        #expect(makeUpDaysAreWeekends)
    }

    @Test func anAdministratorExtendsTheData() throws {
        let extra = WorkingCalendar(holidays: [Self.date("2026-11-24")], workingWeekends: [Self.date("2026-11-28")])
        let extended = calendar.merging(extra)
        #expect(!extended.isWorkingDay(Self.date("2026-11-24")) && extended.isWorkingDay(Self.date("2026-11-28")))
        let decoded = try JSONDecoder().decode(WorkingCalendar.self, from: JSONEncoder().encode(extended))
        #expect(decoded == extended)
    }
}
