import Foundation
import HTTPTypes
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/movements`: movements, their cascade, reports and coverage.
struct MovementsAPI {
    let movements: MovementStore

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.list, use: list)
        routes.write.on(Contract.create, use: create)
        routes.browse.on(Contract.get, use: get)
        routes.write.on(Contract.update, use: update)
        routes.write.on(Contract.launch, use: launch)
        routes.write.on(Contract.advance, use: advance)
        routes.write.on(Contract.implement, use: implement)
        routes.browse.on(Contract.reports, use: reports)
        routes.write.on(Contract.submitReport, use: submitReport)
        routes.browse.on(Contract.coverage, use: coverage)
        routes.write.on(Contract.attach, use: attach)
        routes.browse.on(Contract.attachment, use: attachment)
    }

    struct CreateRequest: Decodable, Sendable {
        struct Content: Decodable, Sendable { var title: String? }
        struct Criterion: Decodable, Sendable {
            var group: String?
            var text: String?
        }
        struct Deadline: Decodable, Sendable {
            var title: String?
            var dueDate: String?
        }
        var name: String?
        var launcherUnitId: Int64?
        var kind: String?
        var startDate: String?
        var endDate: String?
        var parentId: Int64?
        var objectives: [String]?
        var motto: String?
        var contents: [Content]?
        var criteria: [Criterion]?
        var plannedForms: [String]?
        var reportDeadlines: [Deadline]?
    }

    /// Every field checked at once; criteria are grouped by participant group in input order.
    static func movement(_ body: CreateRequest, catalogue: AwardCatalogue) throws -> Movement {
        var errors: [DomainError] = []
        let name = Validate.name(body.name, field: "name", into: &errors)
        if body.launcherUnitId == nil { errors.append(.invalid("error.required", field: "launcherUnitId")) }
        let kind = Validate.choice(body.kind, as: MovementKind.self, field: "kind", into: &errors)
        let start = date(body.startDate, field: "startDate", into: &errors)
        let end = date(body.endDate, field: "endDate", into: &errors)
        let motto = Validate.optionalText(body.motto, field: "motto", max: 500, into: &errors) ?? ""
        let objectives = (body.objectives ?? []).enumerated().compactMap { index, text in
            Validate.optionalText(text, field: "objectives.\(index)", max: 2000, into: &errors)
        }
        var contents: [MovementContent] = []
        for (index, content) in (body.contents ?? []).enumerated() {
            let text = Validate.optionalText(content.title, field: "contents.\(index).title", max: 2000, into: &errors)
            if let text {
                contents.append(MovementContent(number: index + 1, text: text))
            } else {
                errors.append(.invalid("error.required", field: "contents.\(index).title"))
            }
        }
        var groups: [String] = []
        var criteria: [String: [String]] = [:]
        for (index, criterion) in (body.criteria ?? []).enumerated() {
            let group = Validate.optionalText(criterion.group, field: "criteria.\(index).group", max: 200, into: &errors)
            let text = Validate.optionalText(criterion.text, field: "criteria.\(index).text", max: 2000, into: &errors)
            guard let group, let text else {
                errors.append(.invalid("error.required", field: "criteria.\(index)"))
                continue
            }
            if criteria[group] == nil { groups.append(group) }
            criteria[group, default: []].append(text)
        }
        for (index, code) in (body.plannedForms ?? []).enumerated() where catalogue.entry(for: code) == nil {
            errors.append(.invalid("error.unknown_award_code", field: "plannedForms.\(index)", code))
        }
        var deadlines: [ReportDeadline] = []
        for (index, deadline) in (body.reportDeadlines ?? []).enumerated() {
            let title = Validate.optionalText(deadline.title, field: "reportDeadlines.\(index).title", max: 500, into: &errors)
            let due = date(deadline.dueDate, field: "reportDeadlines.\(index).dueDate", into: &errors)
            if title == nil { errors.append(.invalid("error.required", field: "reportDeadlines.\(index).title")) }
            if let title, let due { deadlines.append(ReportDeadline(code: String(index + 1), title: title, dueDate: due)) }
        }
        // Reported with the other field errors (last, so that earlier fields keep their order).
        if let start, let end, end < start { errors.append(.invalid("error.movement_end_before_start", field: "endDate")) }
        guard errors.isEmpty, let launcher = body.launcherUnitId, let kind, let start, let end else { throw ValidationErrors(errors) }
        let movement = Movement(
            name: name, launcherUnitId: launcher, kind: kind, start: start, end: end, objectives: objectives, motto: motto,
            contents: contents,
            criteria: groups.map { GroupCriteria(group: ParticipantGroup(rawValue: $0), criteria: criteria[$0] ?? []) },
            plannedForms: Array(NSOrderedSet(array: body.plannedForms ?? []).compactMap { $0 as? String }), reportDeadlines: deadlines,
            implementsMovementId: body.parentId)
        let problems = movement.problems
        guard problems.isEmpty else { throw ValidationErrors(problems.map(\.refusal)) }
        return movement
    }

    static func date(_ raw: String?, field: String, into errors: inout [DomainError]) -> CalendarDate? {
        guard let raw, !raw.isEmpty else {
            errors.append(.invalid("error.required", field: field))
            return nil
        }
        guard let date = CalendarDate(raw) else {
            errors.append(.invalid("error.bad_date", field: field))
            return nil
        }
        return date
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let page = try await movements.list(
            as: identity, paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")))
        return try JSON.response(
            ListResponse(items: page.items.map(MovementSummaryResponse.init), total: page.total, page: page.page, per: page.per))
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context)
        let created = try await movements.create(try Self.movement(body.value, catalogue: context.catalogue), as: identity)
        return try JSON.response(MovementResponse(created), status: .created)
    }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(MovementResponse(try await movements.get(try movementId(context), as: identity)))
    }

    /// Replaces a draft's content (launcher and higher movement stay as they are).
    func update(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try movementId(context)
        var body = try await RequestBody.decode(CreateRequest.self, for: Contract.update, from: request, context: context).value
        let current = try await movements.get(id, as: identity)
        body.launcherUnitId = current.launcherUnitId
        body.parentId = current.parentId
        let updated = try await movements.update(id, with: try Self.movement(body, catalogue: context.catalogue), as: identity)
        return try JSON.response(MovementResponse(updated))
    }

    func movementId(_ context: some SignedInRequestContext) throws -> Int64 {
        try context.pathId("id", notFound: "error.movement_not_found")
    }

    struct AdvanceRequest: Decodable, Sendable {
        var status: String?
        var date: String?
    }

    /// The step and its date (today when absent); shared by the API and the movement page.
    static func advance(_ body: AdvanceRequest, today: CalendarDate) throws -> (status: MovementStatus, date: CalendarDate) {
        var errors: [DomainError] = []
        let status = Validate.choice(body.status, as: MovementStatus.self, field: "status", into: &errors)
        var date: CalendarDate? = today
        if let raw = body.date, !raw.isEmpty { date = Self.date(raw, field: "date", into: &errors) }
        guard errors.isEmpty, let status, let date else { throw ValidationErrors(errors) }
        return (status, date)
    }

    func launch(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(AdvanceRequest.self, for: Contract.launch, from: request, context: context)
        let date = try UnitsAPI.date(body.value.date, today: context.today)
        return try JSON.response(
            MovementResponse(try await movements.advance(try movementId(context), to: .launched, on: date, as: identity)))
    }

    func advance(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(AdvanceRequest.self, for: Contract.advance, from: request, context: context)
        let step = try Self.advance(body.value, today: context.today)
        let advanced = try await movements.advance(try movementId(context), to: step.status, on: step.date, as: identity)
        return try JSON.response(MovementResponse(advanced))
    }

    struct UnitRequest: Decodable, Sendable {
        var unitId: Int64?
    }

    func implement(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(UnitRequest.self, for: Contract.implement, from: request, context: context)
        guard let unitId = body.value.unitId else { throw DomainError.invalid("error.required", field: "unitId") }
        let child = try await movements.implement(try movementId(context), unitId: unitId, as: identity)
        return try JSON.response(MovementResponse(child), status: .created)
    }

    struct ReportRequest: Decodable, Sendable {
        var unitId: Int64?
        var deadlineId: Int64?
        var text: String?
        var figures: [String: Int64]?
    }

    /// A report checked field by field, as the store takes it.
    struct ValidReport: Sendable {
        let unitId: Int64
        let deadlineId: Int64
        let text: String
        let figures: [String: Int64]
    }

    /// Shared by the API and the movement page.
    static func report(_ body: ReportRequest) throws -> ValidReport {
        var errors: [DomainError] = []
        if body.unitId == nil { errors.append(.invalid("error.required", field: "unitId")) }
        if body.deadlineId == nil { errors.append(.invalid("error.required", field: "deadlineId")) }
        // A report runs over several lines (a browser's textarea sends CRLF): line breaks and tabs
        // are kept, other control characters are refused.
        let normalised = body.text?.replacingOccurrences(of: "\r\n", with: "\n")
        let checked = normalised.map { String($0.map { $0 == "\n" || $0 == "\t" ? " " : $0 }) }
        _ = Validate.optionalText(checked, field: "text", max: 20_000, into: &errors)
        let text = normalised?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        for (key, value) in (body.figures ?? [:]).sorted(by: { $0.key < $1.key }) where key.isEmpty || key.count > 80 || value < 0 {
            errors.append(.invalid("error.report_bad_figure", field: "figures.\(key)"))
        }
        guard errors.isEmpty, let unitId = body.unitId, let deadlineId = body.deadlineId else { throw ValidationErrors(errors) }
        return ValidReport(unitId: unitId, deadlineId: deadlineId, text: text, figures: body.figures ?? [:])
    }

    func submitReport(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(ReportRequest.self, for: Contract.submitReport, from: request, context: context).value
        let valid = try Self.report(body)
        let report = try await movements.submitReport(
            try movementId(context), unitId: valid.unitId, deadlineId: valid.deadlineId, text: valid.text, figures: valid.figures,
            on: context.today,
            as: identity)
        return try JSON.response(MovementReportResponse(report), status: .created)
    }

    func reports(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let items = try await movements.reports(try movementId(context), as: identity).map(MovementReportResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(items.count, 1)))
    }

    func coverage(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let today =
            try request.query("today").map { raw in
                guard let date = CalendarDate(raw) else { throw DomainError.invalid("error.bad_date", field: "today") }
                return date
            } ?? context.today
        return try JSON.response(
            MovementCoverageResponse(try await movements.coverage(try movementId(context), today: today, as: identity)))
    }

    /// The file is the raw body; its name comes in `?name=`. Its type is sniffed, not trusted.
    func attach(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try movementId(context)
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: AttachmentKind.maxSize)
        } catch {
            throw DomainError.invalid("error.attachment_too_large", field: "file", "10")
        }
        // Only a label: the store keeps its last path component, without hidden characters, under
        // the extension of the sniffed type.
        let name = String((request.query("name") ?? "").prefix(400))
        let attached = try await movements.attach(id, name: name, data: Data(buffer: buffer), as: identity)
        return try JSON.response(MovementAttachmentResponse(attached), status: .created)
    }

    func attachment(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let attachmentId = try context.pathId("attachmentId", notFound: "error.attachment_not_found")
        let (meta, data) = try await movements.attachment(try movementId(context), attachmentId: attachmentId, as: identity)
        return Self.download(meta, data)
    }

    /// The stored file as a download that the browser never renders in place (pages share it).
    static func download(_ meta: MovementRecord.Attachment, _ data: Data) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = meta.contentType
        headers[.contentDisposition] = ContentDisposition.attachment(meta.name)
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}
