/// What one voter chose in one round, with nothing that says who: the anonymous half of a vote.
/// Choices are kept ascending; an empty paper is a blank vote (counts as cast, for nobody).
public struct BallotPaper: Hashable, Sendable, Codable, Comparable {
    public let round: Int
    public let choices: [Int64]

    public init(round: Int, choices: [Int64]) {
        self.round = round
        self.choices = choices.sorted()
    }

    /// Canonical order (round, then choices), so that a list of papers says nothing about the
    /// order in which they were cast.
    public static func < (lhs: BallotPaper, rhs: BallotPaper) -> Bool {
        if lhs.round != rhs.round { return lhs.round < rhs.round }
        return lhs.choices.lexicographicallyPrecedes(rhs.choices)
    }
}

/// That a voter voted in a round, with nothing that says for whom: the named half of a vote.
public struct VoterMark: Hashable, Sendable, Codable {
    public let voterId: Int64
    public let round: Int

    public init(voterId: Int64, round: Int) {
        self.voterId = voterId
        self.round = round
    }
}

/// What `Ballot.cast` hands to the store: two rows to write in one transaction, into two tables
/// that share no key but the ballot and the round.
public struct CastRecord: Hashable, Sendable {
    public let mark: VoterMark
    public let paper: BallotPaper
}

/// One round of a ballot: its candidates and open seats, who has voted, and the papers.
public struct BallotRound: Hashable, Sendable, Codable {
    public let number: Int
    /// Ascending. Round 1: every candidate; later rounds: those tied at the last seat.
    public let candidates: [Int64]
    /// Seats still to fill in this round.
    public let seats: Int
    public internal(set) var voters: Set<Int64>
    /// Kept in canonical order (see `BallotPaper`), never in casting order.
    public internal(set) var papers: [BallotPaper]

    init(number: Int, candidates: [Int64], seats: Int) {
        self.number = number
        self.candidates = candidates.sorted()
        self.seats = seats
        self.voters = []
        self.papers = []
    }

    mutating func insert(_ paper: BallotPaper) {
        let index = papers.firstIndex { paper < $0 } ?? papers.endIndex
        papers.insert(paper, at: index)
    }
}
