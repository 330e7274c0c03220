/// The few date sums movements need. (Kept here, internal, rather than as `CalendarDate`
/// extensions, so as not to claim names in the shared vocabulary.)
enum MovementCalendar {
    /// Same month and day `years` later; 29 February becomes 28 February in a common year.
    static func adding(years: Int, to date: CalendarDate) -> CalendarDate {
        let year = date.year + years
        let day = min(date.day, CalendarDate.daysIn(month: date.month, year: year))
        return CalendarDate(year: year, month: date.month, day: day) ?? date
    }

    static func dayBefore(_ date: CalendarDate) -> CalendarDate {
        if date.day > 1 { return CalendarDate(year: date.year, month: date.month, day: date.day - 1) ?? date }
        if date.month > 1 {
            let month = date.month - 1
            return CalendarDate(year: date.year, month: month, day: CalendarDate.daysIn(month: month, year: date.year))
                ?? date
        }
        return CalendarDate(year: date.year - 1, month: 12, day: 31) ?? date
    }

    /// Days from `from` to `to` (negative when `to` is earlier).
    static func days(from: CalendarDate, to: CalendarDate) -> Int {
        dayNumber(to) - dayNumber(from)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
    static func dayNumber(_ date: CalendarDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (date.month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
