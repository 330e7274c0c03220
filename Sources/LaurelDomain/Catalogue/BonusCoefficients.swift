/// The coefficients of one award under one decree, from the date that decree took effect.
///
/// A `nil` coefficient means the award pays nothing known to that kind of subject (or the figure
/// is configurable and was not configured). Households receiving a *form* get 1.5 × the
/// individual amount unless `household` is given (Decree 152/2025 Art 54).
public struct BonusCoefficients: Hashable, Sendable, Codable {
    /// First day of the decree's force.
    public var validFrom: CalendarDate
    /// The decree that sets these figures.
    public var decree: LegalReference
    public var individual: Coefficient?
    public var collective: Coefficient?
    public var household: Coefficient?

    public init(
        validFrom: CalendarDate, decree: LegalReference,
        individual: Coefficient? = nil, collective: Coefficient? = nil, household: Coefficient? = nil
    ) {
        self.validFrom = validFrom
        self.decree = decree
        self.individual = individual
        self.collective = collective
        self.household = household
    }
}
