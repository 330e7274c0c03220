import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/councils`: the emulation and reward councils that review what their unit decides or
/// proposes upward (Law Art 83; LAW_FACTS §4.3).
struct CouncilsAPI {
    let councils: CouncilStore

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.list, use: list)
        routes.write.on(Contract.create, use: create)
        routes.browse.on(Contract.get, use: get)
    }

    struct MemberRequest: Decodable, Sendable {
        var personId: Int64?
        var name: String?
        var title: String?
        var role: String?
    }

    struct CreateRequest: Decodable, Sendable {
        var unitId: Int64?
        var name: String?
        var sitsFrom: String?
        var sitsUntil: String?
        var members: [MemberRequest]?
    }

    /// Every field problem at once, the council's own rules (one chair, a person once) included.
    static func draft(_ body: CreateRequest) throws -> CouncilDraft {
        var errors: [DomainError] = []
        if body.unitId == nil { errors.append(.invalid("error.required", field: "unitId")) }
        let name = Validate.name(body.name, field: "name", into: &errors)
        let from = body.sitsFrom.flatMap { $0.isEmpty ? nil : MovementsAPI.date($0, field: "sitsFrom", into: &errors) }
        let until = body.sitsUntil.flatMap { $0.isEmpty ? nil : MovementsAPI.date($0, field: "sitsUntil", into: &errors) }
        var seats: [CouncilSeat] = []
        for (index, member) in (body.members ?? []).enumerated() {
            let field = "members[\(index)]"
            let role = Validate.choice(member.role, as: CouncilRole.self, field: field + ".role", into: &errors)
            let outsider = Validate.optionalText(member.name, field: field + ".name", into: &errors)
            let title = Validate.optionalText(member.title, field: field + ".title", into: &errors)
            if let role { seats.append(CouncilSeat(personId: member.personId, name: outsider, title: title, role: role)) }
        }
        guard let unitId = body.unitId else { throw ValidationErrors(errors) }
        let draft = CouncilDraft(unitId: unitId, name: name, seats: seats, sitsFrom: from, sitsUntil: until)
        errors += draft.problems()
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return draft
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        var errors: [DomainError] = []
        let unitId = request.uri.queryParameters.get("unitId").flatMap { raw -> Int64? in
            guard let id = Int64(raw) else {
                errors.append(.invalid("error.bad_id", field: "unitId"))
                return nil
            }
            return id
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        let items = try await councils.list(unitId: unitId, as: context.identity).map(CouncilResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(items.count, 1)))
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context).value
        return try JSON.response(CouncilResponse(try await councils.create(try Self.draft(body), as: context.identity)), status: .created)
    }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        let id = try context.pathId("id", notFound: "error.council_not_found")
        return try JSON.response(CouncilResponse(try await councils.get(id, as: context.identity)))
    }
}
