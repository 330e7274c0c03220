/// The value of one spreadsheet cell, whatever file it came from.
///
/// CSV fields are always `.text` (or `.empty`); XLSX cells keep their stored type.
public enum CellValue: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case date(SpreadsheetDate)
    case bool(Bool)

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let text): text.isEmpty
        default: false
        }
    }

    /// The value as a user would type it: integers without `.0`, dates as `yyyy-mm-dd`,
    /// booleans as `TRUE`/`FALSE`.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let number): Self.format(number)
        case .date(let date): date.description
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        }
    }

    /// Shortest round-tripping decimal text; integral values print without a fraction.
    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(number)
    }
}
