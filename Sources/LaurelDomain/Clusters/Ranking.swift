/// What a ranking is ordered by (cross mode may rank by the normalised score).
public enum RankingBasis: String, Hashable, Sendable, Codable, CaseIterable {
    case raw, normalised
}

/// A season's ranking: members with a final score, best first, ties sharing a rank
/// (standard competition ranking: 1, 2, 2, 4), and the members that cannot be ranked yet.
public struct Ranking: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var rank: Int
        public var unitId: Int64
        /// Verified total (verification mode) or mean of the others' totals (cross mode).
        public var final: Points
        /// Cross mode only: the normalised score (four decimals), see `CrossScoring`.
        public var normalised: Double?
        /// Subtotal per section code.
        public var sections: [String: Points]

        public init(rank: Int, unitId: Int64, final: Points, normalised: Double? = nil, sections: [String: Points]) {
            self.rank = rank
            self.unitId = unitId
            self.final = final
            self.normalised = normalised
            self.sections = sections
        }
    }

    public struct PendingUnit: Hashable, Sendable, Codable {
        public enum Reason: String, Hashable, Sendable, Codable {
            /// Verification mode: no verified score yet (self-scored or not).
            case notVerified = "not_verified"
            /// Cross mode: no other member has scored it yet.
            case notScored = "not_scored"
        }

        public var unitId: Int64
        public var reason: Reason

        public init(unitId: Int64, reason: Reason) {
            self.unitId = unitId
            self.reason = reason
        }
    }

    public var basis: RankingBasis
    public var rows: [Row]
    /// Members without a final score, by unit id; they are not ranked.
    public var pending: [PendingUnit]

    public init(basis: RankingBasis, rows: [Row], pending: [PendingUnit]) {
        self.basis = basis
        self.rows = rows
        self.pending = pending
    }

    /// Orders entries by `key` descending (then unit id ascending, for a stable listing) and gives
    /// equal keys the same rank, the next key skipping the shared places: 1, 2, 2, 4.
    public static func competitionRanks<Key: Comparable>(_ entries: [(unitId: Int64, key: Key)]) -> [(rank: Int, unitId: Int64)] {
        let ordered = entries.sorted { $0.key != $1.key ? $0.key > $1.key : $0.unitId < $1.unitId }
        var ranked: [(rank: Int, unitId: Int64)] = []
        for (index, entry) in ordered.enumerated() {
            let rank = index > 0 && ordered[index - 1].key == entry.key ? ranked[index - 1].rank : index + 1
            ranked.append((rank, entry.unitId))
        }
        return ranked
    }
}
