/// One field-level problem of a score sheet: which criterion, and why.
public struct ScoreIssue: Hashable, Sendable, Codable {
    /// The criterion at fault; nil for the sheet-wide bonus cap.
    public var criterionCode: String?
    public var reason: Reason

    public init(criterionCode: String?, reason: Reason) {
        self.criterionCode = criterionCode
        self.reason = reason
    }

    public enum Reason: Hashable, Sendable, Codable {
        /// A regular or bonus criterion scored above its maximum.
        case aboveMax(Points)
        /// A regular or bonus criterion scored below zero.
        case negative
        /// A deduction scored above zero: deductions only take points off.
        case positiveDeduction
        /// A deduction taking off more than its maximum.
        case deductionBeyondMax(Points)
        /// All bonus criteria together above the table's bonus cap.
        case bonusCapExceeded(total: Points, cap: Points)
        /// A code that is not in the table.
        case unknownCriterion
        /// Left out of a sheet that must be complete.
        case missing

        /// Stable code for localised messages and API error bodies.
        public var code: String {
            switch self {
            case .aboveMax: "above_max"
            case .negative: "negative"
            case .positiveDeduction: "positive_deduction"
            case .deductionBeyondMax: "deduction_beyond_max"
            case .bonusCapExceeded: "bonus_cap_exceeded"
            case .unknownCriterion: "unknown_criterion"
            case .missing: "missing"
            }
        }
    }
}

/// A score sheet that does not fit its criteria table (maps to 422 with the issues as field errors).
public struct ScoreSheetError: Error, Hashable, Sendable {
    public var issues: [ScoreIssue]

    public init(issues: [ScoreIssue]) { self.issues = issues }
}
