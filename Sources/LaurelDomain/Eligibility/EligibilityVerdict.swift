/// The answer for one subject, code and year: eligible or not, why, under which law, and
/// from when it could be eligible. A plain value the API and the pages render as they need.
public struct EligibilityVerdict: Hashable, Sendable, Codable {
    public var subject: String
    public var code: String
    public var year: Int
    public var eligible: Bool
    /// Every condition of the rule, in the rule's order.
    public var conditions: [ConditionOutcome]
    /// The legal basis of the rule applied, e.g. "Law 06/2022/QH15 Art 22; Decree 98/2023/NĐ-CP".
    public var basis: String
    /// catalogue.md "eligible from"; nil when eligible or never reachable within the horizon.
    public var eligibleFrom: Int?
    /// Bonus for the decision date of the check, when eligible and a date was given.
    public var bonusVND: Int?

    public init(
        subject: String, code: String, year: Int, eligible: Bool, conditions: [ConditionOutcome],
        basis: String, eligibleFrom: Int?, bonusVND: Int?
    ) {
        self.subject = subject
        self.code = code
        self.year = year
        self.eligible = eligible
        self.conditions = conditions
        self.basis = basis
        self.eligibleFrom = eligibleFrom
        self.bonusVND = bonusVND
    }

    /// The ids of the conditions that are not met.
    public var unmet: [String] { conditions.filter { !$0.met }.map(\.id) }
}

/// One condition of a verdict: its id, whether it is met, an English sentence saying why,
/// and the evidence in structured form (for localised rendering).
public struct ConditionOutcome: Hashable, Sendable, Codable {
    /// What a condition tests: the record, whether the award is for this kind of subject or
    /// staff at all, or something only a person (a council, a unit) can judge.
    public enum Kind: String, Hashable, Sendable, Codable {
        case record, applicability, manual
    }

    public var id: String
    public var met: Bool
    public var detail: String
    public var evidence: ConditionEvidence
    public var kind: Kind

    public init(id: String, met: Bool, detail: String, evidence: ConditionEvidence = ConditionEvidence(), kind: Kind = .record) {
        self.id = id
        self.met = met
        self.detail = detail
        self.evidence = evidence
        self.kind = kind
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        met = try container.decode(Bool.self, forKey: .met)
        detail = try container.decode(String.self, forKey: .detail)
        evidence = try container.decodeIfPresent(ConditionEvidence.self, forKey: .evidence) ?? ConditionEvidence()
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .record
    }
}

extension EligibilityVerdict {
    /// The award is not for this subject at all (another kind of subject or staff category).
    public var notApplicable: Bool { conditions.contains { !$0.met && $0.kind == .applicability } }

    /// Everything the record can show is met; what is left needs a person's judgement.
    public var awaitsJudgement: Bool {
        let unmet = conditions.filter { !$0.met }
        return !unmet.isEmpty && unmet.allSatisfy { $0.kind == .manual }
    }
}

/// What a condition looked at.
public struct ConditionEvidence: Hashable, Sendable, Codable {
    /// Years examined.
    public var years: [Int]
    /// Register rows counted (or, with `counted` false, seen and not counted).
    public var awards: [AwardEvidence]
    public var initiatives: [InitiativeEvidence]
    /// Members involved (holders, or those who fail the condition).
    public var members: [String]

    public init(
        years: [Int] = [], awards: [AwardEvidence] = [], initiatives: [InitiativeEvidence] = [],
        members: [String] = []
    ) {
        self.years = years
        self.awards = awards
        self.initiatives = initiatives
        self.members = members
    }
}

public struct AwardEvidence: Hashable, Sendable, Codable {
    public var code: String
    public var year: Int
    public var decisionNumber: String?
    public var counted: Bool
    /// Why a row was not counted ("revoked", "ad_hoc award").
    public var reason: String?
}

public struct InitiativeEvidence: Hashable, Sendable, Codable {
    public var id: String?
    public var year: Int
    public var level: InitiativeLevel
    public var counted: Bool
    public var reason: String?
}
