/// How a criterion counts towards a total.
public enum ScoringCriterionKind: String, Codable, Sendable, CaseIterable {
    /// Scored from 0 up to `maxPoints`.
    case regular
    /// Điểm thưởng: scored from 0 up to `maxPoints`, and all bonus criteria together up to the
    /// table's `bonusCap`.
    case bonus
    /// Điểm trừ: scored from −`maxPoints` up to 0; `maxPoints` is the most that can be taken off.
    case deduction
}

/// One line of the scoring table (tiêu chí), e.g. "1.2 Ký kết giao ước thi đua", 20 points.
public struct ScoringCriterion: Hashable, Sendable, Codable {
    /// Unique in the whole table; score sheets refer to criteria by this code.
    public var code: String
    public var title: String
    /// Always positive: the ceiling for regular and bonus criteria, the largest deduction otherwise.
    public var maxPoints: Points
    public var kind: ScoringCriterionKind

    public init(code: String, title: String, maxPoints: Points, kind: ScoringCriterionKind = .regular) {
        self.code = code
        self.title = title
        self.maxPoints = maxPoints
        self.kind = kind
    }

    /// The lowest and highest score a sheet may give this criterion.
    public var allowedRange: ClosedRange<Points> {
        kind == .deduction ? -maxPoints...Points.zero : Points.zero...maxPoints
    }
}

/// A group of criteria with a subtotal on the ranking (e.g. "I. Thực hiện nhiệm vụ chính trị").
public struct CriteriaSection: Hashable, Sendable, Codable {
    public var code: String
    public var title: String
    public var criteria: [ScoringCriterion]

    public init(code: String, title: String, criteria: [ScoringCriterion]) {
        self.code = code
        self.title = title
        self.criteria = criteria
    }
}

/// A problem with the shape of a criteria table.
public enum CriteriaTableError: Error, Hashable, Sendable {
    case noCriteria
    case duplicateSectionCode(String)
    case duplicateCriterionCode(String)
    case emptyCode
    case nonPositiveMaximum(criterionCode: String)
    case negativeBonusCap
}

/// A season's scoring table (bảng tiêu chí chấm điểm): sections → criteria with maximum points,
/// plus a cap on all bonus points together. Scales are local (e.g. Thừa Thiên Huế HD 804/2018:
/// 950 points of criteria + 50 bonus, deductions such as −8 for not signing the covenant), so the
/// table is data, set per cluster per year (LAW_FACTS §5).
///
/// ```swift
/// let table = try CriteriaTable(sections: [
///     CriteriaSection(code: "I", title: "Nhiệm vụ", criteria: [
///         ScoringCriterion(code: "1.1", title: "Kế hoạch", maxPoints: 50)]),
///     CriteriaSection(code: "B", title: "Điểm thưởng", criteria: [
///         ScoringCriterion(code: "B1", title: "Sáng kiến", maxPoints: 30, kind: .bonus)]),
///     CriteriaSection(code: "D", title: "Điểm trừ", criteria: [
///         ScoringCriterion(code: "D1", title: "Không ký giao ước", maxPoints: 8, kind: .deduction)]),
/// ], bonusCap: 50)
/// try table.validate(sheet)          // throws ScoreSheetError with every field-level issue
/// let totals = table.totals(of: sheet)  // total and per-section subtotals
/// ```
public struct CriteriaTable: Hashable, Sendable, Codable {
    public let sections: [CriteriaSection]
    public let bonusCap: Points

