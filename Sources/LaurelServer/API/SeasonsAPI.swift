import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// `/api/v1/seasons/{id}`: scoring, locking, ranking, covenant, targets, conference, proposals.
struct SeasonsAPI {
    let seasons: SeasonStore
    let localisation: Localisation

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.get, use: get)
        routes.write.on(Contract.selfScore, use: selfScore)
        routes.write.on(Contract.verify, use: verify)
        routes.write.on(Contract.crossScore, use: crossScore)
        routes.write.on(Contract.finalise, use: finalise)
        routes.write.on(Contract.reopen, use: reopen)
        routes.browse.on(Contract.ranking, use: ranking)
        routes.browse.on(Contract.exportRanking, use: exportRanking)
        routes.write.on(Contract.covenant, use: covenant)
        routes.write.on(Contract.targets, use: targets)
        routes.write.on(Contract.conference, use: conference)
        routes.browse.on(Contract.proposals, use: proposals)
        routes.write.on(Contract.propose, use: propose)
        routes.write.on(Contract.nextSeason, use: nextSeason)
    }

    func seasonId(_ context: some SignedInRequestContext) throws -> Int64 { try context.pathId("id", notFound: "error.season_not_found") }
    func unitId(_ context: some SignedInRequestContext, _ name: String = "unitId") throws -> Int64 {
        try context.pathId(name, notFound: "error.unit_not_found")
    }

    struct ScoresRequest: Decodable, Sendable {
        var scores: [String: Points]?
        var verifierUnitId: Int64?
        var sheet: ScoreSheet {
            get throws {
                guard let scores else { throw DomainError.invalid("error.required", field: "scores") }
                return ScoreSheet(scores)
            }
        }
    }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(SeasonResponse(try await seasons.get(try seasonId(context), as: identity)))
    }

    func selfScore(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let (id, unit) = (try seasonId(context), try unitId(context))
        let body = try await RequestBody.decode(ScoresRequest.self, for: Contract.selfScore, from: request, context: context).value
        return try JSON.response(SeasonResponse(try await seasons.submitSelfScore(id, unitId: unit, sheet: try body.sheet, as: identity)))
    }

    func verify(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let (id, unit) = (try seasonId(context), try unitId(context))
        let body = try await RequestBody.decode(ScoresRequest.self, for: Contract.verify, from: request, context: context).value
        return try JSON.response(
            SeasonResponse(try await seasons.verify(id, unitId: unit, sheet: try body.sheet, verifier: body.verifierUnitId, as: identity)))
    }

    func crossScore(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let (id, scorer, target) = (try seasonId(context), try unitId(context, "scorerUnitId"), try unitId(context, "targetUnitId"))
        let body = try await RequestBody.decode(ScoresRequest.self, for: Contract.crossScore, from: request, context: context).value
        return try JSON.response(
            SeasonResponse(try await seasons.submitCrossScore(id, scorer: scorer, target: target, sheet: try body.sheet, as: identity)))
    }

    func finalise(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(SeasonResponse(try await seasons.finalise(try seasonId(context), as: identity)))
    }

    struct ReasonRequest: Decodable, Sendable { var reason: String? }

    func reopen(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try seasonId(context)
        let body = try await RequestBody.decode(ReasonRequest.self, for: Contract.reopen, from: request, context: context).value
        var errors: [DomainError] = []
        let reason = Validate.optionalText(body.reason, field: "reason", max: 2000, into: &errors)
        guard errors.isEmpty, let reason else {
            throw ValidationErrors(errors.isEmpty ? [.invalid("error.required", field: "reason")] : errors)
        }
        return try JSON.response(SeasonResponse(try await seasons.reopen(id, reason: reason, as: identity)))
    }

    func basis(_ request: Request) throws -> RankingBasis {
        guard let raw = request.query("basis") else { return .raw }
        guard let basis = RankingBasis(rawValue: raw) else { throw DomainError.invalid("error.unknown_choice", field: "basis", raw) }
        return basis
    }

    func ranking(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(RankingResponse(try await seasons.ranking(try seasonId(context), basis: try basis(request), as: identity)))
    }

    /// The ranking with section subtotals, as XLSX (or CSV with `?format=csv`).
    func exportRanking(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let id = try seasonId(context)
        let ranking = try await seasons.ranking(id, basis: try basis(request), as: identity)
        func t(_ key: String) -> String { localisation.string(key, context.locale) }
        let header = [t("ranking_rank"), t("minutes_unit")] + ranking.sectionOrder.map { "\($0.code). \($0.title)" } + [t("ranking_final")]
        let rows: [[CellValue]] =
            ranking.rows.map { row in
                [.number(Double(row.rank)), .text(row.unitName)]
                    + ranking.sectionOrder.map { .number(Double(row.sections[$0.code]?.hundredths ?? 0) / 100) }
                    + [.number(Double(row.final.hundredths) / 100)]
            }
            + ranking.pendingDetails.map {
                [.empty, .text($0.unitName)] + ranking.sectionOrder.map { _ in .empty } + [.text(t("ranking_pending"))]
            }
        return try SpreadsheetResponse.make(format: request.query("format"), name: "xep-hang-\(id)", header: header, rows: rows)
    }

    struct CovenantRequest: Decodable, Sendable {
        var rulesText: String?
        var covenantText: String?
        var signedOn: String?
        var signedUnitIds: [Int64]?
    }

    func covenant(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try seasonId(context)
        let body = try await RequestBody.decode(CovenantRequest.self, for: Contract.covenant, from: request, context: context)
            .value
        let change = try Self.covenantChange(body)
        return try JSON.response(
            SeasonResponse(
                try await seasons.updateCovenant(
                    id, rulesText: change.rulesText, covenantText: change.covenantText,
                    signedOn: change.signedOn, signedUnitIds: change.signedUnitIds, as: identity)))
    }

    struct TargetsRequest: Decodable, Sendable {
        struct Target: Decodable, Sendable {
            var code: String?
            var title: String?
            var measure: String?
            var planned: Decimal?
            var actual: Decimal?
            var direction: String?
        }
        var targets: [Target]?
    }

    func targets(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let (id, unit) = (try seasonId(context), try unitId(context))
        let body = try await RequestBody.decode(TargetsRequest.self, for: Contract.targets, from: request, context: context).value
        return try JSON.response(
            SeasonResponse(
                try await seasons.setTargets(id, unitId: unit, targets: try Self.registeredTargets(body, unitId: unit), as: identity)))
    }

    struct ConferenceRequest: Decodable, Sendable {
        var date: String?
        var venue: String?
        var attendance: String?
    }

    func conference(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try seasonId(context)
        let body = try await RequestBody.decode(ConferenceRequest.self, for: Contract.conference, from: request, context: context)
            .value
        let change = try Self.conferenceChange(body)
        return try JSON.response(
            SeasonResponse(
                try await seasons.setConference(id, on: change.date, venue: change.venue, attendance: change.attendance, as: identity)))
    }

    func proposals(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let items = try await seasons.proposals(try seasonId(context), as: identity).map(ProposalResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(items.count, 1)))
    }

    struct ProposalRequest: Decodable, Sendable {
        var unitId: Int64?
        var code: String?
        var ballotId: Int64?
    }

    func propose(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try seasonId(context)
        let body = try await RequestBody.decode(ProposalRequest.self, for: Contract.propose, from: request, context: context)
            .value
        let (unit, code) = try Self.proposal(body, catalogue: context.catalogue)
        let items = try await seasons.addProposal(id, unitId: unit, code: code, ballotId: body.ballotId, as: identity)
            .map(ProposalResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(items.count, 1)), status: .created)
    }

    /// The one check of a proposal, for the API and the votes page: a member and a collective award code.
    static func proposal(_ body: ProposalRequest, catalogue: AwardCatalogue) throws -> (unitId: Int64, code: String) {
        var errors: [DomainError] = []
        if body.unitId == nil { errors.append(.invalid("error.required", field: "unitId")) }
        let code = body.code.flatMap { SeasonPolicy.mayPropose(code: $0, in: catalogue) ? $0 : nil }
        if code == nil { errors.append(.invalid("error.unknown_award_code", field: "code", body.code ?? "")) }
        guard errors.isEmpty, let unit = body.unitId, let code else { throw ValidationErrors(errors) }
        return (unit, code)
    }

    struct NextRequest: Decodable, Sendable {
        var leaderUnitId: Int64?
        var deputyUnitId: Int64?
    }

    /// Next year's season; leader and deputy from this season's closed elections (or as given).
    func nextSeason(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try seasonId(context)
        let body = try await RequestBody.decode(NextRequest.self, for: Contract.nextSeason, from: request, context: context).value
        return try JSON.response(
            SeasonResponse(try await seasons.nextSeason(id, leader: body.leaderUnitId, deputy: body.deputyUnitId, as: identity)),
            status: .created)
    }
}
