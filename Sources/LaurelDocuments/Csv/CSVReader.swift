import Foundation

/// Reads CSV files as exported by Excel, LibreOffice or a hand-made script: any of the encodings in
/// `CSVEncoding`, delimiter `,` `;` or tab (detected, or Excel's `sep=;` first line), quoted fields.
///
/// Every field is `.text` (or `.empty`): CSV has no types, the importer parses. Row numbers are record
/// numbers, which is what Excel shows when it opens the file.
public struct CSVReader: Sendable {
    public let encoding: CSVEncoding
    /// The delimiter used, as an ASCII byte.
    public let delimiter: UInt8
    private let text: String
    private let limits: SpreadsheetLimits
    /// Records skipped before the data (Excel's `sep=` line).
    private let skippedRecords: Int

    public init(data: Data, delimiter: UInt8? = nil, limits: SpreadsheetLimits = SpreadsheetLimits()) throws {
        guard data.count <= limits.maxFileSize else { throw SpreadsheetError.fileTooLarge(limit: limits.maxFileSize) }
        (text, encoding) = CSVEncoding.decode(data)
        self.limits = limits
        var text = text
        let hint = Self.separatorHint(text)
        skippedRecords = hint == nil ? 0 : 1
        self.delimiter = delimiter ?? hint ?? text.withUTF8 { CSVParser.detectDelimiter(in: $0) }
    }

    public init(url: URL, delimiter: UInt8? = nil, limits: SpreadsheetLimits = SpreadsheetLimits()) throws {
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
        guard size <= limits.maxFileSize else { throw SpreadsheetError.fileTooLarge(limit: limits.maxFileSize) }
        try self.init(data: Data(contentsOf: url), delimiter: delimiter, limits: limits)
    }

    /// Streams the records to `body`; blank lines are skipped (their numbers are simply absent).
    @discardableResult
    public func forEachRow(_ body: (TableRow) throws -> Void) throws -> SheetSummary {
        var summary = SheetSummary()
        var text = text
        let parser = CSVParser(delimiter: delimiter, maxFieldBytes: limits.maxCellBytes)
        let skipped = skippedRecords
        try text.withUTF8 { bytes in
            try parser.parse(bytes) { fields, record in
                guard record > skipped else { return }
                var cells = fields.map { $0.isEmpty ? Cell.empty : Cell(.text($0)) }
                while cells.last?.value.isEmpty == true { cells.removeLast() }
                guard !cells.isEmpty else { return }
                guard cells.count <= limits.maxColumns else { throw SpreadsheetError.tooManyColumns(limit: limits.maxColumns) }
                summary.rowCount += 1
                guard summary.rowCount <= limits.maxRows else { throw SpreadsheetError.tooManyRows(limit: limits.maxRows) }
                summary.columnCount = max(summary.columnCount, cells.count)
                try body(TableRow(number: record - skipped, cells: cells))
            }
        }
        return summary
    }

    /// Reads the whole file; its first non-blank record becomes the header.
    public func readTable() throws -> Table {
        var header: [String]?
        var rows: [TableRow] = []
        try forEachRow { row in
            if header == nil { header = row.cells.map(\.text) } else { rows.append(row) }
        }
        return Table(header: header ?? [], rows: rows)
    }

    /// Excel's `sep=;` first line names the delimiter.
    private static func separatorHint(_ text: String) -> UInt8? {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        guard firstLine.count == 5, firstLine.lowercased().hasPrefix("sep="),
            let byte = firstLine.last?.asciiValue
        else { return nil }
        return byte
    }
}
