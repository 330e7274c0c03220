import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The ballot page where a voting unit's officer votes, the organiser closes, and a tie at the
/// last seat goes to another round.
struct BallotPages {
    let ballots: BallotStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("ballots/{id}", use: show)
        routes.any.post("ballots/{id}/vote", use: vote)
        routes.any.post("ballots/{id}/close", use: close)
        routes.write.post("ballots/{id}/rounds", use: nextRound)
    }

    struct Choice {
        let id: Int64
        let name: String
        let inputType: String
    }
    struct ResultRow {
        let name: String
        let votes: Int
        let share: String
        let elected: Bool
    }
    struct Content {
        let ballot: BallotRecord
        let choices: [Choice]
        let myVoter: Int64?
        let myVoterName: String
        let canVote: Bool
        let hasVoted: Bool
        let canClose: Bool
        let results: [ResultRow]
        let showResults: Bool
        let flash: String?
        let seasonId: Int64?
        /// Papers cast of the eligible ("3 / 4"): the one figure shown while the round runs.
        let castOfEligible: String
        /// The round still takes papers, so its count is secret (`TallyView`).
        let countHidden: Bool
        /// Candidates tied at the last seat of the current round; a round among them while rounds are left.
        let tie: String?
        let canOpenRound: Bool
        let leadersDecide: Bool
        /// Who voted in this round (never for whom), once the round is counted.
        let votedUnits: String?
    }

    static let doneMessages = [
        "closed": "ballot_closed_done", "voted": "ballot_voted", "created": "ballot_created_done", "round": "ballot_round_opened",
    ]

    func name(_ ballot: BallotRecord, _ id: Int64) -> String { ballot.names[String(id)] ?? "#\(id)" }

    func render(
        _ id: Int64, identity: Identity, context: some SignedInRequestContext, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let ballot = try await ballots.get(id, as: identity)
        let voter =
            ballot.voters.contains(identity.account.unitId) && identity.role != .auditor && identity.role != .staff
            ? identity.account.unitId : nil
        // Counts, results and who voted only once the round takes no more papers, for every reader:
        // the store's `TallyView` has already hidden them otherwise.
        let counted = ballot.tally.counted
        let hasVoted: Bool =
            switch ballot.tally {
            case .counted(let tally): voter.map { tally.voters.contains($0) } ?? false
            case .running(let running): voter.map { running.votedBy.contains($0) } ?? false
            }
        let inputType = ballot.tally.seats > 1 ? "checkbox" : "radio"
        let canClose = !ballot.closed && identity.canWrite && voter == nil
        let tie = counted?.tie.map { name(ballot, $0) } ?? []
        let content = Content(
            ballot: ballot, choices: ballot.roundCandidates.map { Choice(id: $0, name: name(ballot, $0), inputType: inputType) },
            myVoter: voter, myVoterName: voter.map { name(ballot, $0) } ?? "", canVote: voter != nil && !hasVoted && !ballot.closed,
            hasVoted: hasVoted,
            canClose: canClose,
            results: (counted?.results ?? []).map {
                ResultRow(
                    name: name(ballot, $0.candidate), votes: $0.votes, share: LocalNumber(locale: context.locale).percent($0.share),
                    elected: $0.elected)
            },
            showResults: counted != nil, flash: flash, seasonId: ballot.subject.kind == .season ? ballot.subject.id : nil,
            castOfEligible: "\(ballot.tally.cast) / \(ballot.tally.eligible)", countHidden: counted == nil,
            tie: tie.isEmpty ? nil : tie.joined(separator: ", "), canOpenRound: canClose && !tie.isEmpty && ballot.round < ballot.maxRounds,
            leadersDecide: !tie.isEmpty && (ballot.closed || ballot.round >= ballot.maxRounds),
            votedUnits: counted.flatMap { $0.voters.isEmpty ? nil : $0.voters.map { name(ballot, $0) }.joined(separator: ", ") })
        return try pages.html("ballot", title: ballot.purpose, nav: "clusters", content: content, context: context, status: status)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try await render(
            try context.id(), identity: identity, context: context,
            flash: request.query("done").flatMap { Self.doneMessages[$0] }.map { pages.t($0, context) })
    }

    func attempt(_ context: some SignedInRequestContext, _ body: (Identity, Int64) async throws -> String) async throws -> Response {
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
            return try await render(
                id, identity: identity, context: context, flash: pages.localisation.message(error, context.locale), status: status)
        }
    }

    func vote(_ request: Request, context: SignedInContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await attempt(context) { identity, id in
            let choices = (form.values["choice"] ?? []).compactMap { Int64($0) }
            _ = try await ballots.vote(id, voter: identity.account.unitId, choices: choices, as: identity)
            return "/ballots/\(id)?done=voted"
        }
    }

    func close(_ request: Request, context: SignedInContext) async throws -> Response {
        try await attempt(context) { identity, id in
            _ = try await ballots.close(id, as: identity)
            return "/ballots/\(id)?done=closed"
        }
    }

    /// A round among the candidates tied at the last seat (the store refuses without a tie or
    /// after the last allowed round).
    func nextRound(_ request: Request, context: WriteContext) async throws -> Response {
        try await attempt(context) { identity, id in
            _ = try await ballots.nextRound(id, as: identity)
            return "/ballots/\(id)?done=round"
        }
    }
}
