/// Every rule the engine judges by: the standard rules of catalogue.md, each in two versions
/// (Decree 98/2023 until 30 June 2025, Decree 152/2025 from 1 July 2025), for the subject kinds
/// of its catalogue entry.
public struct RuleBook: Hashable, Sendable, Codable {
    public var rules: [AwardRule]

    public init(rules: [AwardRule]) {
        self.rules = rules
    }

    /// The periods of the standard rules: the decree in force when the year is judged.
    static let eras: [(from: CalendarDate?, until: CalendarDate?, decree: LegalReference)] = [
        (.law2022InForce, .known(2025, 6, 30), LegalReference(LegalReference.decree98)),
        (.decree152InForce, nil, LegalReference(LegalReference.decree152)),
    ]

    /// The standard rule book, with the configurable points taken from `settings`.
    public static func standard(
        catalogue: AwardCatalogue = .standard, settings: EligibilitySettings = .default
    ) -> RuleBook {
        var rules: [AwardRule] = []
        for entry in catalogue.entries {
            for kind in entry.subjectKinds {
                let conditions = StandardRules.conditions(code: entry.code, kind: kind, settings: settings)
                for era in eras {
                    rules.append(
                        AwardRule(
                            code: entry.code, subjectKinds: [kind], validFrom: era.from, validUntil: era.until,
                            basis: entry.legalBasis + [era.decree], conditions: conditions))
                }
            }
        }
        return RuleBook(rules: rules)
    }
}
