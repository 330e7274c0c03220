/// Rules of a unit's registration for the year's emulation titles (đăng ký thi đua). The law
/// sets no date; each organisation sets its deadline as a day of the year ("MM-DD"), which its
/// subtree inherits, and Laurel's default is 31 March.
public enum RegistrationRules {
    /// A day of the year, written "MM-DD" (29 February allowed).
    public struct MonthDay: Hashable, Sendable, CustomStringConvertible {
        public let month: Int
        public let day: Int

        /// Parses exactly "MM-DD" that is a day of some year (checked against a leap year); nil otherwise.
        public init?(_ text: some StringProtocol) {
            guard text.count == 5, let date = CalendarDate("2024-" + text) else { return nil }
            month = date.month
            day = date.day
        }

        public init?(month: Int, day: Int) {
            guard let date = CalendarDate(year: 2024, month: month, day: day) else { return nil }
            self.month = date.month
            self.day = date.day
        }

        /// The day in `year`, or nil when it has none (29 February of a common year).
        public func date(in year: Int) -> CalendarDate? { CalendarDate(year: year, month: month, day: day) }

        public var description: String { (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)" }
    }

    /// The deadline when no unit up the tree sets one: 31 March.
    public static let defaultDeadline = MonthDay(month: 3, day: 31)!

    /// The deadline in `year` for a stored setting: the setting's day when it reads and exists that
    /// year, else the default (so an unreadable setting, or 29 February in a common year, falls
    /// back to 31 March).
    public static func deadline(year: Int, setting: String?) -> CalendarDate {
        setting.flatMap(MonthDay.init).flatMap { $0.date(in: year) } ?? defaultDeadline.date(in: year)!
    }

    /// Registering on `date` is late (accepted, with a reason) when the deadline has passed.
    public static func isLate(on date: CalendarDate, deadline: CalendarDate) -> Bool { date > deadline }
}
