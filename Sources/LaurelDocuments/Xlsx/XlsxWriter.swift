import Foundation
import ZIPFoundation

/// Writes XLSX workbooks that open cleanly in Excel and LibreOffice.
///
/// Each sheet's XML is streamed into a temporary file as rows are appended, so exporting 100,000 rows
/// holds one row at a time (plus the shared-string table, when that option is on). The parts are
/// zipped when the workbook is written out.
///
/// ```swift
/// let writer = try XlsxWriter()
/// try writer.addSheet(named: "Danh sách", columns: [.init("Họ và tên", width: 30), .init("Ngày sinh")]) { sheet in
///     for person in people { try sheet.append([.text(person.name), .date(person.birthDate)]) }
/// }
/// try writer.write(to: url)
/// ```
public final class XlsxWriter {
    public struct Options: Sendable {
        /// Store texts once in `sharedStrings.xml` (smaller files when texts repeat) instead of inline.
        public var useSharedStrings: Bool
        /// Prefix texts that start like a formula with `'` (see `FormulaInjection`).
        public var neutralizeFormulas: Bool
        /// Number format of date cells.
        public var dateFormat: String
        /// Keep the header row visible while scrolling.
        public var freezeHeader: Bool

        public init(
            useSharedStrings: Bool = false, neutralizeFormulas: Bool = true, dateFormat: String = "dd/mm/yyyy",
            freezeHeader: Bool = true
        ) {
            self.useSharedStrings = useSharedStrings
            self.neutralizeFormulas = neutralizeFormulas
            self.dateFormat = dateFormat
            self.freezeHeader = freezeHeader
        }
    }

    /// A column of a sheet: its header text (written bold in row 1) and width in characters
    /// (by default, wide enough for the title and for a date).
    public struct Column: Sendable {
        public var title: String
        public var width: Double?

        public init(_ title: String, width: Double? = nil) {
            self.title = title
            self.width = width
        }
    }

    public let options: Options
    private let directory: URL
    private var sheetNames: [String] = []
    private let sharedStrings: SharedStringTable?

    public init(options: Options = Options()) throws {
        self.options = options
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        sharedStrings = options.useSharedStrings ? SharedStringTable() : nil
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds a sheet and lets `fill` append its rows. With `columns`, row 1 is their bold titles.
    /// The name is made valid and unique (see `SheetName`); returns the name used.
    @discardableResult
    public func addSheet(
        named name: String, columns: [Column] = [], _ fill: (XlsxSheetWriter) throws -> Void
    ) throws -> String {
        let safeName = SheetName.sanitized(name, index: sheetNames.count, taken: sheetNames)
        let url = directory.appendingPathComponent("sheet\(sheetNames.count + 1).xml")
        let sheet = try XlsxSheetWriter(url: url, columns: columns, options: options, sharedStrings: sharedStrings)
        try fill(sheet)
        try sheet.close()
        sheetNames.append(safeName)
        return safeName
    }

    /// Adds a whole in-memory table, with column widths fitted to its content.
    @discardableResult
    public func addSheet(_ table: Table) throws -> String {
        let columns = table.header.indices.map { index in
            let widest = table.rows.lazy.prefix(1000).map { $0[index].text.count }.max() ?? 0
            return Column(table.header[index], width: Double(min(60, max(8, max(widest, table.header[index].count) + 2))))
        }
        return try addSheet(named: table.name, columns: columns) { sheet in
            for row in table.rows { try sheet.append(row.values) }
        }
    }

    /// Zips the workbook to a new file at `url` (an existing file is replaced). Sheets added later
    /// are included by the next `write` or `data()`.
    public func write(to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        try assemble(into: archive)
    }

    /// The workbook as bytes, for an HTTP response.
    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        try assemble(into: archive)
        return archive.data ?? Data()
    }

    /// Writes several tables as one workbook.
    public static func data(for tables: [Table], options: Options = Options()) throws -> Data {
        let writer = try XlsxWriter(options: options)
        for table in tables { try writer.addSheet(table) }
        return try writer.data()
    }

    private func assemble(into archive: Archive) throws {
        if sheetNames.isEmpty {
            try addSheet(named: "Sheet1") { _ in }
        }
        let shared = sharedStrings != nil
        try add(XlsxParts.contentTypes(sheetCount: sheetNames.count, sharedStrings: shared), as: "[Content_Types].xml", to: archive)
        try add(XlsxParts.rootRelationships, as: "_rels/.rels", to: archive)
        try add(XlsxParts.workbook(sheetNames: sheetNames), as: "xl/workbook.xml", to: archive)
        try add(
            XlsxParts.workbookRelationships(sheetCount: sheetNames.count, sharedStrings: shared),
            as: "xl/_rels/workbook.xml.rels", to: archive
        )
        try add(XlsxParts.styles(dateFormat: options.dateFormat), as: "xl/styles.xml", to: archive)
        for index in sheetNames.indices {
            let file = directory.appendingPathComponent("sheet\(index + 1).xml")
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", fileURL: file, compressionMethod: .deflate)
        }
        if let sharedStrings {
            let file = directory.appendingPathComponent("sharedStrings.xml")
            try sharedStrings.write(to: file)
            try archive.addEntry(with: "xl/sharedStrings.xml", fileURL: file, compressionMethod: .deflate)
        }
    }

    private func add(_ xml: String, as path: String, to archive: Archive) throws {
        let data = Data(xml.utf8)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}
