import Foundation
import LaurelDomain

/// One line of a season's criteria table as the API takes and gives it. `kind` is `criterion`,
/// `bonus` or `deduction` (the domain's `regular` is `criterion` here).
public struct CriterionLine: Codable, Sendable, Equatable {
    /// The domain's `ScoringCriterionKind` as the API and the pages spell it.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case criterion, bonus, deduction

        public init(_ kind: ScoringCriterionKind) {
            self =
                switch kind {
                case .regular: .criterion
                case .bonus: .bonus
                case .deduction: .deduction
                }
        }

        public var domain: ScoringCriterionKind {
            switch self {
            case .criterion: .regular
            case .bonus: .bonus
            case .deduction: .deduction
            }
        }
    }

    public var code: String
    public var section: String
    public var sectionTitle: String?
    public var title: String
    public var maxPoints: Points
    public var kind: Kind

    public init(code: String, section: String, sectionTitle: String? = nil, title: String, maxPoints: Points, kind: Kind) {
        self.code = code
        self.section = section
        self.sectionTitle = sectionTitle
        self.title = title
        self.maxPoints = maxPoints
        self.kind = kind
    }

    /// The flat lines as a table: sections in order of first appearance.
    public static func table(_ lines: [CriterionLine], bonusCap: Points) throws -> CriteriaTable {
        var order: [String] = []
        var titles: [String: String] = [:]
        var criteria: [String: [ScoringCriterion]] = [:]
        for line in lines {
            if criteria[line.section] == nil { order.append(line.section) }
            if titles[line.section] == nil, let title = line.sectionTitle, !title.isEmpty { titles[line.section] = title }
            criteria[line.section, default: []].append(
                ScoringCriterion(code: line.code, title: line.title, maxPoints: line.maxPoints, kind: line.kind.domain))
        }
        do {
            return try CriteriaTable(
                sections: order.map { CriteriaSection(code: $0, title: titles[$0] ?? $0, criteria: criteria[$0] ?? []) }, bonusCap: bonusCap
            )
        } catch {
            throw switch error {
            case .noCriteria: DomainError.invalid("error.required", field: "criteria")
            case .duplicateSectionCode(let code), .duplicateCriterionCode(let code):
                DomainError.invalid("error.criteria_duplicate_code", field: "criteria", code)
            case .emptyCode: DomainError.invalid("error.required", field: "criteria")
            case .nonPositiveMaximum(let code): DomainError.invalid("error.criteria_max_positive", field: "criteria", code)
            case .negativeBonusCap: DomainError.invalid("error.criteria_bonus_cap_negative", field: "bonusCap")
            }
        }
    }

    static func lines(_ table: CriteriaTable) -> [CriterionLine] {
        table.sections.flatMap { section in
            section.criteria.map {
                CriterionLine(
                    code: $0.code, section: section.code, sectionTitle: section.title, title: $0.title, maxPoints: $0.maxPoints,
                    kind: Kind($0.kind))
            }
        }
    }
}

/// A season (one cluster, one year) as the API shows it.
public struct SeasonRecord: Codable, Sendable {
    public struct Member: Codable, Sendable {
        public var unitId: Int64
        public var unitName: String
        public var signedCovenant: Bool
        public var selfScored: Bool
        public var verified: Bool
        public var targets: TargetSummary
    }

    public var id: Int64
    public var clusterId: Int64
    public var clusterName: String
    public var organiserUnitId: Int64
    public var year: Int
    public var leaderUnitId: Int64
    public var deputyUnitId: Int64
    public var mode: ScoringMode
    public var bonusCap: Points
    public var maxTotal: Points
    public var status: SeasonStatus
    public var members: [Member]
    public var criteria: [CriterionLine]
    public var rulesText: String
    public var covenantText: String
    public var covenantSignedOn: String?
    public var reopenReasons: [String]
    public var conferenceOn: String?
    public var conferenceVenue: String?
    public var conferenceAttendance: String?
    public var targets: [RegisteredTarget]
    /// Cross mode: (scorer, target) pairs still owed.
    public var missingCrossScores: [CrossScoreGap]
}

/// A season's ranking as the API gives it: `pending` is the list of unit ids not ranked yet.
public struct RankingRecord: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var rank: Int
        public var unitId: Int64
        public var unitName: String
        public var final: Points
        public var normalised: Double?
        public var sections: [String: Points]
    }
    public struct Pending: Codable, Sendable {
        public var unitId: Int64
        public var unitName: String
        public var reason: Ranking.PendingUnit.Reason
    }
    public struct Section: Codable, Sendable {
        public var code: String
        public var title: String
    }

    public var seasonId: Int64
    public var basis: RankingBasis
    public var finalised: Bool
    public var sectionOrder: [Section]
    public var rows: [Row]
    public var pending: [Int64]
    public var pendingDetails: [Pending]
}
