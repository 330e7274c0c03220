import Hummingbird
import LaurelDomain
import LaurelStore

/// Pages of a season: the season with its scoring grid (self-score for a
/// member's officer, verification for the leader's and deputy's), the ranking, lock and reopen.
struct SeasonPages {
    let clusters: ClusterStore
    let seasons: SeasonStore
    let ballots: BallotStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("seasons/{id}", use: show)
        routes.any.post("seasons/{id}/self-score", use: selfScore)
        routes.any.post("seasons/{id}/verify/{unitId}", use: verify)
        routes.any.post("seasons/{id}/finalise", use: finalise)
        routes.any.post("seasons/{id}/reopen", use: reopen)
    }

    struct GridRow {
        let section: String
        let code: String
        let title: String
        let max: String
        let kind: String
        let value: String
        let field: String
    }
    struct RankRow {
        let rank: Int
        let name: String
        let final: String
        let sections: [String]
    }
    struct MemberRow {
        let id: Int64
        let name: String
        let role: String
        let signed: Bool
        let selfScored: Bool
        let verified: Bool
        let targets: String
        let verifyURL: String?
    }
    struct BallotRow {
        let id: Int64
        let purpose: String
        let closed: Bool
    }
    struct Content {
        let season: SeasonRecord
        let modeLabel: String
        let statusLabel: String
        let leader: String
        let deputy: String
        let members: [MemberRow]
        let sectionTitles: [String]
        let ranking: [RankRow]
        let pending: [String]
        let ownGrid: [GridRow]
        let hasOwn: Bool
        let ownName: String?
        let verifyGrid: [GridRow]
        let hasVerify: Bool
        let hasPending: Bool
        let verifyName: String?
        let verifyTarget: Int64?
        let canFinalise: Bool
        let canReopen: Bool
        let finalised: Bool
        let ballots: [BallotRow]
        let flash: String?
        let tabScoring = true
    }

    func grid(_ season: SeasonRecord, sheet: ScoreSheet?, context: some SignedInRequestContext) -> [GridRow] {
        season.criteria.map {
            GridRow(
                section: $0.sectionTitle ?? $0.section, code: $0.code, title: $0.title,
                max: ($0.kind == .deduction ? "−" : "") + $0.maxPoints.description,
                kind: pages.t("criterion_kind_\($0.kind.rawValue)", context),
                value: sheet?.scores[$0.code]?.description ?? "", field: "s_" + $0.code)
        }
    }

    func render(
        _ id: Int64, request: Request, identity: Identity, context: some SignedInRequestContext, flash: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (season, policy) = try await seasons.getWithPolicy(id, as: identity)
        let ranking = try await seasons.ranking(id, as: identity)
        let names = Dictionary(season.members.map { ($0.unitId, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        let open = season.status == .open
        // The forms the store would accept (SeasonPolicy); the store decides in the end.
        let own = season.members.first { $0.unitId == policy.ownMember }
        var ownGrid: [GridRow]?
        if let own, open {
            ownGrid = grid(season, sheet: try await seasons.sheets(id, unitId: own.unitId, as: identity).selfScore, context: context)
        }
        var verifyGrid: [GridRow]?
        let target = request.queryInt64("target").flatMap { target in season.members.contains { $0.unitId == target } ? target : nil }
        if open, let target, policy.mayVerify(target) {
            let sheets = try await seasons.sheets(id, unitId: target, as: identity)
            verifyGrid = grid(season, sheet: sheets.verified?.sheet ?? sheets.selfScore, context: context)
        }
        let records = try await ballots.list(subjectKind: .season, subjectId: id, as: identity)
        let content = Content(
            season: season, modeLabel: pages.t("season_mode_\(season.mode.rawValue)", context),
            statusLabel: pages.t("season_status_\(season.status.rawValue)", context),
            leader: names[season.leaderUnitId] ?? "", deputy: names[season.deputyUnitId] ?? "",
            members: season.members.map { member in
                let role =
                    member.unitId == season.leaderUnitId
                    ? pages.t("season_leader", context)
                    : member.unitId == season.deputyUnitId ? pages.t("season_deputy", context) : ""
                let mayVerify = open && policy.mayVerify(member.unitId)
                return MemberRow(
                    id: member.unitId, name: member.unitName, role: role, signed: member.signedCovenant, selfScored: member.selfScored,
                    verified: member.verified,
                    targets: pages.t("season_targets_met", context, [String(member.targets.met), String(member.targets.total)]),
                    verifyURL: mayVerify && season.mode == .verification ? "/seasons/\(id)?target=\(member.unitId)#verify" : nil)
            },
            sectionTitles: ranking.sectionOrder.map { "\($0.code). \($0.title)" },
            ranking: ranking.rows.map { row in
                RankRow(
                    rank: row.rank, name: row.unitName, final: row.final.description,
                    sections: ranking.sectionOrder.map { row.sections[$0.code]?.description ?? "0" })
            },
            pending: ranking.pendingDetails.map(\.unitName), ownGrid: ownGrid ?? [], hasOwn: ownGrid != nil, ownName: own?.unitName,
            verifyGrid: verifyGrid ?? [], hasVerify: verifyGrid != nil, hasPending: !ranking.pendingDetails.isEmpty,
            verifyName: target.flatMap { names[$0] }, verifyTarget: target,
            canFinalise: open && policy.mayPreside, canReopen: !open && policy.mayOrganise, finalised: !open,
            ballots: records.map { BallotRow(id: $0.id, purpose: $0.purpose, closed: $0.closed) }, flash: flash)
        return try pages.html(
            "season", title: "\(season.clusterName) · \(season.year)", nav: "clusters", content: content, context: context, status: status)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let flash = request.query("done").map { _ in pages.t("season_saved", context) }
        return try await render(try context.id(), request: request, identity: identity, context: context, flash: flash)
    }

    /// Reads `s_<code>` fields: "12", "12.5" or "12,5"; empty fields are left out.
    static func sheet(_ form: FormData) throws -> ScoreSheet {
        var scores: [String: Points] = [:]
        var errors: [DomainError] = []
        for (name, values) in form.values where name.hasPrefix("s_") {
            let code = String(name.dropFirst(2))
            guard let raw = values.first?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { continue }
            guard let points = Points(raw.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")) else {
                errors.append(.invalid("error.wrong_type", field: "scores.\(code)"))
                continue
            }
            scores[code] = points
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return ScoreSheet(scores)
    }

    /// Runs a write; on a refusal the season page comes back with the message and a 422/403.
    func attempt(
        _ request: Request, context: some SignedInRequestContext, _ body: (Identity, Int64) async throws -> String
    ) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        do {
            let next = try await body(identity, id)
            return .redirect(to: next, type: .normal)
        } catch let error as DomainError where error.kind != .notFound {
            return try await render(
                id, request: request, identity: identity, context: context, flash: pages.localisation.message(error, context.locale),
                status: error.kind == .forbidden ? .forbidden : .unprocessableContent)
        } catch let errors as ValidationErrors {
            let text = errors.errors.map { pages.localisation.message($0, context.locale) }.joined(separator: " ")
            return try await render(id, request: request, identity: identity, context: context, flash: text, status: .unprocessableContent)
        }
    }

    func selfScore(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(request, context: context) { identity, id in
            _ = try await seasons.submitSelfScore(id, unitId: identity.account.unitId, sheet: try Self.sheet(form), as: identity)
            return "/seasons/\(id)?done=1"
        }
    }

    func verify(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let target = try context.pathId("unitId", notFound: "error.unit_not_found")
        return try await attempt(request, context: context) { identity, id in
            _ = try await seasons.verify(id, unitId: target, sheet: try Self.sheet(form), verifier: nil, as: identity)
            return "/seasons/\(id)?done=1"
        }
    }

    func finalise(_ request: Request, context: SignedInContext) async throws -> Response {
        try await attempt(request, context: context) { identity, id in
            _ = try await seasons.finalise(id, as: identity)
            return "/seasons/\(id)?done=1"
        }
    }

    func reopen(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(request, context: context) { identity, id in
            _ = try await seasons.reopen(id, reason: form["reason"] ?? "", as: identity)
            return "/seasons/\(id)?done=1"
        }
    }
}
