import LaurelDomain

/// A code column read back as its domain enum. Every write stores a case's raw value, so one that
/// names no case is damage to the database: reported like an unreadable date, never replaced by a
/// default case.
enum StoredCode {
    static func read<Value: RawRepresentable>(_ raw: String, as type: Value.Type = Value.self, _ column: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: raw) else { throw UnreadableStoredValue(column: column, value: raw) }
        return value
    }
}

extension StoredDate {
    /// A nullable date column: absent stays absent, present must read.
    static func read(_ text: String?, _ column: String) throws -> CalendarDate? {
        try text.map { try read($0, column) }
    }
}
