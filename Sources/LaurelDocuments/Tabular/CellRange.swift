/// A rectangle of cells such as `B2:D4`, with 1-based row and column numbers.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = min(firstRow, lastRow)
        self.firstColumn = min(firstColumn, lastColumn)
        self.lastRow = max(firstRow, lastRow)
        self.lastColumn = max(firstColumn, lastColumn)
    }

    /// Parses `A1:B2` or a single `A1`; `$` signs are ignored.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 1 || parts.count == 2,
            let first = CellReference(parts[0]), let last = CellReference(parts[parts.count - 1]),
            let firstRow = first.row, let lastRow = last.row
        else { return nil }
        self.init(firstRow: firstRow, firstColumn: first.column, lastRow: lastRow, lastColumn: last.column)
    }

    public func contains(row: Int, column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }

    public var description: String {
        let first = CellReference.columnName(firstColumn) + String(firstRow)
        let last = CellReference.columnName(lastColumn) + String(lastRow)
        return first == last ? first : first + ":" + last
    }
}
