import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// Cross scoring (chấm chéo) of a `cross` season: the officer of a member picks another member and
/// scores every criterion for it; the page shows both rankings — the mean of the totals the others
/// gave (raw) and the mean of the per-scorer z-scores (normalised) — and, for the organiser's and
/// the leader's side, who has scored whom.
struct CrossScoringPages {
    let seasons: SeasonStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("seasons/{id}/cross", use: show)
        routes.write.post("seasons/{id}/cross/{targetUnitId}", use: score)
    }

    struct TargetRow {
        let id: Int64
        let name: String
        let scored: Bool
        let url: String
        let current: Bool
    }
    struct GridRow {
        let section: String
        let code: String
        let title: String
        let max: String
        let kind: String
        let value: String
        let field: String
        let error: String?
    }
    struct RankRow {
        let rank: Int
        let name: String
        let final: String
        let normalised: String
        let sections: [String]
    }
    struct Cell {
        let text: String
        let done: Bool
        let own: Bool
    }
    struct MatrixRow {
        let scorer: String
        let cells: [Cell]
    }
    struct Content {
        let season: SeasonRecord
        let isCross: Bool
        let flash: String?
        let hasSheetErrors: Bool
        let canScore: Bool
        let ownName: String
        let targets: [TargetRow]
        let hasTargets: Bool
        let hasGrid: Bool
        let grid: [GridRow]
        let targetId: Int64?
        let targetName: String
        let sheetErrors: [String]
        let sectionTitles: [String]
        let raw: [RankRow]
        let normalised: [RankRow]
        let pending: [String]
        let hasPending: Bool
        let showProgress: Bool
        let matrixHeads: [String]
        let matrix: [MatrixRow]
        let missing: Int
        let tabCross = true
    }

    /// What a refused form brings back: the values typed and the message per field.
    struct Entered {
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var sheetErrors: [String] = []
    }

    func render(
        _ id: Int64, request: Request, identity: Identity, context: some SignedInRequestContext, flash: String? = nil,
        status: HTTPResponse.Status = .ok, target chosen: Int64? = nil, entered: Entered? = nil
    ) async throws -> Response {
        let (season, policy) = try await seasons.getWithPolicy(id, as: identity)
        let isCross = season.mode == .cross
        let names = Dictionary(season.members.map { ($0.unitId, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        let missing = Set(season.missingCrossScores.map { "\($0.scorerUnitId)-\($0.targetUnitId)" })
        func scored(_ scorer: Int64, _ target: Int64) -> Bool { !missing.contains("\(scorer)-\(target)") }

        // The scoring form: an officer of a member unit, for the others, while the season is open.
        let own = season.members.first { $0.unitId == policy.ownMember }
        let canScore = isCross && season.status == .open && own != nil
        let others = season.members.filter { $0.unitId != own?.unitId }
        // The member asked for, else the first not scored yet, else the first.
        var target: Int64?
        if let own, canScore {
            let asked = chosen ?? request.queryInt64("target")
            target =
                others.first { $0.unitId == asked }?.unitId ?? others.first { !scored(own.unitId, $0.unitId) }?.unitId
                ?? others.first?.unitId
        }
        // What was typed goes back only into the grid it was typed for.
        let entered = target != nil && target == chosen ? entered : nil
        var grid: [GridRow] = []
        if let own, let target {
            let sheet = try await seasons.crossSheet(id, scorer: own.unitId, target: target, as: identity)
            grid = season.criteria.map { line in
                let field = "s_" + line.code
                return GridRow(
                    section: line.sectionTitle ?? line.section, code: line.code, title: line.title,
                    max: (line.kind == .deduction ? "−" : "") + line.maxPoints.description,
                    kind: pages.t("criterion_kind_\(line.kind.rawValue)", context),
                    value: entered?.values[field] ?? sheet?.scores[line.code]?.description ?? "", field: field,
                    error: entered?.errors["scores.\(line.code)"])
            }
        }

        var raw: RankingRecord?
        var normalised: RankingRecord?
        if isCross {
            raw = try await seasons.ranking(id, basis: .raw, as: identity)
            normalised = try await seasons.ranking(id, basis: .normalised, as: identity)
        }
        func rows(_ ranking: RankingRecord?) -> [RankRow] {
            (ranking?.rows ?? []).map { row in
                RankRow(
                    rank: row.rank, name: row.unitName, final: row.final.description,
                    normalised: String(format: "%.4f", row.normalised ?? 0),
                    sections: (ranking?.sectionOrder ?? []).map { row.sections[$0.code]?.description ?? "0" })
            }
        }
        // Progress for the organiser's side and the leader, who preside over the scoring.
        let showProgress = isCross && policy.mayFollowScoring
        let matrix = season.members.map { scorer in
            MatrixRow(
                scorer: scorer.unitName,
                cells: season.members.map { target in
                    scorer.unitId == target.unitId
                        ? Cell(text: "—", done: false, own: true)
                        : scored(scorer.unitId, target.unitId)
                            ? Cell(text: pages.t("cross_scored", context), done: true, own: false)
                            : Cell(text: pages.t("cross_not_yet", context), done: false, own: false)
                })
        }
        let content = Content(
            season: season, isCross: isCross, flash: flash, hasSheetErrors: !(entered?.sheetErrors.isEmpty ?? true),
            canScore: canScore, ownName: own?.unitName ?? "",
            targets: canScore
                ? others.map { member in
                    TargetRow(
                        id: member.unitId, name: member.unitName, scored: own.map { scored($0.unitId, member.unitId) } ?? false,
                        url: "/seasons/\(id)/cross?target=\(member.unitId)#grid", current: member.unitId == target)
                } : [],
            hasTargets: canScore && !others.isEmpty,
            hasGrid: !grid.isEmpty, grid: grid, targetId: target, targetName: target.flatMap { names[$0] } ?? "",
            sheetErrors: entered?.sheetErrors ?? [],
            sectionTitles: (raw?.sectionOrder ?? []).map { "\($0.code). \($0.title)" }, raw: rows(raw), normalised: rows(normalised),
            pending: raw?.pendingDetails.map(\.unitName) ?? [], hasPending: !(raw?.pendingDetails.isEmpty ?? true),
            showProgress: showProgress, matrixHeads: season.members.map(\.unitName), matrix: showProgress ? matrix : [],
            missing: season.missingCrossScores.count)
        return try pages.html(
            "season_cross", title: "\(season.clusterName) · \(season.year) · \(pages.t("season_tab_cross", context))", nav: "clusters",
            content: content, context: context, status: status)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let flash = request.query("done").map { _ in pages.t("cross_saved", context) }
        return try await render(try context.id(), request: request, identity: identity, context: context, flash: flash)
    }

    /// Saves the officer's sheet for `targetUnitId`, scored as the officer's own unit; a refusal
    /// brings the grid back with what was typed and the message beside each field (nothing written).
    func score(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let target = try context.pathId("targetUnitId", notFound: "error.unit_not_found")
        let form = try await FormData.read(request, context: context)
        var entered = Entered(
            values: Dictionary(
                form.values.compactMap { $0.key.hasPrefix("s_") ? ($0.key, $0.value.first ?? "") : nil }, uniquingKeysWith: { a, _ in a }))
        do {
            _ = try await seasons.submitCrossScore(
                id, scorer: identity.account.unitId, target: target, sheet: try SeasonPages.sheet(form), as: identity)
            return .redirect(to: "/seasons/\(id)/cross?done=1", type: .normal)
        } catch let error as DomainError where error.kind != .notFound {
            return try await render(
                id, request: request, identity: identity, context: context, flash: pages.localisation.message(error, context.locale),
                status: error.kind == .forbidden ? .forbidden : error.kind == .conflict ? .conflict : .unprocessableContent,
                target: target, entered: entered)
        } catch let errors as ValidationErrors {
            for error in errors.errors {
                let message = pages.localisation.message(error, context.locale)
                if let field = error.field, field.hasPrefix("scores.") {
                    entered.errors[field] = message
                } else {
                    entered.sheetErrors.append(message)
                }
            }
            return try await render(
                id, request: request, identity: identity, context: context, flash: pages.t("form_has_errors", context),
                status: .unprocessableContent, target: target, entered: entered)
        }
    }
}