    public init(sections: [CriteriaSection], bonusCap: Points = .zero) throws(CriteriaTableError) {
        var sectionCodes = Set<String>()
        var criterionCodes = Set<String>()
        for section in sections {
            guard !section.code.isEmpty else { throw .emptyCode }
            guard sectionCodes.insert(section.code).inserted else { throw .duplicateSectionCode(section.code) }
            for criterion in section.criteria {
                guard !criterion.code.isEmpty else { throw .emptyCode }
                guard criterionCodes.insert(criterion.code).inserted else {
                    throw .duplicateCriterionCode(criterion.code)
                }
                guard criterion.maxPoints > .zero else { throw .nonPositiveMaximum(criterionCode: criterion.code) }
            }
        }
        guard !criterionCodes.isEmpty else { throw .noCriteria }
        guard bonusCap >= .zero else { throw .negativeBonusCap }
        self.sections = sections
        self.bonusCap = bonusCap
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            sections: container.decode([CriteriaSection].self, forKey: .sections),
            bonusCap: container.decodeIfPresent(Points.self, forKey: .bonusCap) ?? .zero)
    }

    /// Every criterion in table order.
    public var criteria: [ScoringCriterion] { sections.flatMap(\.criteria) }

    public func criterion(code: String) -> ScoringCriterion? {
        criteria.first { $0.code == code }
    }

    /// The best total a sheet can reach: all regular maxima plus the bonus points that can count
    /// (the smaller of the cap and the sum of the bonus maxima).
    public var maxTotal: Points {
        let regular = criteria.filter { $0.kind == .regular }.reduce(Points.zero) { $0 + $1.maxPoints }
        let bonus = criteria.filter { $0.kind == .bonus }.reduce(Points.zero) { $0 + $1.maxPoints }
        return regular + min(bonus, bonusCap)
    }

    /// Every problem with `sheet`, in table order, then unknown codes in code order; empty when
    /// the sheet is valid. Criteria the sheet leaves out count as 0 unless `requireComplete`.
    public func issues(in sheet: ScoreSheet, requireComplete: Bool = false) -> [ScoreIssue] {
        var issues: [ScoreIssue] = []
        var bonusTotal = Points.zero
        for criterion in criteria {
            guard let score = sheet.scores[criterion.code] else {
                if requireComplete { issues.append(ScoreIssue(criterionCode: criterion.code, reason: .missing)) }
                continue
            }
            switch criterion.kind {
            case .regular, .bonus:
                if score < .zero {
                    issues.append(ScoreIssue(criterionCode: criterion.code, reason: .negative))
                } else if score > criterion.maxPoints {
                    issues.append(ScoreIssue(criterionCode: criterion.code, reason: .aboveMax(criterion.maxPoints)))
                }
                if criterion.kind == .bonus { bonusTotal = bonusTotal + score }
            case .deduction:
                if score > .zero {
                    issues.append(ScoreIssue(criterionCode: criterion.code, reason: .positiveDeduction))
                } else if score < -criterion.maxPoints {
                    issues.append(
                        ScoreIssue(criterionCode: criterion.code, reason: .deductionBeyondMax(criterion.maxPoints)))
                }
            }
        }
        if bonusTotal > bonusCap {
            issues.append(ScoreIssue(criterionCode: nil, reason: .bonusCapExceeded(total: bonusTotal, cap: bonusCap)))
        }
        let known = Set(criteria.map(\.code))
        for code in sheet.scores.keys.sorted() where !known.contains(code) {
            issues.append(ScoreIssue(criterionCode: code, reason: .unknownCriterion))
        }
        return issues
    }

    /// Throws `ScoreSheetError` listing every issue when `sheet` does not fit the table.
    public func validate(_ sheet: ScoreSheet, requireComplete: Bool = false) throws(ScoreSheetError) {
        let found = issues(in: sheet, requireComplete: requireComplete)
        guard found.isEmpty else { throw ScoreSheetError(issues: found) }
    }

    /// Total and section subtotals of a sheet (left-out criteria count as 0; codes not in the table
    /// are ignored — validate first).
    public func totals(of sheet: ScoreSheet) -> SheetTotals {
        var sectionTotals: [String: Points] = [:]
        for section in sections {
            sectionTotals[section.code] = section.criteria.reduce(Points.zero) {
                $0 + (sheet.scores[$1.code] ?? .zero)
            }
        }
        return SheetTotals(total: sectionTotals.values.reduce(.zero, +), sections: sectionTotals)
    }
}
