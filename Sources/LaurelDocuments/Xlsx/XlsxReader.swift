import Foundation

/// Reads XLSX workbooks from untrusted uploads, one row at a time.
///
/// Opening checks the ZIP container against `SpreadsheetLimits` and loads the workbook's small parts
/// (sheet list, styles, shared strings); rows are parsed only when a sheet is read, as a stream.
///
/// ```swift
/// let reader = try XlsxReader(data: upload)
/// let summary = try reader.forEachRow(in: .first) { row in
///     print(row.number, row[0].text)
/// }
/// ```
public struct XlsxReader: Sendable {
    /// One tab of the workbook.
    public struct SheetInfo: Hashable, Sendable {
        public var name: String
        public var isHidden: Bool
    }

    public let sheets: [SheetInfo]
    /// True when the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`).
    public let usesDate1904: Bool
    public var sheetNames: [String] { sheets.map(\.name) }

    private let archive: XlsxArchive
    /// Archive path of each sheet's part, parallel to `sheets`.
    private let sheetPaths: [String]
    private let sharedStrings: [String]
    private let dateStyles: [Bool]

    public init(data: Data, limits: SpreadsheetLimits = SpreadsheetLimits()) throws {
        try self.init(archive: XlsxArchive(source: .data(data), limits: limits))
    }

    public init(url: URL, limits: SpreadsheetLimits = SpreadsheetLimits()) throws {
        try self.init(archive: XlsxArchive(source: .file(url), limits: limits))
    }

    private init(archive: XlsxArchive) throws {
        self.archive = archive
        let packageRels = try Self.relationships(of: "", in: archive)
        let workbookPath =
            packageRels?.first(ofType: "officeDocument")?.path.flatMap(archive.path(for:))
            ?? archive.path(for: "xl/workbook.xml")
        guard let workbookPath else { throw SpreadsheetError.notAWorkbook }

        let workbook = WorkbookHandler()
        try XMLPartReader.parse(workbookPath, in: archive, with: workbook)
        guard workbook.isWorkbook else { throw SpreadsheetError.notAWorkbook }
        guard let rels = try Self.relationships(of: workbookPath, in: archive) else {
            throw SpreadsheetError.notAWorkbook
        }

        var sheets: [SheetInfo] = []
        var paths: [String] = []
        for entry in workbook.sheets {
            guard let path = rels.relationship(id: entry.relationshipID)?.path.flatMap(archive.path(for:)) else {
                throw SpreadsheetError.malformedXML(part: workbookPath, detail: "sheet \(entry.name) has no part")
            }
            sheets.append(SheetInfo(name: entry.name, isHidden: entry.isHidden))
            paths.append(path)
        }
        self.sheets = sheets
        self.sheetPaths = paths
        self.usesDate1904 = workbook.usesDate1904

        if let path = rels.first(ofType: "sharedStrings")?.path.flatMap(archive.path(for:)) {
            let handler = SharedStringsHandler(limits: archive.limits, partPath: path)
            try XMLPartReader.parse(path, in: archive, with: handler)
            sharedStrings = handler.strings
        } else {
            sharedStrings = []
        }
        if let path = rels.first(ofType: "styles")?.path.flatMap(archive.path(for:)) {
            let handler = StylesHandler()
            try XMLPartReader.parse(path, in: archive, with: handler)
            dateStyles = handler.dateStyles
        } else {
            dateStyles = []
        }
    }

    /// Streams the rows of a sheet to `body`, in file order, each with its 1-based row number.
    /// Rows without any value are skipped (their numbers are simply absent). Throwing from `body`
    /// stops the read and rethrows.
    @discardableResult
    public func forEachRow(
        in sheet: SheetSelector = .first, _ body: (TableRow) throws -> Void
    ) throws -> SheetSummary {
        let path = try sheetPath(sheet)
        let merged = try mergedRanges(inPart: path)
        let context = WorksheetHandler.Context(
            sharedStrings: sharedStrings, dateStyles: dateStyles, usesDate1904: usesDate1904,
            limits: archive.limits, partPath: path
        )
        return try withoutActuallyEscaping(body) { body in
            let handler = WorksheetHandler(context: context, mergedRanges: merged, deliver: body)
            try XMLPartReader.parse(path, in: archive, with: handler)
            return handler.summary
        }
    }

    /// The merged ranges of a sheet (`<mergeCell ref="…">`), in file order.
    public func mergedRanges(in sheet: SheetSelector = .first) throws -> [CellRange] {
        try mergedRanges(inPart: sheetPath(sheet))
    }

    /// Reads a whole sheet into memory; its first delivered row becomes the header.
    public func readTable(_ sheet: SheetSelector = .first) throws -> Table {
        var header: [String]?
        var rows: [TableRow] = []
        try forEachRow(in: sheet) { row in
            if header == nil {
                header = row.cells.map(\.text)
            } else {
                rows.append(row)
            }
        }
        let name = try sheets[sheetIndex(sheet)].name
        return Table(name: name, header: header ?? [], rows: rows)
    }

    private func sheetIndex(_ sheet: SheetSelector) throws -> Int {
        switch sheet {
        case .index(let index):
            guard sheets.indices.contains(index) else { throw SpreadsheetError.sheetNotFound("#\(index + 1)") }
            return index
        case .name(let name):
            let wanted = name.precomposedStringWithCanonicalMapping.lowercased()
            guard
                let index = sheets.firstIndex(where: {
                    $0.name.precomposedStringWithCanonicalMapping.lowercased() == wanted
                })
            else { throw SpreadsheetError.sheetNotFound(name) }
            return index
        }
    }

    private func sheetPath(_ sheet: SheetSelector) throws -> String {
        try sheetPaths[sheetIndex(sheet)]
    }

    private func mergedRanges(inPart path: String) throws -> [CellRange] {
        var scanner = MergeCellScanner()
        try XMLPartReader.forEachChunk(of: path, in: archive) { scanner.scan($0) }
        return scanner.ranges
    }

    /// The relationships of a part (`""` for the package), or nil when it has none.
    private static func relationships(of part: String, in archive: XlsxArchive) throws -> RelationshipsHandler? {
        var segments = part.split(separator: "/").map(String.init)
        let file = segments.popLast() ?? ""
        let relsPath = (segments + ["_rels", file + ".rels"]).joined(separator: "/")
        guard let stored = archive.path(for: relsPath) else { return nil }
        let handler = RelationshipsHandler(relsPath: stored)
        try XMLPartReader.parse(stored, in: archive, with: handler)
        return handler
    }
}
