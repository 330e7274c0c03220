/// Why a ballot refused an operation. Mapping for the server: `alreadyVoted` → 409;
/// `notAnEligibleVoter` → 403; `closed` and `roundStillOpen` → 409; the rest → 422.
public enum BallotError: Error, Hashable, Sendable {
    // Setting up
    case emptyPurpose
    case noCandidates
    case duplicateCandidate(Int64)
    case noEligibleVoters
    /// Seats must be between 1 and the number of candidates.
    case invalidSeats(Int)
    /// At least one round.
    case invalidMaxRounds(Int)

    // Voting
    /// A closed ballot is immutable.
    case closed
    case notAnEligibleVoter(Int64)
    /// One vote per voter per round.
    case alreadyVoted(voterId: Int64, round: Int)
    /// Not a candidate of the current round (in a second round only the tied candidates are).
    case notACandidate(Int64)
    case duplicateChoice(Int64)
    case tooManyChoices(given: Int, allowed: Int)

    // Rounds
    /// The current round has no tie at the last seat: nothing for another round to settle.
    case noTieToResolve
    /// The last allowed round has been held; the tie goes to the leaders (`BallotOutcome.tie`).
    case roundLimitReached(maxRounds: Int)
    /// Electors have still to vote in the current round: its count is secret until they have
    /// (or until the ballot closes), so no round can be opened on its tie yet.
    case roundStillOpen(round: Int, cast: Int, eligible: Int)

    /// Stored marks and papers do not agree (different counts in a round, or a paper that
    /// could not have been cast).
    case inconsistentRecords(round: Int)
}
