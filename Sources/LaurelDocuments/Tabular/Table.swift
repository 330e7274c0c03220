/// A whole sheet in memory: a header row and data rows. For small files and for writing;
/// large imports should stream rows with `TabularReader.forEachRow` instead.
public struct Table: Hashable, Sendable {
    /// Sheet name (XLSX) or empty (CSV).
    public var name: String
    public var header: [String]
    public var rows: [TableRow]

    public init(name: String = "", header: [String], rows: [TableRow]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// A table to write: data rows are numbered from 2, below the header.
    public init(name: String = "", header: [String], values: [[CellValue]]) {
        self.name = name
        self.header = header
        self.rows = values.enumerated().map { index, values in
            TableRow(number: index + 2, cells: values.map { Cell($0) })
        }
    }
}
