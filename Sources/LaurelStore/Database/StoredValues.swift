import Foundation

/// A column holding one of an enum's raw values, read back. Every write stores a case's raw value
/// (and the migrations' CHECK lists hold the same), so one that does not read is damage to the
/// database: it is reported like an unreadable date (`UnreadableStoredValue`), never replaced by a
/// default case.
enum StoredChoice {
    static func read<Value: RawRepresentable>(_ raw: String, _ column: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else { throw UnreadableStoredValue(column: column, value: raw) }
        return value
    }

    static func read<Value: RawRepresentable>(_ raw: String?, _ column: String) throws -> Value? where Value.RawValue == String {
        try raw.map { try read($0, column) }
    }
}

/// A decimal kept as text (a target's planned and actual values), read back.
enum StoredDecimal {
    static func read(_ text: String, _ column: String) throws -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw UnreadableStoredValue(column: column, value: text)
        }
        return value
    }
}
