import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/clusters`: clusters and blocks, their members, and the opening of a season.
/// The checks of each body are static functions, so the pages go through the same ones.
struct ClustersAPI {
    let clusters: ClusterStore
    let seasons: SeasonStore

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.list, use: list)
        routes.write.on(Contract.create, use: create)
        routes.browse.on(Contract.get, use: get)
        routes.write.on(Contract.member, use: member)
        routes.write.on(Contract.createSeason, use: createSeason)
    }

    struct CreateRequest: Decodable, Sendable {
        var code: String?
        var name: String?
        var kind: String?
        var organiserUnitId: Int64?
        var decisionNumber: String?
        var decisionDate: String?
        var memberUnitIds: [Int64]?
        var rotation: RotationRule?
    }

    func clusterId(_ context: some SignedInRequestContext) throws -> Int64 { try context.pathId("id", notFound: "error.cluster_not_found") }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let items = try await clusters.list(as: identity).map(ClusterResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(items.count, 1)))
    }

    /// Every field problem of a new cluster at once; scope and duplicates are the store's.
    static func draft(_ body: CreateRequest) throws -> ClusterDraft {
        var errors: [DomainError] = []
        let code = Validate.code(body.code, field: "code", into: &errors)
        let name = Validate.name(body.name, field: "name", into: &errors)
        let kind = Validate.choice(body.kind, as: ClusterKind.self, field: "kind", into: &errors)
        if body.organiserUnitId == nil { errors.append(.invalid("error.required", field: "organiserUnitId")) }
        let number = Validate.name(body.decisionNumber, field: "decisionNumber", into: &errors)
        let date = MovementsAPI.date(body.decisionDate, field: "decisionDate", into: &errors)
        guard errors.isEmpty, let kind, let organiser = body.organiserUnitId, let date else { throw ValidationErrors(errors) }
        return ClusterDraft(
            code: code, name: name, kind: kind, organiserUnitId: organiser, decisionNumber: number,
            decisionDate: date, memberUnitIds: body.memberUnitIds ?? [], rotation: body.rotation ?? RotationRule())
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context).value
        return try JSON.response(ClusterResponse(try await clusters.create(try Self.draft(body), as: identity)), status: .created)
    }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(ClusterResponse(try await clusters.get(try clusterId(context), as: identity)))
    }

    struct MemberRequest: Decodable, Sendable {
        var unitId: Int64?
        var date: String?
        var leave: Bool?
    }

    struct MemberChange: Sendable {
        let unitId: Int64
        let leave: Bool
        let date: CalendarDate
    }

    /// A join or a leave: the unit is required, the date defaults to today.
    static func memberChange(_ body: MemberRequest, today: CalendarDate) throws -> MemberChange {
        var errors: [DomainError] = []
        if body.unitId == nil { errors.append(.invalid("error.required", field: "unitId")) }
        var date = today
        if let raw = body.date, !raw.isEmpty {
            if let parsed = CalendarDate(raw) { date = parsed } else { errors.append(.invalid("error.bad_date", field: "date")) }
        }
        guard errors.isEmpty, let unitId = body.unitId else { throw ValidationErrors(errors) }
        return MemberChange(unitId: unitId, leave: body.leave ?? false, date: date)
    }

    /// A unit joins, or with `"leave": true` leaves, on a date (history kept).
    func member(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(MemberRequest.self, for: Contract.member, from: request, context: context).value
        let change = try Self.memberChange(body, today: context.today)
        return try JSON.response(
            ClusterResponse(
                try await clusters.changeMember(
                    try clusterId(context), unitId: change.unitId, leave: change.leave, on: change.date, as: identity)))
    }

    struct SeasonRequest: Decodable, Sendable {
        var year: Int?
        var leaderUnitId: Int64?
        var deputyUnitId: Int64?
        var mode: String?
        var bonusCap: Points?
        var criteria: [CriterionRequest]?
        var rulesText: String?
        var covenantText: String?
    }

    /// A line of the criteria table as sent (schema `Criterion`): the kind is checked with the
    /// other fields, so an unknown one is a field error like the rest.
    struct CriterionRequest: Decodable, Sendable {
        var code: String
        var section: String
        var sectionTitle: String?
        var title: String
        var maxPoints: Points
        var kind: String
    }

    /// Every field problem of a new season, each criteria line's by its index
    /// (`criteria.3.maxPoints`). Leadership against the members and last year's table are the store's.
    static func seasonDraft(_ body: SeasonRequest) throws -> SeasonDraft {
        var errors: [DomainError] = []
        if body.year.map({ !(1900...2200).contains($0) }) ?? true { errors.append(.invalid("error.bad_year", field: "year")) }
        if body.leaderUnitId == nil { errors.append(.invalid("error.required", field: "leaderUnitId")) }
        if body.deputyUnitId == nil { errors.append(.invalid("error.required", field: "deputyUnitId")) }
        let mode = Validate.choice(body.mode ?? "verification", as: ScoringMode.self, field: "mode", into: &errors)
        if let cap = body.bonusCap, cap < .zero { errors.append(.invalid("error.criteria_bonus_cap_negative", field: "bonusCap")) }
        let rules = paragraphs(body.rulesText, field: "rulesText", max: 20_000, into: &errors)
        let covenant = paragraphs(body.covenantText, field: "covenantText", max: 20_000, into: &errors)
        var lines: [CriterionLine] = []
        var codes = Set<String>()
        for (index, line) in (body.criteria ?? []).enumerated() {
            let field = "criteria.\(index)."
            let code = Validate.code(line.code, field: field + "code", into: &errors)
            let section = Validate.code(line.section, field: field + "section", into: &errors)
            let sectionTitle = Validate.optionalText(line.sectionTitle, field: field + "sectionTitle", into: &errors)
            let title = Validate.name(line.title, field: field + "title", into: &errors)
            if line.maxPoints <= .zero { errors.append(.invalid("error.criteria_max_positive", field: field + "maxPoints", code)) }
            let kind = CriterionLine.Kind(rawValue: line.kind)
            if kind == nil { errors.append(.invalid("error.unknown_choice", field: field + "kind", line.kind)) }
            if !code.isEmpty, !codes.insert(code).inserted {
                errors.append(.invalid("error.criteria_duplicate_code", field: field + "code", code))
            }
            if let kind {
                lines.append(
                    CriterionLine(
                        code: code, section: section, sectionTitle: sectionTitle, title: title, maxPoints: line.maxPoints, kind: kind))
            }
        }
        guard errors.isEmpty, let year = body.year, let leader = body.leaderUnitId, let deputy = body.deputyUnitId, let mode else {
            throw ValidationErrors(errors)
        }
        return SeasonDraft(
            year: year, leaderUnitId: leader, deputyUnitId: deputy, mode: mode, bonusCap: body.bonusCap ?? .zero,
            criteria: lines, rulesText: rules, covenantText: covenant)
    }

    func createSeason(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(SeasonRequest.self, for: Contract.createSeason, from: request, context: context).value
        return try JSON.response(
            SeasonResponse(try await seasons.create(clusterId: try clusterId(context), try Self.seasonDraft(body), as: identity)),
            status: .created)
    }

    /// Free text over several lines (rules, covenant, attendance): a textarea sends "\r\n", so line
    /// breaks and tabs are allowed where `Validate.optionalText` refuses every control character.
    static func paragraphs(_ raw: String?, field: String, max: Int, into errors: inout [DomainError]) -> String {
        let value = (raw ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if value.count > max { errors.append(.invalid("error.too_long", field: field, String(max))) }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
            errors.append(.invalid("error.control_characters", field: field))
        }
        return value
    }
}
