/// One mechanism for every vote (bỏ phiếu kín): a council proposing a title (≥ 80 % or ≥ 90 % of
/// all members, ND 98/2023 Art 30(7)), a cluster proposing its flag, a cluster electing its
/// leader and deputy. Secret: the ballot knows who voted and what the papers say, never which
/// paper is whose.
///
/// Rules:
/// - `share` of a candidate = votes ÷ *eligible* voters (not ÷ votes cast), because thresholds in
///   the law are shares of all members.
/// - A round counts only when `quorum` of the eligible voters cast a paper (blank papers count).
/// - A candidate is elected with `share ≥ threshold`, at least one vote, and a place within the
///   seats. When the last seat's place is shared, none of the tied is elected; they are the
///   round's `tie`. `startNextRound()` then opens a round among the tied for the seats left
///   (TT 01/2024/TT-TANDTC: at most 2 rounds); after the last allowed round the tie stays in
///   `outcome()` for the leaders to decide.
/// - One paper per voter per round; at most `seats` choices (of the round); a closed ballot is
///   immutable.
///
/// Persistence (LaurelStore), so that not even a reader of the database can link voter and choice:
/// - `ballots(id, purpose, seats, threshold_num, threshold_den, quorum_num, quorum_den,
///   max_rounds, rounds_started, closed)`, `ballot_candidates(ballot_id, candidate_id)`,
///   `ballot_electors(ballot_id, voter_id)` (the eligible list);
/// - `ballot_marks(ballot_id, round, voter_id, PRIMARY KEY (ballot_id, round, voter_id))`: who
///   voted. The key is the database's own guard against a double vote (unique violation → 409);
/// - `ballot_papers(ballot_id, round, paper_id, choices)`: what was voted, keyed by a random UUID
///   (not a sequence), with no voter and no timestamp; `choices` as ascending ids ("12,15", ""
///   for blank). Read back `ORDER BY round, choices`, so storage order does not tell casting order.
/// `cast` returns both rows (`CastRecord`); write them in one transaction, mark first. The audit log
/// records "voter X voted in round R of ballot B", never the choices. Rebuild with
/// `Ballot(restoring:…)`.
///
/// ```swift
/// var ballot = try Ballot(purpose: "Đề nghị Cờ thi đua của Chính phủ 2025", candidates: [11, 12, 13],
///                         eligibleVoters: Set(1...9), seats: 1, threshold: .fourFifths, quorum: .twoThirds)
/// let record = try ballot.cast(voter: 4, choices: [12])   // store record.mark and record.paper
/// let tally = ballot.tally()                              // {round, eligible, cast, quorumMet, results, tie}
/// if !tally.tie.isEmpty { try ballot.startNextRound() }
/// try ballot.close()
/// let outcome = ballot.outcome()                          // elected, tie left for the leaders
/// ```
public struct Ballot: Hashable, Sendable {
    public let purpose: String
    /// Round-1 candidates (people or units), ascending.
    public let candidates: [Int64]
    public let eligibleVoters: Set<Int64>
    public let seats: Int
    public let threshold: Proportion
    public let quorum: Proportion
    public let maxRounds: Int
    /// Rounds started so far, first to current; never empty.
    public internal(set) var rounds: [BallotRound]
    public internal(set) var isClosed: Bool

    public init(
        purpose: String, candidates: [Int64], eligibleVoters: Set<Int64>, seats: Int = 1,
        threshold: Proportion = .half, quorum: Proportion = .none, maxRounds: Int = 2
    ) throws(BallotError) {
        guard !purpose.allSatisfy(\.isWhitespace) else { throw .emptyPurpose }
        guard !candidates.isEmpty else { throw .noCandidates }
        let sorted = candidates.sorted()
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous == next {
            throw .duplicateCandidate(next)
        }
        guard !eligibleVoters.isEmpty else { throw .noEligibleVoters }
        guard (1...sorted.count).contains(seats) else { throw .invalidSeats(seats) }
        guard maxRounds >= 1 else { throw .invalidMaxRounds(maxRounds) }
        self.purpose = purpose
        self.candidates = sorted
        self.eligibleVoters = eligibleVoters
        self.seats = seats
        self.threshold = threshold
        self.quorum = quorum
        self.maxRounds = maxRounds
        self.rounds = [BallotRound(number: 1, candidates: sorted, seats: seats)]
        self.isClosed = false
    }

