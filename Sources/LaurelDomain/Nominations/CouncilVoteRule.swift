/// How a council's secret vote on one candidate is decided (LAW_FACTS §4.3): the share of ALL
/// members that must vote yes, and the share that must take part for the vote to count.
public struct CouncilVoteRule: Hashable, Sendable, Codable {
    /// "At least" the share (the law's "≥ 80 %"), or "more than" it (a majority, "quá nửa").
    public enum Comparison: String, Hashable, Sendable, Codable {
        case atLeast = "at_least"
        case moreThan = "more_than"
    }

    /// A share of all council members, present or not: absent members vote in writing
    /// (Decree 98/2023 Art 30(7)), so the count is never of those present only.
    public var threshold: Proportion
    public var comparison: Comparison
    /// The share of members who must vote (present or in writing) for the vote to count.
    public var quorum: Proportion

    public init(threshold: Proportion, comparison: Comparison = .atLeast, quorum: Proportion) {
        self.threshold = threshold
        self.comparison = comparison
        self.quorum = quorum
    }

    /// Whether `yes` votes out of a council of `members` pass.
    public func isPassed(yes: Int, members: Int) -> Bool {
        switch comparison {
        case .atLeast: threshold.isReached(by: yes, of: members)
        case .moreThan: yes * threshold.denominator > threshold.numerator * members
        }
    }

    /// The threshold to give a `Ballot` of `members` electors. A ballot elects at `share ≥
    /// threshold`, so "more than half" cannot be one fixed fraction; for a known council size it
    /// is exactly "at least k of members", k the smallest passing count (6 of 10, 4 of 7).
    public func ballotThreshold(members: Int) -> Proportion {
        guard comparison == .moreThan, members > 0 else { return threshold }
        let smallest = min(threshold.numerator * members / threshold.denominator + 1, members)
        return Proportion(numerator: smallest, denominator: members) ?? threshold
    }
}

/// A threshold shared by several award codes.
public struct CouncilVoteThreshold: Hashable, Sendable, Codable {
    public var codes: [String]
    public var threshold: Proportion
    public var comparison: CouncilVoteRule.Comparison
    /// Where the law sets it, for the page that explains a result.
    public var legalBasis: String

    public init(codes: [String], threshold: Proportion, comparison: CouncilVoteRule.Comparison, legalBasis: String) {
        self.codes = codes
        self.threshold = threshold
        self.comparison = comparison
        self.legalBasis = legalBasis
    }
}
