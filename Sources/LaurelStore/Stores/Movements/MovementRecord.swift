import Foundation
import LaurelDomain

/// A movement as the API and the pages show it: the domain's fields, its deadlines with their
/// ids, and the attachments' metadata.
public struct MovementRecord: Codable, Sendable, Equatable {
    public struct Content: Codable, Sendable, Equatable {
        public var number: Int
        public var title: String
    }
    public struct Criterion: Codable, Sendable, Equatable {
        public var group: ParticipantGroup
        public var text: String
    }
    public struct Deadline: Codable, Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var dueDate: String
    }
    public struct Attachment: Codable, Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var contentType: String
        public var size: Int64
    }

    public var id: Int64
    public var name: String
    public var launcherUnitId: Int64
    public var launcherName: String
    public var kind: MovementKind
    public var startDate: String
    public var endDate: String
    public var objectives: [String]
    public var motto: String
    public var contents: [Content]
    public var criteria: [Criterion]
    public var plannedForms: [String]
    public var parentId: Int64?
    public var status: MovementStatus
    public var launchedOn: String?
    public var interimReviews: [String]
    public var finalReviewedOn: String?
    public var closedOn: String?
    public var requiresInterimReview: Bool
    public var allowedNextStatuses: [MovementStatus]
    public var reportDeadlines: [Deadline]
    public var attachments: [Attachment]

    /// Absent values are written as `null` (clients read `parentId` without a default).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(launcherUnitId, forKey: .launcherUnitId)
        try c.encode(launcherName, forKey: .launcherName)
        try c.encode(kind, forKey: .kind)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(objectives, forKey: .objectives)
        try c.encode(motto, forKey: .motto)
        try c.encode(contents, forKey: .contents)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(plannedForms, forKey: .plannedForms)
        try c.encode(parentId, forKey: .parentId)
        try c.encode(status, forKey: .status)
        try c.encode(launchedOn, forKey: .launchedOn)
        try c.encode(interimReviews, forKey: .interimReviews)
        try c.encode(finalReviewedOn, forKey: .finalReviewedOn)
        try c.encode(closedOn, forKey: .closedOn)
        try c.encode(requiresInterimReview, forKey: .requiresInterimReview)
        try c.encode(allowedNextStatuses, forKey: .allowedNextStatuses)
        try c.encode(reportDeadlines, forKey: .reportDeadlines)
        try c.encode(attachments, forKey: .attachments)
    }

    init(_ movement: Movement, id: Int64, launcherName: String, deadlines: [Deadline], attachments: [Attachment]) {
        self.id = id
        name = movement.name
        launcherUnitId = movement.launcherUnitId
        self.launcherName = launcherName
        kind = movement.kind
        startDate = movement.start.description
        endDate = movement.end.description
        objectives = movement.objectives
        motto = movement.motto
        contents = movement.contents.map { Content(number: $0.number, title: $0.text) }
        criteria = movement.criteria.flatMap { group in group.criteria.map { Criterion(group: group.group, text: $0) } }
        plannedForms = movement.plannedForms
        parentId = movement.implementsMovementId
        status = movement.status
        launchedOn = movement.launchedOn?.description
        interimReviews = movement.interimReviews.map(\.description)
        finalReviewedOn = movement.finalReviewedOn?.description
        closedOn = movement.closedOn?.description
        requiresInterimReview = movement.requiresInterimReview
        allowedNextStatuses = movement.allowedNextStatuses
        reportDeadlines = deadlines
        self.attachments = attachments
    }
}

/// Where a movement's cascade stands: per expected unit (by default the launcher's direct child
/// units), whether it launched an implementing movement and where each report is.
public struct MovementCoverageRecord: Codable, Sendable {
    public struct Report: Codable, Sendable {
        public var deadlineId: Int64
        /// Submitted, late, missing, or pending (not submitted, not yet due).
        public var status: ReportStatus
        public var submittedOn: String?
        public var daysLate: Int?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(deadlineId, forKey: .deadlineId)
            try c.encode(status, forKey: .status)
            try c.encode(submittedOn, forKey: .submittedOn)
            try c.encode(daysLate, forKey: .daysLate)
        }
    }

    public struct UnitRow: Codable, Sendable {
        public var unitId: Int64
        public var unitName: String
        public var launched: Bool
        public var launchedOn: String?
        /// The unit's implementing movement, to drill down one level.
        public var movementId: Int64?
        public var reports: [Report]

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(unitId, forKey: .unitId)
            try c.encode(unitName, forKey: .unitName)
            try c.encode(launched, forKey: .launched)
            try c.encode(launchedOn, forKey: .launchedOn)
            try c.encode(movementId, forKey: .movementId)
            try c.encode(reports, forKey: .reports)
        }
    }

    public struct DeadlineRow: Codable, Sendable {
        public var deadlineId: Int64
        public var title: String
        public var dueDate: String
        public var submitted: Int, late: Int, missing: Int, pending: Int
    }

    public var movementId: Int64
    public var today: String
    public var total: Int
    public var launched: Int
    public var units: [UnitRow]
    public var deadlines: [DeadlineRow]
}

/// A report a unit submitted against a deadline.
public struct MovementReportRecord: Codable, Sendable {
    public var id: Int64
    public var movementId: Int64
    public var deadlineId: Int64
    public var unitId: Int64
    public var text: String
    /// Figures as the unit sent them (collectives and individuals commended by form, …).
    public var figures: [String: Int64]
    public var submittedOn: String
    public var late: Bool
    /// The file sent with the report, if any (absent from the JSON when there is none).
    public var attachment: MovementRecord.Attachment?
}
