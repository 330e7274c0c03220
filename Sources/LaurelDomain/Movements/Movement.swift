/// Regular or thematic emulation (Law 06/2022 Art 16(1)).
public enum MovementKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Thi đua thường xuyên: on assigned functions and daily/annual work.
    case regular
    /// Thi đua theo chuyên đề (đợt thi đua): focused, urgent or difficult tasks within a set time.
    case thematic
}

/// Where a movement stands. Raw values are the API codes.
public enum MovementStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft
    case launched
    /// At least one interim review (sơ kết) held.
    case interimReviewed = "interim_reviewed"
    /// Final review (tổng kết) held.
    case finalReviewed = "final_reviewed"
    case closed
}

/// An emulation movement (phong trào thi đua): launched by a unit for a period, with objectives,
/// motto, numbered contents, criteria per participant group, planned commendation forms and
/// report deadlines (LAW_FACTS §6). A lower unit's movement may implement a higher one
/// (`implementsMovementId`), which is how coverage of a cascade is counted.
///
/// Life: draft → launched → interim review (sơ kết; may repeat; required when the period is three
/// years or more, skippable otherwise) → final review (tổng kết) → closed.
///
/// ```swift
/// var movement = Movement(name: "Cả nước thi đua …", launcherUnitId: 1, kind: .thematic,
///                         start: CalendarDate("2021-01-01")!, end: CalendarDate("2025-12-31")!)
/// try movement.launch(on: CalendarDate("2021-03-02")!)
/// try movement.recordInterimReview(on: CalendarDate("2023-06-30")!)
/// try movement.recordFinalReview(on: CalendarDate("2025-10-15")!)
/// try movement.close(on: CalendarDate("2025-12-31")!)
/// ```
public struct Movement: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String
    public var launcherUnitId: Int64
    public var kind: MovementKind
    public var start: CalendarDate
    public var end: CalendarDate
    public var objectives: [String]
    public var motto: String
    public var contents: [MovementContent]
    public var criteria: [GroupCriteria]
    /// Commendation forms and titles the launcher plans to award, as catalogue codes.
    public var plannedForms: [String]
    public var reportDeadlines: [ReportDeadline]
    /// The higher unit's movement this one implements, if any.
    public var implementsMovementId: Int64?

    public internal(set) var status: MovementStatus
    public internal(set) var launchedOn: CalendarDate?
    public internal(set) var interimReviews: [CalendarDate]
    public internal(set) var finalReviewedOn: CalendarDate?
    public internal(set) var closedOn: CalendarDate?

    /// A new movement in draft.
    public init(
        id: Int64? = nil, name: String, launcherUnitId: Int64, kind: MovementKind, start: CalendarDate,
        end: CalendarDate, objectives: [String] = [], motto: String = "", contents: [MovementContent] = [],
        criteria: [GroupCriteria] = [], plannedForms: [String] = [], reportDeadlines: [ReportDeadline] = [],
        implementsMovementId: Int64? = nil
    ) {
        self.id = id
        self.name = name
        self.launcherUnitId = launcherUnitId
        self.kind = kind
        self.start = start
        self.end = end
        self.objectives = objectives
        self.motto = motto
        self.contents = contents
        self.criteria = criteria
        self.plannedForms = plannedForms
        self.reportDeadlines = reportDeadlines
        self.implementsMovementId = implementsMovementId
        self.status = .draft
        self.launchedOn = nil
        self.interimReviews = []
        self.finalReviewedOn = nil
        self.closedOn = nil
    }

    /// Every problem of content, in field order; empty when the movement may be launched.
    public var problems: [MovementProblem] {
        var found: [MovementProblem] = []
        if name.allSatisfy(\.isWhitespace) { found.append(.emptyName) }
        if end < start { found.append(.endBeforeStart) }
        var numbers = Set<Int>()
        for content in contents where !numbers.insert(content.number).inserted {
            found.append(.duplicateContentNumber(content.number))
        }
        var groups = Set<String>()
        for entry in criteria {
            if entry.group.rawValue.allSatisfy(\.isWhitespace) {
                found.append(.emptyGroupName)
            } else if !groups.insert(entry.group.rawValue).inserted {
                found.append(.duplicateGroup(entry.group.rawValue))
            }
        }
        var codes = Set<String>()
        for deadline in reportDeadlines {
            if deadline.code.isEmpty {
                found.append(.emptyDeadlineCode)
            } else if !codes.insert(deadline.code).inserted {
                found.append(.duplicateDeadlineCode(deadline.code))
            }
        }
        return found
    }

    /// Whether the period lasts three years or more — then an interim review is required before
    /// the final review (TT 01/2024/TT-BNV Art 3). "Three years" counts whole calendar periods:
    /// 2021-01-01…2023-12-31 is three years; 2021-01-02…2023-12-31 is not.
    public var requiresInterimReview: Bool {
        end >= MovementCalendar.dayBefore(MovementCalendar.adding(years: 3, to: start))
    }
}
