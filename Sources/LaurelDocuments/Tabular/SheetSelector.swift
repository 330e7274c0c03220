/// Which sheet to read. A CSV file has one sheet, which `.index(0)` and any name select.
public enum SheetSelector: Hashable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// 0-based position in the workbook's tab order.
    case index(Int)
    case name(String)

    public static let first = SheetSelector.index(0)

    public init(integerLiteral value: Int) { self = .index(value) }
    public init(stringLiteral value: String) { self = .name(value) }
}
