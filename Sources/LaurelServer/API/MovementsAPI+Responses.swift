import LaurelDomain
import LaurelStore

// Movements as the API shows them (schemas `Movement`, `MovementSummary`, `MovementReport`,
// `MovementCoverage`, `Attachment`): the API's own shapes, built from the store's, so a change to
// what is stored does not change the API unnoticed. Absent values the clients read without a
// default are written as `null`, as they always were.

struct MovementAttachmentResponse: APIResponseBody {
    let id: Int64, name: String, contentType: String, size: Int64

    init(_ attachment: MovementRecord.Attachment) {
        id = attachment.id
        name = attachment.name
        contentType = attachment.contentType
        size = attachment.size
    }
}

struct MovementResponse: APIResponseBody {
    struct Content: Encodable, Sendable {
        let number: Int, title: String
    }
    /// `group` is a named group's code or an other group's own text.
    struct Criterion: Encodable, Sendable {
        let group: String, text: String
    }
    struct Deadline: Encodable, Sendable {
        let id: Int64, title: String, dueDate: String
    }

    let id: Int64, name: String, launcherUnitId: Int64, launcherName: String, kind: MovementKind
    let startDate: String, endDate: String, objectives: [String], motto: String, contents: [Content], criteria: [Criterion]
    let plannedForms: [String], parentId: Int64?, status: MovementStatus, launchedOn: String?, interimReviews: [String]
    let finalReviewedOn: String?, closedOn: String?, requiresInterimReview: Bool, allowedNextStatuses: [MovementStatus]
    let reportDeadlines: [Deadline], attachments: [MovementAttachmentResponse]

    init(_ movement: MovementRecord) {
        id = movement.id
        name = movement.name
        launcherUnitId = movement.launcherUnitId
        launcherName = movement.launcherName
        kind = movement.kind
        startDate = movement.startDate
        endDate = movement.endDate
        objectives = movement.objectives
        motto = movement.motto
        contents = movement.contents.map { Content(number: $0.number, title: $0.title) }
        criteria = movement.criteria.map { Criterion(group: $0.group.rawValue, text: $0.text) }
        plannedForms = movement.plannedForms
        parentId = movement.parentId
        status = movement.status
        launchedOn = movement.launchedOn
        interimReviews = movement.interimReviews
        finalReviewedOn = movement.finalReviewedOn
        closedOn = movement.closedOn
        requiresInterimReview = movement.requiresInterimReview
        allowedNextStatuses = movement.allowedNextStatuses
        reportDeadlines = movement.reportDeadlines.map { Deadline(id: $0.id, title: $0.title, dueDate: $0.dueDate) }
        attachments = movement.attachments.map(MovementAttachmentResponse.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, launcherUnitId, launcherName, kind, startDate, endDate, objectives, motto, contents, criteria, plannedForms
        case parentId, status, launchedOn, interimReviews, finalReviewedOn, closedOn, requiresInterimReview, allowedNextStatuses
        case reportDeadlines, attachments
    }

    /// Absent values are written as `null` (clients read `parentId` without a default).
    func encode(to encoder: any Encoder) throws {
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
}

struct MovementSummaryResponse: APIResponseBody {
    let id: Int64, name: String, launcherUnitId: Int64, launcherName: String, kind: MovementKind, status: MovementStatus
    let startDate: String, endDate: String, parentId: Int64?

    init(_ summary: MovementStore.Summary) {
        id = summary.id
        name = summary.name
        launcherUnitId = summary.launcherUnitId
        launcherName = summary.launcherName
        kind = summary.kind
        status = summary.status
        startDate = summary.startDate
        endDate = summary.endDate
        parentId = summary.parentId
    }

    enum CodingKeys: String, CodingKey {
        case id, name, launcherUnitId, launcherName, kind, status, startDate, endDate, parentId
    }

    /// `parentId` is written as `null` when absent.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(launcherUnitId, forKey: .launcherUnitId)
        try c.encode(launcherName, forKey: .launcherName)
        try c.encode(kind, forKey: .kind)
        try c.encode(status, forKey: .status)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(parentId, forKey: .parentId)
    }
}

struct MovementReportResponse: APIResponseBody {
    let id: Int64, movementId: Int64, deadlineId: Int64, unitId: Int64, text: String, figures: [String: Int64]
    let submittedOn: String, late: Bool
    /// Absent from the JSON when the report came without a file.
    let attachment: MovementAttachmentResponse?

    init(_ report: MovementReportRecord) {
        id = report.id
        movementId = report.movementId
        deadlineId = report.deadlineId
        unitId = report.unitId
        text = report.text
        figures = report.figures
        submittedOn = report.submittedOn
        late = report.late
        attachment = report.attachment.map(MovementAttachmentResponse.init)
    }
}

struct MovementCoverageResponse: APIResponseBody {
    struct Report: Encodable, Sendable {
        let deadlineId: Int64, status: ReportStatus, submittedOn: String?, daysLate: Int?

        enum CodingKeys: String, CodingKey { case deadlineId, status, submittedOn, daysLate }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(deadlineId, forKey: .deadlineId)
            try c.encode(status, forKey: .status)
            try c.encode(submittedOn, forKey: .submittedOn)
            try c.encode(daysLate, forKey: .daysLate)
        }
    }

    struct UnitRow: Encodable, Sendable {
        let unitId: Int64, unitName: String, launched: Bool, launchedOn: String?, movementId: Int64?, reports: [Report]

        enum CodingKeys: String, CodingKey { case unitId, unitName, launched, launchedOn, movementId, reports }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(unitId, forKey: .unitId)
            try c.encode(unitName, forKey: .unitName)
            try c.encode(launched, forKey: .launched)
            try c.encode(launchedOn, forKey: .launchedOn)
            try c.encode(movementId, forKey: .movementId)
            try c.encode(reports, forKey: .reports)
        }
    }

    struct DeadlineRow: Encodable, Sendable {
        let deadlineId: Int64, title: String, dueDate: String, submitted: Int, late: Int, missing: Int, pending: Int
    }

    let movementId: Int64, today: String, total: Int, launched: Int, units: [UnitRow], deadlines: [DeadlineRow]

    init(_ coverage: MovementCoverageRecord) {
        movementId = coverage.movementId
        today = coverage.today
        total = coverage.total
        launched = coverage.launched
        units = coverage.units.map { unit in
            UnitRow(
                unitId: unit.unitId, unitName: unit.unitName, launched: unit.launched, launchedOn: unit.launchedOn,
                movementId: unit.movementId,
                reports: unit.reports.map {
                    Report(deadlineId: $0.deadlineId, status: $0.status, submittedOn: $0.submittedOn, daysLate: $0.daysLate)
                })
        }
        deadlines = coverage.deadlines.map {
            DeadlineRow(
                deadlineId: $0.deadlineId, title: $0.title, dueDate: $0.dueDate, submitted: $0.submitted, late: $0.late,
                missing: $0.missing, pending: $0.pending)
        }
    }
}
