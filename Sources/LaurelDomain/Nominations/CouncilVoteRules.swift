/// The vote thresholds of every code, as data an organisation may override (issue 9, point 6).
public struct CouncilVoteRules: Hashable, Sendable, Codable {
    /// Thresholds by code; a code in two entries takes the first.
    public var thresholds: [CouncilVoteThreshold]
    /// For the codes not listed.
    public var otherwise: CouncilVoteThreshold
    /// The share of members who must take part (present or in writing).
    public var quorum: Proportion
    /// Codes a council must vote on: it cannot just agree by consensus.
    public var mandatoryVoteCodes: Set<String>

    public init(
        thresholds: [CouncilVoteThreshold], otherwise: CouncilVoteThreshold, quorum: Proportion,
        mandatoryVoteCodes: Set<String>
    ) {
        self.thresholds = thresholds
        self.otherwise = otherwise
        self.quorum = quorum
        self.mandatoryVoteCodes = mandatoryVoteCodes
    }

    /// The rule for a candidate proposed for `code`.
    public func rule(for code: String) -> CouncilVoteRule {
        let entry = thresholds.first { $0.codes.contains(code) } ?? otherwise
        return CouncilVoteRule(threshold: entry.threshold, comparison: entry.comparison, quorum: quorum)
    }

    /// Whether the council must hold a vote for `code` (Decree 98/2023 Art 30(7)).
    public func requiresVote(code: String) -> Bool { mandatoryVoteCodes.contains(code) }

    /// Decree 98/2023 Art 30(7) (LAW_FACTS §4.3; Decree 152/2025's article number UNCONFIRMED):
    /// ≥ 90 % of all members for the Hero titles (AHLD Anh hùng Lao động, AHLLVT Anh hùng Lực
    /// lượng vũ trang nhân dân), CSTĐ toàn quốc and CSTĐ bộ/tỉnh; ≥ 80 % for CSTĐ cơ sở, Cờ thi
    /// đua bộ/tỉnh and Cờ thi đua của Chính phủ; these seven must be voted on.
    ///
    /// Other codes: more than half of all members, the majority rule of the councils' working
    /// regulations (LAW_FACTS §4.3). Quorum: 2/3 of the members (Decree 98/2023 Art 47 for the
    /// Central Council; Bắc Ninh Art 8(4) for its province). Bắc Ninh also asks 80 % of the
    /// members at award-review sessions; whether that holds elsewhere is UNCONFIRMED, so it is
    /// not the default — a province sets `quorum` to 4/5.
    public static let standard = CouncilVoteRules(
        thresholds: [
            CouncilVoteThreshold(
                codes: ["AHLD", "AHLLVT", "CSTDTQ", "CSTD_BO"], threshold: .nineTenths, comparison: .atLeast,
                legalBasis: "Decree 98/2023/NĐ-CP Art 30(7)"),
            CouncilVoteThreshold(
                codes: ["CSTDCS", "CTD_BO", "CTD_CP"], threshold: .fourFifths, comparison: .atLeast,
                legalBasis: "Decree 98/2023/NĐ-CP Art 30(7)"),
        ],
        otherwise: CouncilVoteThreshold(
            codes: [], threshold: .half, comparison: .moreThan, legalBasis: "majority rule (LAW_FACTS §4.3)"),
        quorum: .twoThirds,
        mandatoryVoteCodes: ["AHLD", "AHLLVT", "CSTDTQ", "CSTD_BO", "CSTDCS", "CTD_BO", "CTD_CP"])
}
