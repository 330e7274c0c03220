/// The rule of one title or form for some kinds of subject, in force over a period, with its
/// legal basis. A law that changes is a new `AwardRule`, not an edit of an old one.
public struct AwardRule: Hashable, Sendable, Codable {
    public var code: String
    public var subjectKinds: [SubjectKind]
    /// First day of force; nil: since before anything Laurel encodes.
    public var validFrom: CalendarDate?
    /// Last day of force; nil: still in force.
    public var validUntil: CalendarDate?
    /// Where the criteria come from, e.g. Law 06/2022 Art 22 and the decree then in force.
    public var basis: [LegalReference]
    /// All must hold.
    public var conditions: [RuleCondition]

    public init(
        code: String, subjectKinds: [SubjectKind], validFrom: CalendarDate?, validUntil: CalendarDate?,
        basis: [LegalReference], conditions: [RuleCondition]
    ) {
        self.code = code
        self.subjectKinds = subjectKinds
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.basis = basis
        self.conditions = conditions
    }

    public func isInForce(on date: CalendarDate) -> Bool {
        if let validFrom, date < validFrom { return false }
        if let validUntil, validUntil < date { return false }
        return true
    }

    /// "Law 06/2022/QH15 Art 22; Decree 152/2025/NĐ-CP".
    public var basisText: String { basis.map(\.description).joined(separator: "; ") }
}
