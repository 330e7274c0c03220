/// What a reader may see of one round's count. The count of a secret ballot is hidden while the
/// round can still take papers: two counts read around one vote, next to the list of who voted,
/// would tell who voted for whom. So until the round is over (the ballot closed, a later round
/// opened, or every elector voted) a reader sees only how many have voted, and whether the units
/// it votes for have; afterwards the whole `Tally`, as before.
///
/// JSON: a counted round is the `Tally` as it always was; a running one is
/// `{round, eligible, cast, seats, candidates, open: true, youHaveVoted, votedBy}`.
public enum TallyView: Hashable, Sendable, Encodable {
    case counted(Tally)
    case running(RunningTally)

    /// The whole count, or nil while the round can still take papers.
    public var counted: Tally? {
        if case .counted(let tally) = self { tally } else { nil }
    }

    public var round: Int {
        switch self {
        case .counted(let tally): tally.round
        case .running(let running): running.round
        }
    }

    public var eligible: Int {
        switch self {
        case .counted(let tally): tally.eligible
        case .running(let running): running.eligible
        }
    }

    /// Seats open in this round.
    public var seats: Int {
        switch self {
        case .counted(let tally): tally.seats
        case .running(let running): running.seats
        }
    }

    /// Papers cast so far (the number who have voted): never secret.
    public var cast: Int {
        switch self {
        case .counted(let tally): tally.cast
        case .running(let running): running.cast
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .counted(let tally): try tally.encode(to: encoder)
        case .running(let running): try running.encode(to: encoder)
        }
    }
}

/// A round still taking papers, as anyone may see it: no count per candidate, no blank papers,
/// no list of voters; to a voter, only whether its own units have voted.
public struct RunningTally: Hashable, Sendable, Codable {
    public var round: Int
    public var eligible: Int
    public var cast: Int
    public var seats: Int
    /// The round's candidates, ascending (who may be chosen is no secret).
    public var candidates: [Int64]
    public var open = true
    /// Whether the reader's voting units have all voted in this round; nil when it votes for none.
    public var youHaveVoted: Bool?
    /// Those of the reader's voting units that have voted in this round, ascending.
    public var votedBy: [Int64]
}

extension Ballot {
    /// Whether round `number` can take no more papers, so that its count may be shown: the
    /// ballot is closed, a later round was opened, or every elector has voted in it.
    public func isCounted(round number: Int) -> Bool {
        guard rounds.indices.contains(number - 1) else { return false }
        return isClosed || number < rounds.count || rounds[number - 1].voters.count == eligibleVoters.count
    }

    /// Round `number` (default: the current one) as a reader who votes for `readerUnits` may see
    /// it; nil for a round not started.
    public func tallyView(round number: Int? = nil, readerVotesFor readerUnits: Set<Int64>) -> TallyView? {
        let number = number ?? currentRound
        guard let tally = tally(round: number) else { return nil }
        if isCounted(round: number) { return .counted(tally) }
        let round = rounds[number - 1]
        let mine = readerUnits.intersection(eligibleVoters)
        let voted = mine.intersection(round.voters).sorted()
        return .running(
            RunningTally(
                round: number, eligible: tally.eligible, cast: tally.cast, seats: round.seats, candidates: round.candidates,
                youHaveVoted: mine.isEmpty ? nil : voted.count == mine.count, votedBy: voted))
    }

    /// The current round as a reader who votes for `readerUnits` may see it.
    public func tallyView(readerVotesFor readerUnits: Set<Int64>) -> TallyView {
        // The current round always exists.
        tallyView(round: currentRound, readerVotesFor: readerUnits)!
    }

    /// The outcome once the current round is counted; nil while its papers may still come in
    /// (who is elected so far would tell how the count stands).
    public func disclosedOutcome() -> BallotOutcome? {
        isCounted(round: currentRound) ? outcome() : nil
    }

    /// The tallies of every counted round, first to last: what may be quoted from the ballot.
    public func countedTallies() -> [Tally] {
        rounds.indices.compactMap { isCounted(round: $0 + 1) ? tally(round: $0 + 1) : nil }
    }
}
