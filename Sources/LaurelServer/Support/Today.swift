import Foundation
import LaurelDomain

/// Where "today" comes from: the system clock in production, a fixed day in tests (deadlines,
/// "late", the registration window and working days all turn on it). Each request reads it once, as
/// it enters (`ClockMiddleware`), so one request never straddles midnight.
public struct AppClock: Sendable {
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = AppClock(now: { Date() })

    /// A clock stopped at noon of `day` in Vietnam.
    public static func fixed(_ day: CalendarDate) -> AppClock {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Today.zone
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
        return AppClock(now: { date })
    }

    public var today: CalendarDate { Today.date(now()) }
}

/// Today's calendar date in Asia/Ho_Chi_Minh, where Laurel's dates live.
enum Today {
    static let zone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    static func date(_ now: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
