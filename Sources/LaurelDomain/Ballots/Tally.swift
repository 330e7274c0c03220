/// The count of one ballot round. It names who voted (`voters`), never who voted for whom.
/// JSON: `{round, eligible, cast, blank, seats, quorumMet, voters, results: [{candidate, votes,
/// share, elected}], tie}`.
public struct Tally: Hashable, Sendable, Codable {
    public struct Result: Hashable, Sendable, Codable {
        public var candidate: Int64
        public var votes: Int
        /// votes ÷ eligible voters, rounded to four decimals for display; `elected` is decided on
        /// the exact fraction, never on this number.
        public var share: Double
        public var elected: Bool
    }

    public var round: Int
    public var eligible: Int
    /// Papers cast, blank ones included.
    public var cast: Int
    public var blank: Int
    /// Seats open in this round.
    public var seats: Int
    public var quorumMet: Bool
    /// Who voted in this round, ascending.
    public var voters: [Int64]
    /// Every candidate of the round: most votes first, then by id.
    public var results: [Result]
    /// Candidates tied at the last seat (none of them elected), ascending; empty when no tie.
    public var tie: [Int64]

    /// Elected candidates of this round, most votes first.
    public var elected: [Int64] { results.filter(\.elected).map(\.candidate) }

    init(round: BallotRound, eligible: Int, threshold: Proportion, quorum: Proportion) {
        var votes = Dictionary(uniqueKeysWithValues: round.candidates.map { ($0, 0) })
        for paper in round.papers {
            for choice in paper.choices { votes[choice, default: 0] += 1 }
        }
        let ordered = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let quorumMet = quorum.isReached(by: round.papers.count, of: eligible)

        // Elected: reaches the threshold with at least one vote, and is placed within the seats.
        // When the place of the last seat is shared, the tied are neither elected nor dropped.
        var elected = Set<Int64>()
        var tie: [Int64] = []
        if quorumMet {
            let qualifying = ordered.filter { $0.value > 0 && threshold.isReached(by: $0.value, of: eligible) }
            if qualifying.count <= round.seats {
                elected = Set(qualifying.map(\.key))
            } else {
                let cutoff = qualifying[round.seats - 1].value
                let above = qualifying.filter { $0.value > cutoff }.map(\.key)
                let atCutoff = qualifying.filter { $0.value == cutoff }.map(\.key)
                if above.count + atCutoff.count <= round.seats {
                    elected = Set(above + atCutoff)
                } else {
                    elected = Set(above)
                    tie = atCutoff.sorted()
                }
            }
        }

        self.round = round.number
        self.eligible = eligible
        self.cast = round.papers.count
        self.blank = round.papers.filter(\.choices.isEmpty).count
        self.seats = round.seats
        self.quorumMet = quorumMet
        self.voters = round.voters.sorted()
        self.results = ordered.map {
            Result(
                candidate: $0.key, votes: $0.value,
                share: eligible > 0 ? (Double($0.value) / Double(eligible) * 10_000).rounded() / 10_000 : 0,
                elected: elected.contains($0.key))
        }
        self.tie = tie
    }
}
