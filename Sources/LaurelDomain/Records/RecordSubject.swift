/// Whose record a row belongs to: a person (cá nhân) or a unit (tập thể).
public enum RecordSubject: Hashable, Sendable {
    case person(Int64)
    case unit(Int64)

    public var personId: Int64? { if case .person(let id) = self { id } else { nil } }
    public var unitId: Int64? { if case .unit(let id) = self { id } else { nil } }
}

/// Checks shared by the API, the pages and the import, so a row means the same wherever it enters.
public enum RecordRules {
    /// The first year a record may carry (the first emulation movement, 1948, with room to spare).
    public static let firstYear = 1945

    public static func year(_ value: Int?, today: CalendarDate, field: String, into errors: inout [DomainError]) -> Int? {
        guard let value else {
            errors.append(.invalid("error.required", field: field))
            return nil
        }
        if value > today.year {
            errors.append(.invalid("error.year_in_future", field: field, String(value)))
            return nil
        }
        if value < firstYear {
            errors.append(.invalid("error.year_out_of_range", field: field, String(value)))
            return nil
        }
        return value
    }

    /// A decision date: a real date, not in the future.
    public static func decisionDate(_ raw: String?, today: CalendarDate, field: String, into errors: inout [DomainError]) -> CalendarDate? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let date = CalendarDate(raw) else {
            errors.append(.invalid("error.bad_date", field: field))
            return nil
        }
        if date > today || date.year < firstYear {
            errors.append(.invalid("error.date_out_of_range", field: field))
            return nil
        }
        return date
    }

    /// Nobody is commended, rated or credited with an initiative before they were born.
    public static func notBeforeBirth(year: Int, birthDate: String?, field: String, into errors: inout [DomainError]) {
        guard let birth = birthDate.flatMap({ CalendarDate($0) }), year < birth.year else { return }
        errors.append(.invalid("error.award_before_birth", field: field, String(year), String(birth.year)))
    }

    /// Authors' shares are whole percentages that add up to at most 100.
    public static func shares(_ shares: [Int], field: String, into errors: inout [DomainError]) {
        if shares.isEmpty { errors.append(.invalid("error.initiative_needs_author", field: field)) }
        if shares.contains(where: { !(1...100).contains($0) }) || shares.reduce(0, +) > 100 {
            errors.append(.invalid("error.initiative_shares", field: field))
        }
    }
}
