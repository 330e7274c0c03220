import Foundation

/// Checks shared by every way data enters Laurel (pages, API, import).
public enum Validate {
    public static let maxNameLength = 200
    public static let maxCodeLength = 40

    /// A trimmed, non-empty name of bounded length, in NFC (as imports store it, so a name typed on a
    /// Mac, in NFD, is found by the same search), without hidden characters.
    public static func name(_ raw: String?, field: String, into errors: inout [DomainError]) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        if value.isEmpty {
            errors.append(.invalid("error.required", field: field))
        } else if value.count > maxNameLength {
            errors.append(.invalid("error.too_long", field: field, String(maxNameLength)))
        } else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(.invalid("error.control_characters", field: field))
        } else if HiddenCharacters.containsInvisible(value) {
            errors.append(.invalid("error.hidden_characters", field: field))
        }
        return value
    }

    /// A unit code: letters, digits, '-', '_', '.', bounded length.
    public static func code(_ raw: String?, field: String, into errors: inout [DomainError]) -> String {
        let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty {
            errors.append(.invalid("error.required", field: field))
        } else if value.count > maxCodeLength {
            errors.append(.invalid("error.too_long", field: field, String(maxCodeLength)))
        } else if !value.unicodeScalars.allSatisfy({
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }) {
            errors.append(.invalid("error.code_chars", field: field))
        }
        return value
    }

    /// An optional free-text value of bounded length ("" becomes nil).
    public static func optionalText(_ raw: String?, field: String, max: Int = 200, into errors: inout [DomainError]) -> String? {
        guard let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping, !value.isEmpty
        else { return nil }
        if value.count > max { errors.append(.invalid("error.too_long", field: field, String(max))) }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(.invalid("error.control_characters", field: field))
        } else if HiddenCharacters.containsBidiControl(value) {
            errors.append(.invalid("error.hidden_characters", field: field))
        }
        return value
    }

    /// A code of an enumeration given as text.
    public static func choice<E: RawRepresentable>(_ raw: String?, as type: E.Type, field: String, into errors: inout [DomainError]) -> E?
    where E.RawValue == String {
        guard let raw, !raw.isEmpty else {
            errors.append(.invalid("error.required", field: field))
            return nil
        }
        guard let value = E(rawValue: raw) else {
            errors.append(.invalid("error.unknown_choice", field: field, raw))
            return nil
        }
        return value
    }

    /// A birth date: a real date, not in the future, not absurdly old.
    public static func birthDate(_ raw: String?, today: CalendarDate, field: String, into errors: inout [DomainError]) -> CalendarDate? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let date = CalendarDate(raw) else {
            errors.append(.invalid("error.bad_date", field: field))
            return nil
        }
        if date > today || date.year < today.year - 120 {
            errors.append(.invalid("error.date_out_of_range", field: field))
            return nil
        }
        return date
    }
}
