import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The ballot page where a voting unit's officer votes, the organiser closes, and a tie at the
/// last seat goes to another round.
struct BallotPages {
    let ballots: BallotStore
    let pages: PageRenderer

    func register(on router: RouterGroup<AppRequestContext>) {
        router.get("ballots/{id}", use: show)
        router.post("ballots/{id}/vote", use: vote)
        router.post("ballots/{id}/close", use: close)
        router.post("ballots/{id}/rounds", use: nextRound)
    }

    struct Choice { let id: Int64; let name: String; let inputType: String }
    struct ResultRow { let name: String; let votes: Int; let share: String; let elected: Bool }
    struct Content {
        let ballot: BallotRecord; let choices: [Choice]; let myVoter: Int64?; let myVoterName: String; let canVote: Bool; let hasVoted: Bool
        let canClose: Bool; let results: [ResultRow]; let showResults: Bool; let flash: String?; let seasonId: Int64?
        /// Candidates tied at the last seat of the current round; a round among them while rounds are left.
        let tie: String?; let canOpenRound: Bool; let leadersDecide: Bool
        /// Who voted in this round (never for whom).
        let votedUnits: String?
    }

    static let doneMessages = ["closed": "ballot_closed_done", "voted": "ballot_voted", "created": "ballot_created_done", "round": "ballot_round_opened"]

    func name(_ ballot: BallotRecord, _ id: Int64) -> String { ballot.names[String(id)] ?? "#\(id)" }

    func render(_ id: Int64, identity: Identity, context: AppRequestContext, flash: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let ballot = try await ballots.get(id, as: identity)
        let voter = ballot.voters.contains(identity.account.unitId) && identity.role != .auditor && identity.role != .staff ? identity.account.unitId : nil
        let hasVoted = voter.map { ballot.tally.voters.contains($0) } ?? false
        let round = ballot.tally
        let inputType = round.seats > 1 ? "checkbox" : "radio"
        // Results while voting are for the organiser's side; everyone sees them once closed.
        let showResults = ballot.closed || identity.role == .admin || (identity.canWrite && voter == nil)
        let canClose = !ballot.closed && identity.canWrite && voter == nil
        let tie = showResults ? round.tie.map { name(ballot, $0) } : []
        let content = Content(
            ballot: ballot, choices: round.results.map { $0.candidate }.sorted().map { Choice(id: $0, name: name(ballot, $0), inputType: inputType) },
            myVoter: voter, myVoterName: voter.map { name(ballot, $0) } ?? "", canVote: voter != nil && !hasVoted && !ballot.closed, hasVoted: hasVoted,
            canClose: canClose,
            results: round.results.map { ResultRow(name: name(ballot, $0.candidate), votes: $0.votes, share: LocalNumber(locale: context.locale).percent($0.share), elected: $0.elected) },
            showResults: showResults, flash: flash, seasonId: ballot.subject.kind == "season" ? ballot.subject.id : nil,
            tie: tie.isEmpty ? nil : tie.joined(separator: ", "), canOpenRound: canClose && !tie.isEmpty && ballot.round < ballot.maxRounds,
            leadersDecide: !tie.isEmpty && (ballot.closed || ballot.round >= ballot.maxRounds),
            votedUnits: round.voters.isEmpty ? nil : round.voters.map { name(ballot, $0) }.joined(separator: ", "))
        return try pages.html("ballot", title: ballot.purpose, nav: "clusters", content: content, context: context, status: status)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireBrowse(identity)
        return try await render(try context.id(), identity: identity, context: context,
                                flash: request.query("done").flatMap { Self.doneMessages[$0] }.map { pages.t($0, context) })
    }

    func attempt(_ context: AppRequestContext, _ body: (Identity, Int64) async throws -> String) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.id()
        do {
            return .redirect(to: try await body(identity, id), type: .normal)
        } catch let error as DomainError where error.kind != .notFound {
            let status: HTTPResponse.Status = switch error.kind { case .forbidden: .forbidden; case .conflict: .conflict; default: .unprocessableContent }
            return try await render(id, identity: identity, context: context, flash: pages.localisation.message(error, context.locale), status: status)
        }
    }

    func vote(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(context) { identity, id in
            let choices = (form.values["choice"] ?? []).compactMap { Int64($0) }
            _ = try await ballots.vote(id, voter: identity.account.unitId, choices: choices, as: identity)
            return "/ballots/\(id)?done=voted"
        }
    }

    func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await attempt(context) { identity, id in
            _ = try await ballots.close(id, as: identity)
            return "/ballots/\(id)?done=closed"
        }
    }

    /// A round among the candidates tied at the last seat (the store refuses without a tie or
    /// after the last allowed round).
    func nextRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        try Permissions.requireWrite(identity)
        return try await attempt(context) { identity, id in
            _ = try await ballots.nextRound(id, as: identity)
            return "/ballots/\(id)?done=round"
        }
    }
}
