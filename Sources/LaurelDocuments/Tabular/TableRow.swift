/// One row of a sheet or one CSV record, with the 1-based number the user sees in Excel.
public struct TableRow: Hashable, Sendable {
    /// 1-based row number (the XLSX `r` attribute; for CSV the record number).
    public var number: Int
    /// Cells from column A on; gaps in a sparse row are `.empty`. Trailing empty cells are dropped.
    public var cells: [Cell]
    /// Merged ranges that touch this row.
    public var mergedRanges: [CellRange]

    public init(number: Int, cells: [Cell], mergedRanges: [CellRange] = []) {
        self.number = number
        self.cells = cells
        self.mergedRanges = mergedRanges
    }

    /// The cell at a 0-based column index; `.empty` past the end of the row.
    public subscript(column: Int) -> Cell {
        column >= 0 && column < cells.count ? cells[column] : .empty
    }

    public var values: [CellValue] { cells.map(\.value) }

    public var isBlank: Bool { cells.allSatisfy { $0.value.isEmpty } }

    public var hasFormula: Bool { cells.contains { $0.isFormula } }

    public var hasMergedCells: Bool { !mergedRanges.isEmpty }
}
