import Foundation

/// Opens an uploaded spreadsheet, CSV or XLSX, by looking at its bytes (never at the file name),
/// and reads it row by row with the row numbers the user sees in Excel.
///
/// ```swift
/// let reader = try TabularReader(data: upload)
/// try reader.forEachRow { row in
///     guard !row.hasMergedCells else { throw ImportError.merged(row: row.number) }
///     let name = row[0].text
/// }
/// ```
public struct TabularReader: Sendable {
    public enum Format: Hashable, Sendable {
        case xlsx
        case csv(CSVEncoding)
    }

    private enum Backend: Sendable {
        case xlsx(XlsxReader)
        case csv(CSVReader)
    }

    private let backend: Backend

    public init(data: Data, limits: SpreadsheetLimits = SpreadsheetLimits()) throws {
        guard data.count <= limits.maxFileSize else { throw SpreadsheetError.fileTooLarge(limit: limits.maxFileSize) }
        switch try Self.sniff(data.prefix(4096)) {
        case .zip: backend = .xlsx(try XlsxReader(data: data, limits: limits))
        default: backend = .csv(try CSVReader(data: data, limits: limits))
        }
    }

    /// Reads from a file; an XLSX file is streamed from disk rather than loaded.
    public init(url: URL, limits: SpreadsheetLimits = SpreadsheetLimits()) throws {
        let handle = try FileHandle(forReadingFrom: url)
        let head = try handle.read(upToCount: 4096) ?? Data()
        try handle.close()
        switch try Self.sniff(head) {
        case .zip: backend = .xlsx(try XlsxReader(url: url, limits: limits))
        default: backend = .csv(try CSVReader(url: url, limits: limits))
        }
    }

    public var format: Format {
        switch backend {
        case .xlsx: .xlsx
        case .csv(let reader): .csv(reader.encoding)
        }
    }

    /// Sheet names in tab order; a CSV file has one sheet named `""`.
    public var sheetNames: [String] {
        switch backend {
        case .xlsx(let reader): reader.sheetNames
        case .csv: [""]
        }
    }

    /// Streams the rows of a sheet (blank rows skipped). For CSV the selector is ignored.
    @discardableResult
    public func forEachRow(in sheet: SheetSelector = .first, _ body: (TableRow) throws -> Void) throws -> SheetSummary {
        switch backend {
        case .xlsx(let reader): try reader.forEachRow(in: sheet, body)
        case .csv(let reader): try reader.forEachRow(body)
        }
    }

    /// Reads a whole sheet; its first non-blank row is the header.
    public func readTable(_ sheet: SheetSelector = .first) throws -> Table {
        switch backend {
        case .xlsx(let reader): try reader.readTable(sheet)
        case .csv(let reader): try reader.readTable()
        }
    }

    /// Refuses what is neither a ZIP container nor text: PDFs, old `.xls`, images, executables.
    private static func sniff(_ head: Data) throws -> FileSignature {
        let signature = FileSignature(head)
        switch signature {
        case .zip: return signature
        case .ole2: throw SpreadsheetError.legacyExcelFormat
        case .pdf: throw SpreadsheetError.unsupportedFormat
        case .other:
            let isUTF16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
            if !isUTF16 && head.contains(0) { throw SpreadsheetError.unsupportedFormat }
            return signature
        }
    }
}
