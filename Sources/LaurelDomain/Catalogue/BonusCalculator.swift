/// A coefficient set by an administrator where the law leaves it to them (KNC, GDVH, …).
public struct CoefficientOverride: Hashable, Sendable, Codable {
    public var code: String
    public var subjectKind: SubjectKind
    public var coefficient: Coefficient

    public init(code: String, subjectKind: SubjectKind, coefficient: Coefficient) {
        self.code = code
        self.subjectKind = subjectKind
        self.coefficient = coefficient
    }
}

/// The bonus of one award to one kind of subject on one decision date.
public struct BonusAmount: Hashable, Sendable, Codable {
    public var code: String
    public var subjectKind: SubjectKind
    public var decisionDate: CalendarDate
    /// The coefficient applied, household multiplier included.
    public var coefficient: Coefficient
    public var baseSalaryVND: Int
    public var amountVND: Int
    /// The decree whose coefficient was used.
    public var decree: LegalReference
}

public enum BonusError: Error, Hashable, Sendable {
    case unknownCode(String)
    case noCoefficient(code: String, subjectKind: SubjectKind, date: CalendarDate)
    case noBaseSalary(date: CalendarDate)
}

/// Bonus = coefficient × base salary in force on the decision date, rounded **up** to the next
/// 10,000 VND (Decree 152/2025 Art 49(2)); households receiving a form get 1.5 × the individual
/// amount (Decree 152/2025 Art 54). Money is Int VND throughout.
public struct BonusCalculator: Sendable {
    public let catalogue: AwardCatalogue
    public let baseSalaries: BaseSalaryTable
    public let overrides: [CoefficientOverride]

    public init(
        catalogue: AwardCatalogue = .standard, baseSalaries: BaseSalaryTable = .standard,
        overrides: [CoefficientOverride] = []
    ) {
        self.catalogue = catalogue
        self.baseSalaries = baseSalaries
        self.overrides = overrides
    }

    public func bonus(code: String, subjectKind: SubjectKind, decisionDate: CalendarDate) -> Result<BonusAmount, BonusError> {
        guard let entry = catalogue.entry(for: code) else { return .failure(.unknownCode(code)) }
        guard let base = baseSalaries.amount(on: decisionDate) else { return .failure(.noBaseSalary(date: decisionDate)) }
        guard let dated = entry.coefficients(on: decisionDate) else {
            return .failure(.noCoefficient(code: code, subjectKind: subjectKind, date: decisionDate))
        }
        guard let coefficient = coefficient(entry: entry, dated: dated, kind: subjectKind) else {
            return .failure(.noCoefficient(code: code, subjectKind: subjectKind, date: decisionDate))
        }
        return .success(
            BonusAmount(
                code: code, subjectKind: subjectKind, decisionDate: decisionDate, coefficient: coefficient,
                baseSalaryVND: base, amountVND: Self.roundedAmount(coefficient: coefficient, baseSalaryVND: base),
                decree: dated.decree))
    }

    /// coefficient × base, rounded up to a multiple of 10,000 VND, in integers only.
    public static func roundedAmount(coefficient: Coefficient, baseSalaryVND: Int) -> Int {
        let exactTimes1000 = coefficient.thousandths * baseSalaryVND
        let step = 1000 * 10_000
        return (exactTimes1000 + step - 1) / step * 10_000
    }

    private func coefficient(entry: AwardCatalogueEntry, dated: BonusCoefficients, kind: SubjectKind) -> Coefficient? {
        if let override = overrides.last(where: { $0.code == entry.code && $0.subjectKind == kind }) {
            return override.coefficient
        }
        switch kind {
        case .individual:
            return dated.individual
        case .collective:
            return dated.collective
        case .household:
            if let household = dated.household { return household }
            // Decree 152/2025 Art 54: a household receiving a form gets 1.5 × the individual amount.
            guard entry.category == .commendationForm, let individual = dated.individual else { return nil }
            return Coefficient(thousandths: individual.thousandths * 3 / 2)
        }
    }
}
