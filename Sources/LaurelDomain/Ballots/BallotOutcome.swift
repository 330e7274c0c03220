/// What a ballot decided over all its rounds.
public struct BallotOutcome: Hashable, Sendable, Codable {
    /// Elected candidates, round by round (within a round, most votes first).
    public var elected: [Int64]
    /// Candidates still tied at the last seat after the latest round, ascending.
    public var tie: [Int64]
    public var seatsUnfilled: Int
    public var roundsHeld: Int
    /// The tie can no longer go to another round (the last allowed round was held, or the ballot
    /// is closed): the leaders decide among `tie` (TT 01/2024/TT-TANDTC; LAW_FACTS §5).
    public var tieGoesToLeaders: Bool
    /// The ballot is closed: this outcome will not change.
    public var isFinal: Bool
}
