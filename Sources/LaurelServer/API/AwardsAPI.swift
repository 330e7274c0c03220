import Hummingbird
import LaurelDomain
import LaurelStore

/// The award register: entering, reading and revoking rows.
struct AwardsAPI {
    let awards: AwardStore

    func register(on routes: APIRoutes) {
        routes.write.on(Contract.createForPerson) { request, context in try await create(request, context, person: true) }
        routes.write.on(Contract.createForUnit) { request, context in try await create(request, context, person: false) }
        routes.any.on(Contract.list, use: list)
        routes.any.on(Contract.get, use: get)
        routes.write.on(Contract.revoke, use: revoke)
    }

    struct AwardRequest: Decodable, Sendable {
        var code: String?
        var year: Int?
        var endYear: Int?
        var kind: String?
        var decisionNumber: String?
        var decisionDate: String?
        var authority: String?
        var status: String?
    }

    static func draft(_ body: AwardRequest, today: CalendarDate) throws -> AwardDraft {
        var errors: [DomainError] = []
        let today = today
        let code = (body.code ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty { errors.append(.invalid("error.required", field: "code")) }
        let year = RecordRules.year(body.year, today: today, field: "year", into: &errors)
        if let end = body.endYear, let year, end < year || end > today.year {
            errors.append(.invalid("error.year_out_of_range", field: "endYear", String(end)))
        }
        let kind = body.kind.map { Validate.choice($0, as: AwardKind.self, field: "kind", into: &errors) } ?? .merit
        let status = body.status.map { Validate.choice($0, as: AwardStatus.self, field: "status", into: &errors) } ?? .valid
        let number = Validate.optionalText(body.decisionNumber, field: "decisionNumber", max: 100, into: &errors)
        let date = RecordRules.decisionDate(body.decisionDate, today: today, field: "decisionDate", into: &errors)
        let authority = Validate.optionalText(body.authority, field: "authority", into: &errors)
        if status == .revoked { errors.append(.invalid("error.award_revoke_separately", field: "status")) }
        guard errors.isEmpty, let year, let kind, let status else { throw ValidationErrors(errors) }
        return AwardDraft(
            code: code, year: year, endYear: body.endYear, kind: kind, decisionNumber: number, decisionDate: date,
            authority: authority, status: status)
    }

    func create(_ request: Request, _ context: WriteContext, person: Bool) async throws -> Response {
        let identity = context.identity
        let subject = try RecordsAPI.subject(context, person: person)
        let body = try await RequestBody.decode(AwardRequest.self, for: Contract.createForPerson, from: request, context: context)
        return try JSON.response(
            AwardResponse(try await awards.create(subject, try Self.draft(body.value, today: context.today), as: identity)),
            status: .created)
    }

    func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(AwardResponse(try await awards.get(try context.id(), as: identity)))
    }

    struct RevokeRequest: Decodable, Sendable {
        var reason: String?
    }

    func revoke(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let body = try await RequestBody.decode(RevokeRequest.self, for: Contract.revoke, from: request, context: context)
        var errors: [DomainError] = []
        let reason = Validate.name(body.value.reason, field: "reason", into: &errors)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return try JSON.response(AwardResponse(try await awards.revoke(id, reason: reason, as: identity)))
    }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let filter = try ExportsAPI.filter(request)
        let page = try await awards.list(
            filter, paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")), as: identity)
        return try JSON.response(
            ListResponse(items: page.items.map(AwardListItemResponse.init), total: page.total, page: page.page, per: page.per))
    }
}
