import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The votes of a season's summary conference: open a secret ballot (flag, certificate, next
/// year's leader and deputy), follow the season's ballots and their outcome, propose members for
/// collective awards, and open next year's season with the elected leadership. Writes go through
/// the same checks as the API (`BallotsAPI.draft`, `SeasonsAPI.proposal`) and the stores.
struct SeasonVotesPages {
    let seasons: SeasonStore
    let ballots: BallotStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("seasons/{id}/votes", use: show)
        routes.write.post("seasons/{id}/votes/ballots", use: openBallot)
        routes.write.post("seasons/{id}/votes/proposals", use: propose)
        routes.write.post("seasons/{id}/votes/next-season", use: nextSeason)
    }

    struct BallotRow {
        let id: Int64
        let purpose: String
        let post: String
        let status: String
        let closed: Bool
        let cast: String
        let showOutcome: Bool
        let elected: String?
        let tie: String?
        let leadersDecide: Bool
    }
    struct ProposalRow {
        let unit: String
        let award: String
        let score: String
        let rank: String
        let share: String
        let ballotId: Int64?
    }
    struct Content {
        let season: SeasonRecord
        let flash: String?
        let flashIsError: Bool
        let canRun: Bool
        let canCreateNext: Bool
        let ballotForm: SeasonBallotForm
        let ballots: [BallotRow]
        let hasBallots: Bool
        let proposals: [ProposalRow]
        let hasProposals: Bool
        let proposalUnits: [Option]
        let awards: [Option]
        let closedBallots: [Option]
        let leaderOptions: [Option]
        let deputyOptions: [Option]
        let nextYear: Int
        let tabVotes = true
    }

    /// What a cluster may propose at its conference: the domain's rule (collective codes of the catalogue).
    static func awardCodes(_ catalogue: AwardCatalogue) -> [AwardCatalogueEntry] { SeasonPolicy.proposableAwards(in: catalogue) }

    /// Names joined, or nil so that the template's section stays empty.
    static func list(_ names: [String]) -> String? { names.isEmpty ? nil : names.joined(separator: ", ") }

    func render(
        _ id: Int64, identity: Identity, context: some SignedInRequestContext, flash: String? = nil, isError: Bool = false,
        status: HTTPResponse.Status = .ok, entry: SeasonBallotForm.Entry? = nil
    ) async throws -> Response {
        let (season, policy) = try await seasons.getWithPolicy(id, as: identity)
        let records = try await ballots.list(subjectKind: .season, subjectId: id, as: identity)
        let proposals = try await seasons.proposals(id, as: identity)
        let names = Dictionary(season.members.map { ($0.unitId, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        // Forms the stores would accept (SeasonPolicy); the stores decide in the end.
        let canRun = policy.mayRunBallots
        func name(_ ballot: BallotRecord, _ unit: Int64) -> String { ballot.names[String(unit)] ?? names[unit] ?? "#\(unit)" }
        let rows = records.map { ballot in
            BallotRow(
                id: ballot.id, purpose: ballot.purpose, post: ballot.post.map { pages.t("votes_post_\($0.rawValue)", context) } ?? "",
                status: ballot.closed ? pages.t("ballot_closed", context) : pages.t("votes_open_round", context, [String(ballot.round)]),
                closed: ballot.closed, cast: "\(ballot.tally.cast)/\(ballot.tally.eligible)",
                // As on the ballot page: no outcome while the round takes papers, for anyone.
                showOutcome: ballot.outcome != nil,
                elected: Self.list(ballot.outcome?.elected.map { name(ballot, $0) } ?? []),
                tie: Self.list(ballot.outcome?.tie.map { name(ballot, $0) } ?? []), leadersDecide: ballot.outcome?.tieGoesToLeaders ?? false
            )
        }
        let english = context.locale == .en
        let catalogue = context.catalogue
        let memberOptions = season.members.map { Option(value: String($0.unitId), label: $0.unitName, selected: false) }
        let content = Content(
            season: season, flash: flash, flashIsError: isError, canRun: canRun, canCreateNext: policy.mayOrganise,
            ballotForm: SeasonBallotForm(season: season, entry: entry, pages: pages, context: context),
            ballots: rows, hasBallots: !rows.isEmpty,
            proposals: proposals.map { item in
                let entry = catalogue.entry(for: item.code)
                return ProposalRow(
                    unit: item.unitName, award: (english ? entry?.nameEn : entry?.nameVi) ?? item.code,
                    score: item.final?.description ?? "—",
                    rank: item.rank.map(String.init) ?? "—", share: item.voteShare.map(LocalNumber(locale: context.locale).percent) ?? "—",
                    ballotId: item.ballotId)
            },
            hasProposals: !proposals.isEmpty, proposalUnits: memberOptions,
            awards: Self.awardCodes(context.catalogue).map {
                Option(value: $0.code, label: english ? $0.nameEn : $0.nameVi, selected: false)
            },
            closedBallots: records.filter { $0.closed && $0.post == nil }.map {
                Option(value: String($0.id), label: $0.purpose, selected: false)
            },
            leaderOptions: memberOptions, deputyOptions: memberOptions, nextYear: season.year + 1)
        return try pages.html(
            "season_votes", title: "\(season.clusterName) · \(season.year) · \(pages.t("season_tab_votes", context))", nav: "clusters",
            content: content, context: context, status: status)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let flash = request.query("done").flatMap { ["proposal": "votes_proposal_added"][$0] }.map { pages.t($0, context) }
        return try await render(try context.id(), identity: identity, context: context, flash: flash)
    }

    /// Runs a write; a refusal comes back as the page with the message (422, 403 or 409), nothing
    /// written. Out of scope stays a 404 page.
    func attempt(
        _ context: WriteContext, entry: SeasonBallotForm.Entry? = nil,
        _ body: (Identity, Int64) async throws -> String
    ) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        do {
            return .redirect(to: try await body(identity, id), type: .normal)
        } catch let error as DomainError where error.kind != .notFound {
            let status: HTTPResponse.Status =
                switch error.kind {
                case .forbidden: .forbidden
                case .conflict: .conflict
                default: .unprocessableContent
                }
            var entry = entry
            entry?.add([error], pages: pages, context: context)
            return try await render(
                id, identity: identity, context: context, flash: pages.localisation.message(error, context.locale), isError: true,
                status: status, entry: entry)
        } catch let errors as ValidationErrors {
            var entry = entry
            entry?.add(errors.errors, pages: pages, context: context)
            let text =
                entry != nil
                ? pages.t("form_has_errors", context)
                : errors.errors.map { pages.localisation.message($0, context.locale) }.joined(separator: " ")
            return try await render(
                id, identity: identity, context: context, flash: text, isError: true, status: .unprocessableContent, entry: entry)
        }
    }

    /// Opens a ballot of the season; the new ballot's page comes next.
    func openBallot(_ request: Request, context: WriteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let id = try context.id()
        let (body, found) = SeasonBallotForm.request(form, seasonId: id)
        return try await attempt(context, entry: SeasonBallotForm.Entry(form)) { identity, _ in
            let ballot = try await ballots.create(try BallotsAPI.draft(body, errors: found), as: identity)
            return "/ballots/\(ballot.id)?done=created"
        }
    }

    func propose(_ request: Request, context: WriteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(context) { identity, id in
            var found: [DomainError] = []
            func number(_ name: String) -> Int64? {
                guard let text = form[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                guard let value = Int64(text) else {
                    found.append(.invalid("error.wrong_type", field: name))
                    return nil
                }
                return value
            }
            let body = SeasonsAPI.ProposalRequest(unitId: number("unitId"), code: form["code"], ballotId: number("ballotId"))
            guard found.isEmpty else { throw ValidationErrors(found) }
            let (unit, code) = try SeasonsAPI.proposal(body, catalogue: context.catalogue)
            _ = try await seasons.addProposal(id, unitId: unit, code: code, ballotId: body.ballotId, as: identity)
            return "/seasons/\(id)/votes?done=proposal#proposals"
        }
    }

    /// Next year's season: leader and deputy from this season's closed elections under the
    /// rotation rule, or both as chosen by the leaders after a tie.
    func nextSeason(_ request: Request, context: WriteContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(context) { identity, id in
            let leader = form["leaderUnitId"].flatMap { Int64($0) }
            let deputy = form["deputyUnitId"].flatMap { Int64($0) }
            let next = try await seasons.nextSeason(id, leader: leader, deputy: deputy, as: identity)
            return "/seasons/\(next.id)?done=1"
        }
    }
}
