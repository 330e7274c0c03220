/// Publicity before the vote (công khai, LAW_FACTS §4.4): before proposing orders or state
/// honorary titles, the proposer publishes the list at least 10 working days before the
/// ministry's or province's council meets (Law 06/2022 Art 84(5); Decree 98/2023 Art 46(2);
/// Decree 152/2025's article number UNCONFIRMED). A council cannot vote before the period ends.
///
/// Counting: the period starts the day after publication (Civil Code 2015 Art 147(1)) and runs
/// `workingDays` working days; the council may vote from the day after its last day.
public struct PublicityRule: Hashable, Sendable, Codable {
    public var workingDays: Int
    /// The awarding levels whose candidates are published: orders and state honorary titles
    /// are the President's awards.
    public var levels: Set<AwardingLevel>

    public init(workingDays: Int = 10, levels: Set<AwardingLevel> = [.president]) {
        self.workingDays = workingDays
        self.levels = levels
    }

    public static let standard = PublicityRule()

    /// Whether candidates for an award decided at `level` must be published first.
    public func applies(to level: AwardingLevel) -> Bool { levels.contains(level) }

    /// The last day of the publicity period of a list published on `publishedOn`.
    public func periodEnd(publishedOn: CalendarDate, calendar: WorkingCalendar) -> CalendarDate {
        calendar.adding(workingDays: workingDays, to: publishedOn)
    }

    /// The first day the council may meet and vote (it may be a weekend or a holiday: the rule
    /// counts the period, not the meeting day).
    public func earliestMeeting(publishedOn: CalendarDate, calendar: WorkingCalendar) -> CalendarDate {
        periodEnd(publishedOn: publishedOn, calendar: calendar).adding(days: 1)
    }

    /// Whether a council meeting on `meetingOn` may vote on a list published on `publishedOn`.
    public func canVote(publishedOn: CalendarDate, meetingOn: CalendarDate, calendar: WorkingCalendar) -> Bool {
        meetingOn >= earliestMeeting(publishedOn: publishedOn, calendar: calendar)
    }
}
