import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/units/{id}/quotas` and `/api/v1/units/{id}/quota-check`: the award quotas a unit sets
/// for its subtree, and an ordered proposal list judged against the one in force.
struct QuotasAPI {
    let quotas: QuotaStore
    let histories: HistoryStore

    func register(on routes: APIRoutes) {
        routes.any.on(Contract.list, use: list)
        routes.write.on(Contract.put, use: put)
        routes.write.on(Contract.delete, use: delete)
        routes.browse.on(Contract.check, use: check)
    }

    /// A quota as the API shows it (schema `QuotaSetting`).
    struct QuotaSettingResponse: APIResponseBody {
        let code: String, percent: Int, ofCode: String, unitId: Int64, unitName: String, inherited: Bool

        init(_ setting: QuotaSetting) {
            code = setting.code
            percent = setting.percent
            ofCode = setting.ofCode
            unitId = setting.unitId
            unitName = setting.unitName
            inherited = setting.inherited
        }
    }

    struct ItemsResponse: APIResponseBody { let items: [QuotaSettingResponse] }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let settings = try await quotas.inForce(unitId: try context.id(), as: identity)
        return try JSON.response(ItemsResponse(items: settings.map(QuotaSettingResponse.init)))
    }

    struct PutRequest: Decodable, Sendable {
        var percent: WholeNumber?
        var ofCode: String?
    }

    func put(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let unitId = try context.id()
        let code = context.parameters.get("code") ?? ""
        let body = try await RequestBody.decode(PutRequest.self, for: Contract.put, from: request, context: context).value
        let quota = try AwardQuota(validating: code, percent: body.percent?.int, ofCode: body.ofCode, catalogue: context.catalogue)
        return try JSON.response(QuotaSettingResponse(try await quotas.set(quota, unitId: unitId, as: identity)))
    }

    func delete(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        try await quotas.remove(code: context.parameters.get("code") ?? "", unitId: try context.id(), as: identity)
        return Response(status: .noContent)
    }

    /// A unit's proposals are at most its own people; this is far above any real unit.
    static let maxProposals = 20_000

    struct CheckRequest: Decodable, Sendable {
        var code: String?
        var year: WholeNumber?
        /// Person ids in the unit's order of preference.
        var proposals: [WholeNumber]?
    }

    /// Judges the proposals (people directly in the unit, in its order) against the quota in force.
    func check(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let unitId = try context.id()
        let body = try await RequestBody.decode(
            CheckRequest.self, for: Contract.check, from: request, context: context,
            maxItems: Self.maxProposals
        ).value
        var errors: [DomainError] = []
        if let code = body.code {
            if context.catalogue.entry(for: code) == nil { errors.append(.invalid("error.unknown_award_code", field: "code", code)) }
        } else {
            errors.append(.invalid("error.required", field: "code"))
        }
        if let year = body.year?.int {
            if !(1945...2200).contains(year) { errors.append(.invalid("error.year_out_of_range", field: "year", String(year))) }
        } else {
            errors.append(.invalid("error.required", field: "year"))
        }
        if body.proposals == nil { errors.append(.invalid("error.required", field: "proposals")) }
        guard errors.isEmpty, let code = body.code, let year = body.year?.int, let proposals = body.proposals?.map(\.value) else {
            throw ValidationErrors(errors)
        }

        let unit = try await histories.unit(unitId, as: identity)
        guard let setting = try await quotas.inForce(unitId: unitId, as: identity).first(where: { $0.code == code }) else {
            throw DomainError.invalid("error.quota_none_in_force", field: "code", code)
        }
        let members = Set(unit.history.members.map(\.id))
        var seen: Set<Int64> = []
        for (index, person) in proposals.enumerated() {
            if !members.contains("p-\(person)") {
                errors.append(.invalid("error.quota_proposal_not_member", field: "proposals.\(index)", String(person)))
            } else if !seen.insert(person).inserted {
                errors.append(.invalid("error.quota_proposal_repeated", field: "proposals.\(index)", String(person)))
            }
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return try JSON.response(
            QuotaCheck.judge(
                setting, unitId: unit.id, unitName: unit.name, members: unit.history.members,
                proposals: proposals, year: year, engine: context.engine))
    }
}

/// An integer in a JSON body. Foundation reports 15.5 for an `Int` without the field's path;
/// this names the field (`percent`, `proposals.3`) like every other wrong type.
struct WholeNumber: Decodable, Sendable {
    let value: Int64
    /// The value as an `Int`, out of range (so refused) when it does not fit.
    var int: Int { Int(exactly: value) ?? .max }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let value = try? container.decode(Int64.self) else {
            throw DecodingError.typeMismatch(Int64.self, .init(codingPath: decoder.codingPath, debugDescription: "a whole number"))
        }
        self.value = value
    }
}