    /// The round now open for voting (1-based).
    public var currentRound: Int { rounds.count }

    /// Casts `voter`'s paper in the current round. Checks, in order: closed, eligible voter, not
    /// voted yet in this round, choices distinct, no more than the round's seats, all candidates of
    /// this round. An empty `choices` is a blank paper.
    @discardableResult
    public mutating func cast(voter: Int64, choices: [Int64]) throws(BallotError) -> CastRecord {
        guard !isClosed else { throw .closed }
        guard eligibleVoters.contains(voter) else { throw .notAnEligibleVoter(voter) }
        let index = rounds.count - 1
        guard !rounds[index].voters.contains(voter) else { throw .alreadyVoted(voterId: voter, round: index + 1) }
        let paper = try paper(choices, in: rounds[index])
        rounds[index].voters.insert(voter)
        rounds[index].insert(paper)
        return CastRecord(mark: VoterMark(voterId: voter, round: index + 1), paper: paper)
    }

    /// Ends voting for good: later casts and rounds are refused; tallies and the outcome stay readable.
    public mutating func close() throws(BallotError) {
        guard !isClosed else { throw .closed }
        isClosed = true
    }

    /// Opens a round among the candidates tied at the last seat of the current round, for the
    /// seats that round left. Refused while electors of the current round have still to vote (its
    /// count, hence its tie, is secret until then: `isCounted(round:)`), when there is no tie, or
    /// when `maxRounds` rounds have been held. A round some electors never vote in ends with
    /// `close()`, and its tie goes to the leaders.
    @discardableResult
    public mutating func startNextRound() throws(BallotError) -> BallotRound {
        guard !isClosed else { throw .closed }
        guard isCounted(round: currentRound) else {
            throw .roundStillOpen(round: currentRound, cast: rounds[rounds.count - 1].voters.count, eligible: eligibleVoters.count)
        }
        return try openNextRound()
    }

    /// `startNextRound` without waiting for every elector: for replaying stored rounds, which
    /// were opened under the rules of their day.
    @discardableResult
    mutating func openNextRound() throws(BallotError) -> BallotRound {
        guard !isClosed else { throw .closed }
        let current = tally()
        guard !current.tie.isEmpty else { throw .noTieToResolve }
        guard rounds.count < maxRounds else { throw .roundLimitReached(maxRounds: maxRounds) }
        let open = rounds[rounds.count - 1].seats - current.elected.count
        let next = BallotRound(number: rounds.count + 1, candidates: current.tie, seats: open)
        rounds.append(next)
        return next
    }

    /// The tally of `round` (default: the current one); nil for a round not started.
    public func tally(round: Int) -> Tally? {
        guard rounds.indices.contains(round - 1) else { return nil }
        return Tally(round: rounds[round - 1], eligible: eligibleVoters.count, threshold: threshold, quorum: quorum)
    }

    /// The tally of the current round.
    public func tally() -> Tally {
        Tally(round: rounds[rounds.count - 1], eligible: eligibleVoters.count, threshold: threshold, quorum: quorum)
    }

    /// Who is elected over all rounds, and the tie the rounds could not break.
    public func outcome() -> BallotOutcome {
        let tallies = rounds.map { Tally(round: $0, eligible: eligibleVoters.count, threshold: threshold, quorum: quorum) }
        let elected = tallies.flatMap(\.elected)
        let tie = tallies.last?.tie ?? []
        return BallotOutcome(
            elected: elected, tie: tie, seatsUnfilled: seats - elected.count, roundsHeld: rounds.count,
            tieGoesToLeaders: !tie.isEmpty && (rounds.count >= maxRounds || isClosed),
            isFinal: isClosed)
    }

    func paper(_ choices: [Int64], in round: BallotRound) throws(BallotError) -> BallotPaper {
        var seen = Set<Int64>()
        for choice in choices where !seen.insert(choice).inserted { throw .duplicateChoice(choice) }
        guard choices.count <= round.seats else { throw .tooManyChoices(given: choices.count, allowed: round.seats) }
        for choice in choices where !round.candidates.contains(choice) { throw .notACandidate(choice) }
        return BallotPaper(round: round.number, choices: choices)
    }
}
