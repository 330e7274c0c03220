/// Why a spreadsheet file was refused. Each case is safe to show (after localisation) to the uploader.
public enum SpreadsheetError: Error, Hashable, Sendable {
    /// The bytes are not a ZIP archive, so not an XLSX file (a PDF or an image renamed `.xlsx`).
    case notAZipFile
    /// A ZIP archive, but without a workbook (a `.docx`, or a damaged file).
    case notAWorkbook
    /// An Excel 97–2003 `.xls` file: ask the user to save it as `.xlsx`.
    case legacyExcelFormat
    /// Neither CSV text nor XLSX (binary content such as a PDF given to the tabular reader).
    case unsupportedFormat
    /// The file is larger than `SpreadsheetLimits.maxFileSize`.
    case fileTooLarge(limit: Int)
    /// Decompressing would exceed a cap: a zip bomb, or simply too much data.
    case zipBomb(entry: String)
    case tooManyRows(limit: Int)
    case tooManyColumns(limit: Int)
    /// A cell (or shared string, `row` 0) holds more text than `SpreadsheetLimits.maxCellBytes`.
    case cellTooLong(row: Int, limit: Int)
    /// An XML part carries a DTD (`<!DOCTYPE`): XLSX never needs one; it is how entity attacks start.
    case unsafeXML(part: String)
    /// A part is not well-formed XML or does not have the expected shape.
    case malformedXML(part: String, detail: String)
    case sheetNotFound(String)
    /// A CSV field opens a quote that never closes (the row number is where it opened).
    case unterminatedQuote(row: Int)
}
