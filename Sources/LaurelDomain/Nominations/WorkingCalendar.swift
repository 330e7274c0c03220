/// Which days are working days (ngày làm việc), for the deadlines and publicity periods the law
/// counts in working days (LAW_FACTS §4.4, §4.5). Data, not rules: the holidays of a year are
/// fixed by the Government's yearly notice (Labour Code 2019 Art 112), so an administrator adds
/// each year's dates as they are announced.
///
/// A day works unless it is a Saturday or Sunday or a listed holiday; a listed make-up working
/// day (`workingWeekends`, the Saturday worked to bridge a holiday) works whatever else is said.
public struct WorkingCalendar: Hashable, Sendable, Codable {
    /// Days off on weekdays: public holidays, the days added to Tết, compensatory days.
    public var holidays: Set<CalendarDate>
    /// Weekend days worked instead of a bridged weekday (ngày làm bù).
    public var workingWeekends: Set<CalendarDate>

    public init(holidays: Set<CalendarDate> = [], workingWeekends: Set<CalendarDate> = []) {
        self.holidays = holidays
        self.workingWeekends = workingWeekends
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        if workingWeekends.contains(date) { return true }
        return !date.isWeekend && !holidays.contains(date)
    }

    /// The `workingDays`-th working day after `date` (the day itself for 0; before it for a
    /// negative count). A period "of n working days from" an event ends on that day: a period
    /// starts the day after its event (Civil Code 2015 Art 147(1)).
    public func adding(workingDays: Int, to date: CalendarDate) -> CalendarDate {
        let step = workingDays < 0 ? -1 : 1
        var left = abs(workingDays)
        var day = date
        while left > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// How many working days lie after `from`, up to and including `to`; 0 when `to` is not
    /// after `from`. So `workingDays(from: d, to: adding(workingDays: n, to: d)) == n`.
    public func workingDays(from: CalendarDate, to: CalendarDate) -> Int {
        guard from < to else { return 0 }
        var count = 0
        var day = from.adding(days: 1)
        while day <= to {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// This calendar with another's holidays and make-up days added (a province's own days off).
    public func merging(_ other: WorkingCalendar) -> WorkingCalendar {
        WorkingCalendar(
            holidays: holidays.union(other.holidays), workingWeekends: workingWeekends.union(other.workingWeekends))
    }
}
