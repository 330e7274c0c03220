import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/clusters`: clusters and blocks, their members, and the opening of a season.
struct ClustersAPI {
    let clusters: ClusterStore
    let seasons: SeasonStore

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("clusters", use: list)
        group.post("clusters", use: create)
        group.get("clusters/{id}", use: get)
        group.post("clusters/{id}/members", use: member)
        group.post("clusters/{id}/seasons", use: createSeason)
    }

    struct CreateRequest: Decodable, Sendable {
        static let fields: Set<String> = ["code", "name", "kind", "organiserUnitId", "decisionNumber", "decisionDate", "memberUnitIds", "rotation"]
        var code: String?
        var name: String?
        var kind: String?
        var organiserUnitId: Int64?
        var decisionNumber: String?
        var decisionDate: String?
        var memberUnitIds: [Int64]?
        var rotation: RotationRule?
    }

    enum ClusterKind: String { case cluster, block }

    func clusterId(_ context: AppRequestContext) throws -> Int64 { try context.pathId("id", notFound: "error.cluster_not_found") }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireBrowse(identity)
        let items = try await clusters.list(as: identity)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(items.count, 1)))
    }

    func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireWrite(identity)
        let body = try await RequestBody.decode(CreateRequest.self, allowed: CreateRequest.fields, from: request, context: context).value
        var errors: [DomainError] = []
        let code = Validate.code(body.code, field: "code", into: &errors)
        let name = Validate.name(body.name, field: "name", into: &errors)
        let kind = Validate.choice(body.kind, as: ClusterKind.self, field: "kind", into: &errors)
        if body.organiserUnitId == nil { errors.append(.invalid("error.required", field: "organiserUnitId")) }
        let number = Validate.name(body.decisionNumber, field: "decisionNumber", into: &errors)
        let date = MovementsAPI.date(body.decisionDate, field: "decisionDate", into: &errors)
        guard errors.isEmpty, let kind, let organiser = body.organiserUnitId, let date else { throw ValidationErrors(errors) }
        let draft = ClusterDraft(code: code, name: name, kind: kind.rawValue, organiserUnitId: organiser, decisionNumber: number,
                                 decisionDate: date, memberUnitIds: body.memberUnitIds ?? [], rotation: body.rotation ?? RotationRule())
        return try JSON.response(try await clusters.create(draft, as: identity), status: .created)
    }

    func get(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireBrowse(identity)
        return try JSON.response(try await clusters.get(try clusterId(context), as: identity))
    }

    struct MemberRequest: Decodable, Sendable {
        static let fields: Set<String> = ["unitId", "date", "leave"]
        var unitId: Int64?
        var date: String?
        var leave: Bool?
    }

    /// A unit joins, or with `"leave": true` leaves, on a date (history kept).
    func member(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireWrite(identity)
        let body = try await RequestBody.decode(MemberRequest.self, allowed: MemberRequest.fields, from: request, context: context).value
        guard let unitId = body.unitId else { throw DomainError.invalid("error.required", field: "unitId") }
        let date = try UnitsAPI.date(body.date)
        return try JSON.response(try await clusters.changeMember(try clusterId(context), unitId: unitId, leave: body.leave ?? false, on: date, as: identity))
    }

    struct SeasonRequest: Decodable, Sendable {
        static let fields: Set<String> = ["year", "leaderUnitId", "deputyUnitId", "mode", "bonusCap", "criteria", "rulesText", "covenantText"]
        var year: Int?
        var leaderUnitId: Int64?
        var deputyUnitId: Int64?
        var mode: String?
        var bonusCap: Points?
        var criteria: [CriterionLine]?
        var rulesText: String?
        var covenantText: String?
    }

    func createSeason(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireWrite(identity)
        let body = try await RequestBody.decode(SeasonRequest.self, allowed: SeasonRequest.fields, from: request, context: context).value
        var errors: [DomainError] = []
        if body.year.map({ !(1900...2200).contains($0) }) ?? true { errors.append(.invalid("error.bad_year", field: "year")) }
        if body.leaderUnitId == nil { errors.append(.invalid("error.required", field: "leaderUnitId")) }
        if body.deputyUnitId == nil { errors.append(.invalid("error.required", field: "deputyUnitId")) }
        let mode = Validate.choice(body.mode ?? "verification", as: ScoringMode.self, field: "mode", into: &errors)
        let rules = Validate.optionalText(body.rulesText, field: "rulesText", max: 20_000, into: &errors) ?? ""
        let covenant = Validate.optionalText(body.covenantText, field: "covenantText", max: 20_000, into: &errors) ?? ""
        for (index, line) in (body.criteria ?? []).enumerated() {
            _ = Validate.code(line.code, field: "criteria.\(index).code", into: &errors)
            _ = Validate.code(line.section, field: "criteria.\(index).section", into: &errors)
            _ = Validate.name(line.title, field: "criteria.\(index).title", into: &errors)
        }
        guard errors.isEmpty, let year = body.year, let leader = body.leaderUnitId, let deputy = body.deputyUnitId, let mode else {
            throw ValidationErrors(errors)
        }
        let draft = SeasonDraft(year: year, leaderUnitId: leader, deputyUnitId: deputy, mode: mode, bonusCap: body.bonusCap ?? .zero,
                                criteria: body.criteria ?? [], rulesText: rules, covenantText: covenant)
        return try JSON.response(try await seasons.create(clusterId: try clusterId(context), draft, as: identity), status: .created)
    }
}
