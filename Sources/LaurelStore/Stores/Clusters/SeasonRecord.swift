import Foundation
import LaurelDomain

/// One line of a season's criteria table as the API takes and gives it. `kind` is `criterion`,
/// `bonus` or `deduction` (the domain's `regular` is `criterion` here).
public struct CriterionLine: Codable, Sendable, Equatable {
    public var code: String
    public var section: String
    public var sectionTitle: String?
    public var title: String
    public var maxPoints: Points
    public var kind: String

    public init(code: String, section: String, sectionTitle: String? = nil, title: String, maxPoints: Points, kind: String) {
        self.code = code
        self.section = section
        self.sectionTitle = sectionTitle
        self.title = title
        self.maxPoints = maxPoints
        self.kind = kind
    }

    static func apiKind(_ kind: ScoringCriterionKind) -> String { kind == .regular ? "criterion" : kind.rawValue }
    static func domainKind(_ kind: String) -> ScoringCriterionKind? {
        kind == "criterion" ? .regular : ScoringCriterionKind(rawValue: kind).flatMap { $0 == .regular ? nil : $0 }
    }

    /// The flat lines as a table: sections in order of first appearance.
    public static func table(_ lines: [CriterionLine], bonusCap: Points) throws -> CriteriaTable {
        var order: [String] = []
        var titles: [String: String] = [:]
        var criteria: [String: [ScoringCriterion]] = [:]
        var errors: [DomainError] = []
        for (index, line) in lines.enumerated() {
            guard let kind = domainKind(line.kind) else {
                errors.append(.invalid("error.unknown_choice", field: "criteria.\(index).kind", line.kind))
                continue
            }
            if criteria[line.section] == nil { order.append(line.section) }
            if titles[line.section] == nil, let title = line.sectionTitle, !title.isEmpty { titles[line.section] = title }
            criteria[line.section, default: []].append(
                ScoringCriterion(code: line.code, title: line.title, maxPoints: line.maxPoints, kind: kind))
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
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
                    kind: apiKind($0.kind))
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
    public var mode: String
    public var bonusCap: Points
    public var maxTotal: Points
    public var status: String
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
        public var reason: String
    }
    public struct Section: Codable, Sendable {
        public var code: String
        public var title: String
    }

    public var seasonId: Int64
    public var basis: String
    public var finalised: Bool
    public var sectionOrder: [Section]
    public var rows: [Row]
    public var pending: [Int64]
    public var pendingDetails: [Pending]
}
