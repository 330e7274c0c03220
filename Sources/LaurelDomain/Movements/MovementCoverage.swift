/// A lower unit's answer to a movement: its own implementing movement, launched or not yet.
public struct MovementImplementation: Hashable, Sendable, Codable {
    public var unitId: Int64
    /// Nil while the implementing movement is still a draft.
    public var launchedOn: CalendarDate?

    public init(unitId: Int64, launchedOn: CalendarDate?) {
        self.unitId = unitId
        self.launchedOn = launchedOn
    }

    /// From the implementing movement itself (its launcher is the implementing unit).
    public init(_ movement: Movement) {
        self.init(unitId: movement.launcherUnitId, launchedOn: movement.launchedOn)
    }
}

/// A report a unit submitted against one of the movement's deadlines.
public struct SubmittedReport: Hashable, Sendable, Codable {
    public var unitId: Int64
    public var deadlineCode: String
    public var submittedOn: CalendarDate

    public init(unitId: Int64, deadlineCode: String, submittedOn: CalendarDate) {
        self.unitId = unitId
        self.deadlineCode = deadlineCode
        self.submittedOn = submittedOn
    }
}

/// Where one unit stands against one report deadline.
public enum ReportStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Submitted on or before the due date.
    case submitted
    /// Submitted after the due date: accepted and marked, never refused.
    case late
    /// Not submitted, and the due date has passed (today is after it).
    case missing
    /// Not submitted, and the due date is today or later: nothing is wrong yet.
    case pending
}

/// How far a movement has reached the units expected to implement it and to report on it.
///
/// - A unit is *launched* when any of its implementing movements has a launch date (the earliest
///   is shown).
/// - Per deadline, the unit's *earliest* submission decides (a corrected resubmission does not
///   make a report late). `submitted`/`late` compare that date with the due date; an unsubmitted
///   report is `missing` once today is past the due date and `pending` until then — so past-due
///   reports are always one of submitted/late/missing.
/// - Implementations and reports of units not in `expectedUnits`, and reports for unknown
///   deadline codes, are ignored.
///
/// ```swift
/// let coverage = MovementCoverage(movement: national, expectedUnits: provinceIds,
///                                 implementations: provincial.map(MovementImplementation.init),
///                                 reports: reports, today: CalendarDate("2025-07-20")!)
/// coverage.launchedCount   // 60 of coverage.units.count
/// coverage.deadlines       // per deadline: submitted / late / missing / pending counts
/// ```
public struct MovementCoverage: Hashable, Sendable, Codable {
    public struct DeadlineStatus: Hashable, Sendable, Codable {
        public var deadlineCode: String
        public var dueDate: CalendarDate
        public var status: ReportStatus
        public var submittedOn: CalendarDate?
        /// Days after the due date, for late reports.
        public var daysLate: Int?
    }

    public struct UnitCoverage: Hashable, Sendable, Codable {
        public var unitId: Int64
        public var launched: Bool
        public var launchedOn: CalendarDate?
        /// One entry per movement deadline, in the movement's order.
        public var reports: [DeadlineStatus]
    }

    public struct DeadlineSummary: Hashable, Sendable, Codable {
        public var deadlineCode: String
        public var dueDate: CalendarDate
        public var submitted: Int
        public var late: Int
        public var missing: Int
        public var pending: Int
    }

    public var today: CalendarDate
    /// One entry per expected unit, ascending by unit id.
    public var units: [UnitCoverage]
    public var deadlines: [DeadlineSummary]

    public var launchedCount: Int { units.filter(\.launched).count }
    public var notLaunched: [Int64] { units.filter { !$0.launched }.map(\.unitId) }

    public init(
        movement: Movement, expectedUnits: [Int64], implementations: [MovementImplementation],
        reports: [SubmittedReport], today: CalendarDate
    ) {
        var launchDates: [Int64: CalendarDate] = [:]
        for implementation in implementations {
            guard let date = implementation.launchedOn else { continue }
            launchDates[implementation.unitId] = min(date, launchDates[implementation.unitId] ?? date)
        }
        var firstSubmissions: [String: [Int64: CalendarDate]] = [:]
        for report in reports {
            let earlier = firstSubmissions[report.deadlineCode]?[report.unitId] ?? report.submittedOn
            firstSubmissions[report.deadlineCode, default: [:]][report.unitId] = min(earlier, report.submittedOn)
        }

        let units = Array(Set(expectedUnits)).sorted().map { unit in
            UnitCoverage(
                unitId: unit, launched: launchDates[unit] != nil, launchedOn: launchDates[unit],
                reports: movement.reportDeadlines.map { deadline in
                    Self.status(of: deadline, submittedOn: firstSubmissions[deadline.code]?[unit], today: today)
                })
        }
        self.today = today
        self.units = units
        self.deadlines = movement.reportDeadlines.enumerated().map { index, deadline in
            let statuses = units.map { $0.reports[index].status }
            return DeadlineSummary(
                deadlineCode: deadline.code, dueDate: deadline.dueDate,
                submitted: statuses.filter { $0 == .submitted }.count,
                late: statuses.filter { $0 == .late }.count,
                missing: statuses.filter { $0 == .missing }.count,
                pending: statuses.filter { $0 == .pending }.count)
        }
    }

    static func status(of deadline: ReportDeadline, submittedOn: CalendarDate?, today: CalendarDate) -> DeadlineStatus {
        let status: ReportStatus
        var daysLate: Int?
        switch submittedOn {
        case let date? where date <= deadline.dueDate:
            status = .submitted
        case let date?:
            status = .late
            daysLate = MovementCalendar.days(from: deadline.dueDate, to: date)
        case nil:
            status = today > deadline.dueDate ? .missing : .pending
        }
        return DeadlineStatus(
            deadlineCode: deadline.code, dueDate: deadline.dueDate, status: status, submittedOn: submittedOn,
            daysLate: daysLate)
    }
}
