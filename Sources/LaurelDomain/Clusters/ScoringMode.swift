/// How a season's final scores are reached.
public enum ScoringMode: String, Hashable, Sendable, Codable, CaseIterable {
    /// Each member self-scores; the leader and deputy verify and may re-score; final = verified
    /// score (Thừa Thiên Huế HD 804/2018 method, LAW_FACTS §5).
    case verification
    /// Every member scores every other member, never itself; final = mean of the totals the others
    /// gave, with an optional per-scorer normalisation.
    case cross
}

/// Whether a season still takes scores.
public enum SeasonStatus: String, Hashable, Sendable, Codable {
    case open
    /// Locked: every write is refused until the season is reopened with a reason.
    case finalised
}

/// A verified score: the sheet the leader or deputy settled on, and which of them did it.
public struct VerifiedScore: Hashable, Sendable, Codable {
    public var verifierUnitId: Int64
    public var sheet: ScoreSheet

    public init(verifierUnitId: Int64, sheet: ScoreSheet) {
        self.verifierUnitId = verifierUnitId
        self.sheet = sheet
    }
}
