/// One title or form of the award catalogue: what the store seeds its `award_types` table from.
public struct AwardCatalogueEntry: Hashable, Sendable, Codable, Identifiable {
    /// Stable code (`CSTD_BO`), used in the API, the database and rules.
    public var code: String
    public var category: AwardCategory
    /// Vietnamese name with its diacritics, as printed on decisions.
    public var nameVi: String
    public var nameEn: String
    /// Who may receive it.
    public var subjectKinds: [SubjectKind]
    public var awardingLevel: AwardingLevel
    /// Considered every year (most titles), rather than by chain or occasion.
    public var annual: Bool
    /// Bonus coefficients, one entry per decree, oldest first.
    public var coefficients: [BonusCoefficients]
    /// Where the award and its criteria are set out.
    public var legalBasis: [LegalReference]
    /// The rule of catalogue.md that decides eligibility ("R-CSTD_BO"), or "configurable".
    public var ruleReference: String
    /// What is unconfirmed or left to configuration, for the operator.
    public var note: String?

    public var id: String { code }

    public init(
        code: String, category: AwardCategory, nameVi: String, nameEn: String,
        subjectKinds: [SubjectKind], awardingLevel: AwardingLevel, annual: Bool,
        coefficients: [BonusCoefficients], legalBasis: [LegalReference], ruleReference: String,
        note: String? = nil
    ) {
        self.code = code
        self.category = category
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.subjectKinds = subjectKinds
        self.awardingLevel = awardingLevel
        self.annual = annual
        self.coefficients = coefficients
        self.legalBasis = legalBasis
        self.ruleReference = ruleReference
        self.note = note
    }

    /// The coefficients of the decree in force on `date`, if any decree known here was.
    public func coefficients(on date: CalendarDate) -> BonusCoefficients? {
        coefficients.last { $0.validFrom <= date }
    }

    public func isFor(_ kind: SubjectKind) -> Bool { subjectKinds.contains(kind) }
}
