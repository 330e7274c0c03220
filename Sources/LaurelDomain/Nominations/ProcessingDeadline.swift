/// How long a level takes over a dossier it received (LAW_FACTS §4.5): the Ministry of Home
/// Affairs appraises within 20 working days of a complete dossier (Decree 98/2023 Art 32(2);
/// QĐ 311/2025). Other levels set their own; 20 is the default until an organisation says
/// otherwise (configurable).
public struct ProcessingDeadline: Hashable, Sendable, Codable {
    public var workingDays: Int

    public init(workingDays: Int = 20) { self.workingDays = workingDays }

    public static let standard = ProcessingDeadline()

    /// The last day to act on a dossier received on `received`.
    public func due(receivedOn received: CalendarDate, calendar: WorkingCalendar = .standardVietnam) -> CalendarDate {
        calendar.adding(workingDays: workingDays, to: received)
    }
}
