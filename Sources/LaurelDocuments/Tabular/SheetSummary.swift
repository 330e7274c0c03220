/// What a streaming read learned about a sheet once every row was delivered.
public struct SheetSummary: Hashable, Sendable {
    /// Rows delivered to the callback.
    public var rowCount: Int
    /// Widest delivered row, in cells.
    public var columnCount: Int
    /// Every merged range of the sheet, in file order.
    public var mergedRanges: [CellRange]
    /// Number of cells that hold a formula.
    public var formulaCount: Int

    public init(rowCount: Int = 0, columnCount: Int = 0, mergedRanges: [CellRange] = [], formulaCount: Int = 0) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.mergedRanges = mergedRanges
        self.formulaCount = formulaCount
    }
}
