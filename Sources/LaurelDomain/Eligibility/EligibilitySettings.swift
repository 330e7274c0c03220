/// What an administrator may change without a code change: the law's unconfirmed or delegated
/// points (catalogue.md "configurable"). Every field has the documented default.
public struct EligibilitySettings: Hashable, Sendable, Codable {
    /// How an initiative with `usedFor` may count again.
    public enum InitiativeReuse: String, Hashable, Sendable, Codable, CaseIterable {
        /// catalogue.md: it counts for the code it was used for (re-judging that award) and for no other.
        case onlyForItsCode = "only_for_its_code"
        /// A used initiative never counts again, not even for its own code.
        case never
    }

    public var initiativeReuse: InitiativeReuse
    /// R-HCLD3's extra element (MoHA paraphrase of Law Art 44(1): at least one year rated
    /// excellent in the five) — unconfirmed, off by default.
    public var hcld3RequiresExcellentYear: Bool
    /// Share of members holding LDTT that TTLDTT and TTLDXS need (Law Art 27, 28 — verbatim
    /// 2022 text unconfirmed). Default 70.
    public var collectiveLDTTSharePercent: Int
    /// When true, a year with any discipline does not count as a good+ year inside a multi-year
    /// window (R-BK_TTG, R-HCLD3). catalogue.md disqualifies only the year judged; default false.
    public var disciplineBreaksWindows: Bool
    /// How many years after the judged one the "eligible from" replay looks. Default 15.
    public var replayHorizonYears: Int
    /// Rules that replace the standard ones (same code and subject kind, overlapping period),
    /// or give a rule to a configurable title or form.
    public var ruleOverrides: [AwardRule]
    /// Coefficients the administrator sets (KNC up to 0.6, GDVH).
    public var coefficientOverrides: [CoefficientOverride]
    public var baseSalaries: BaseSalaryTable
    /// Optional quotas organisations set (e.g. CSTDCS ≤ 15 % of LDTT); none by default.
    public var quotas: [AwardQuota]

    public init(
        initiativeReuse: InitiativeReuse = .onlyForItsCode,
        hcld3RequiresExcellentYear: Bool = false,
        collectiveLDTTSharePercent: Int = 70,
        disciplineBreaksWindows: Bool = false,
        replayHorizonYears: Int = 15,
        ruleOverrides: [AwardRule] = [],
        coefficientOverrides: [CoefficientOverride] = [],
        baseSalaries: BaseSalaryTable = .standard,
        quotas: [AwardQuota] = []
    ) {
        self.initiativeReuse = initiativeReuse
        self.hcld3RequiresExcellentYear = hcld3RequiresExcellentYear
        self.collectiveLDTTSharePercent = collectiveLDTTSharePercent
        self.disciplineBreaksWindows = disciplineBreaksWindows
        self.replayHorizonYears = replayHorizonYears
        self.ruleOverrides = ruleOverrides
        self.coefficientOverrides = coefficientOverrides
        self.baseSalaries = baseSalaries
        self.quotas = quotas
    }

    public static let `default` = EligibilitySettings()

    private enum CodingKeys: String, CodingKey {
        case initiativeReuse, hcld3RequiresExcellentYear, collectiveLDTTSharePercent, disciplineBreaksWindows
        case replayHorizonYears, ruleOverrides, coefficientOverrides, baseSalaries, quotas
    }

    /// Missing keys take their defaults, so a stored settings document stays readable as fields are added.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = EligibilitySettings.default
        initiativeReuse = try c.decodeIfPresent(InitiativeReuse.self, forKey: .initiativeReuse) ?? d.initiativeReuse
        hcld3RequiresExcellentYear =
            try c.decodeIfPresent(Bool.self, forKey: .hcld3RequiresExcellentYear)
            ?? d.hcld3RequiresExcellentYear
        collectiveLDTTSharePercent =
            try c.decodeIfPresent(Int.self, forKey: .collectiveLDTTSharePercent)
            ?? d.collectiveLDTTSharePercent
        disciplineBreaksWindows =
            try c.decodeIfPresent(Bool.self, forKey: .disciplineBreaksWindows)
            ?? d.disciplineBreaksWindows
        replayHorizonYears = try c.decodeIfPresent(Int.self, forKey: .replayHorizonYears) ?? d.replayHorizonYears
        ruleOverrides = try c.decodeIfPresent([AwardRule].self, forKey: .ruleOverrides) ?? []
        coefficientOverrides = try c.decodeIfPresent([CoefficientOverride].self, forKey: .coefficientOverrides) ?? []
        baseSalaries = try c.decodeIfPresent(BaseSalaryTable.self, forKey: .baseSalaries) ?? d.baseSalaries
        quotas = try c.decodeIfPresent([AwardQuota].self, forKey: .quotas) ?? []
    }
}
