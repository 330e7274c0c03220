import LaurelDomain
import LaurelStore

// A ballot and its count as the API shows them (schemas `Ballot`, `TallyView`, `RunningTally`,
// `Tally`): the API's own shapes, built from the store's and the domain's, so a change to either
// does not change the API unnoticed.

struct BallotResponse: APIResponseBody {
    struct Subject: Encodable, Sendable {
        let kind: BallotDraft.SubjectKind
        let id: Int64
    }

    let id: Int64, purpose: String, subject: Subject, post: ClusterPost?, candidates: [Int64], voters: [Int64], seats: Int
    let threshold: String, quorum: String, maxRounds: Int, round: Int, closed: Bool, tally: TallyViewResponse
    /// Absent while the current round takes papers.
    let outcome: BallotOutcomeResponse?
    let names: [String: String], roundCandidates: [Int64]

    init(_ ballot: BallotRecord) {
        id = ballot.id
        purpose = ballot.purpose
        subject = Subject(kind: ballot.subject.kind, id: ballot.subject.id)
        post = ballot.post
        candidates = ballot.candidates
        voters = ballot.voters
        seats = ballot.seats
        threshold = ballot.threshold
        quorum = ballot.quorum
        maxRounds = ballot.maxRounds
        round = ballot.round
        closed = ballot.closed
        tally = TallyViewResponse(ballot.tally)
        outcome = ballot.outcome.map(BallotOutcomeResponse.init)
        names = ballot.names
        roundCandidates = ballot.roundCandidates
    }
}

/// A counted round is the whole `Tally`; a running one only `RunningTally` (never the count).
enum TallyViewResponse: APIResponseBody {
    case counted(TallyResponse)
    case running(RunningTallyResponse)

    init(_ view: TallyView) {
        switch view {
        case .counted(let tally): self = .counted(TallyResponse(tally))
        case .running(let running): self = .running(RunningTallyResponse(running))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .counted(let tally): try tally.encode(to: encoder)
        case .running(let running): try running.encode(to: encoder)
        }
    }
}

struct TallyResponse: Encodable, Sendable {
    struct Result: Encodable, Sendable {
        let candidate: Int64, votes: Int, share: Double, elected: Bool
    }

    let round: Int, eligible: Int, cast: Int, blank: Int, seats: Int, quorumMet: Bool, voters: [Int64], results: [Result]
    let tie: [Int64]

    init(_ tally: Tally) {
        round = tally.round
        eligible = tally.eligible
        cast = tally.cast
        blank = tally.blank
        seats = tally.seats
        quorumMet = tally.quorumMet
        voters = tally.voters
        results = tally.results.map { Result(candidate: $0.candidate, votes: $0.votes, share: $0.share, elected: $0.elected) }
        tie = tally.tie
    }
}

struct RunningTallyResponse: Encodable, Sendable {
    let round: Int, eligible: Int, cast: Int, seats: Int, candidates: [Int64], open: Bool
    /// Absent when the reader votes for none of the electors.
    let youHaveVoted: Bool?
    let votedBy: [Int64]

    init(_ running: RunningTally) {
        round = running.round
        eligible = running.eligible
        cast = running.cast
        seats = running.seats
        candidates = running.candidates
        open = running.open
        youHaveVoted = running.youHaveVoted
        votedBy = running.votedBy
    }
}

struct BallotOutcomeResponse: Encodable, Sendable {
    let elected: [Int64], tie: [Int64], seatsUnfilled: Int, roundsHeld: Int, tieGoesToLeaders: Bool, isFinal: Bool

    init(_ outcome: BallotOutcome) {
        elected = outcome.elected
        tie = outcome.tie
        seatsUnfilled = outcome.seatsUnfilled
        roundsHeld = outcome.roundsHeld
        tieGoesToLeaders = outcome.tieGoesToLeaders
        isFinal = outcome.isFinal
    }
}
