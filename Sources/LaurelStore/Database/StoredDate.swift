import LaurelDomain

/// A date column read back. Every write validates its dates, so one that does not read is damage to
/// the database: it is reported (a 500 that names the column in the log), never replaced by a
/// made-up day nor allowed to crash the server.
public struct UnreadableStoredValue: Error, CustomStringConvertible {
    public let column: String
    public let value: String
    public var description: String { "unreadable value in \(column): \(value.prefix(40))" }
}

enum StoredDate {
    static func read(_ text: String, _ column: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else { throw UnreadableStoredValue(column: column, value: text) }
        return date
    }
}
