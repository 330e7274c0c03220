import Foundation
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// Runs an import: reads the file (CSV or XLSX), checks every row, and — unless it is a dry run and
/// only when no row is bad — writes all rows in one transaction. Nothing is ever half-imported.
public struct ImportService: Sendable {
    let contexts: ImportContextLoader
    let loader: RecordLoader
    /// The imports running now, by file: the same file is not imported twice at once.
    let running = ImportGate()

    /// Largest upload accepted, the spreadsheet reader's own cap.
    static let maxUpload = SpreadsheetLimits().maxFileSize
    /// The problem of a file that is being imported already (by a double click, or a retry).
    static let runningKey = "error.import_running"
    /// The report lists at most this many problems (and says how many there were).
    static let maxListed = 5_000

    public typealias Result = (problems: [ImportProblem], rows: Int, imported: Int)

    /// Reading and checking a large file is CPU work like a whole export: it queues behind the same gate.
    let gate: HeavyWorkGate?

    /// Imports that queue behind nobody: the bench's, timed on their own.
    public init(database: LaurelDatabase) { self.init(database: database, gate: nil) }

    init(database: LaurelDatabase, gate: HeavyWorkGate?) {
        contexts = ImportContextLoader(database: database)
        loader = RecordLoader(database: database)
        self.gate = gate
    }

    public func run(
        _ kind: ImportKind, data: Data, fileName: String? = nil, dryRun: Bool, as identity: Identity, today: CalendarDate,
        progress: (@Sendable (_ done: Int, _ total: Int) async -> Void)? = nil
    ) async throws -> Result {
        try Permissions.requireWrite(identity)
        guard let gate else {
            return try await gated(kind, data: data, fileName: fileName, dryRun: dryRun, as: identity, today: today, progress: progress)
        }
        return try await gate.run {
            try await gated(kind, data: data, fileName: fileName, dryRun: dryRun, as: identity, today: today, progress: progress)
        }
    }

    private func gated(
        _ kind: ImportKind, data: Data, fileName: String?, dryRun: Bool, as identity: Identity, today: CalendarDate,
        progress: (@Sendable (_ done: Int, _ total: Int) async -> Void)?
    ) async throws -> Result {
        guard !dryRun else {
            return try await check(kind, data: data, file: nil, dryRun: true, as: identity, today: today, progress: progress)
        }
        let digest = ImportGate.digest(data)
        let file = RecordLoader.ImportedFile(name: fileName, size: data.count, sha256: digest)
        let result = try await running.run(kind.rawValue + ":" + digest) {
            try await check(kind, data: data, file: file, dryRun: false, as: identity, today: today, progress: progress)
        }
        return result ?? ([ImportProblem(row: 0, Self.runningKey)], 0, 0)
    }

    private func check(
        _ kind: ImportKind, data: Data, file: RecordLoader.ImportedFile?, dryRun: Bool, as identity: Identity,
        today: CalendarDate, progress: (@Sendable (_ done: Int, _ total: Int) async -> Void)?
    ) async throws -> Result {
        let reader: TabularReader
        do {
            reader = try TabularReader(data: data)
        } catch let error as SpreadsheetError {
            return ([Self.problem(error)], 0, 0)
        }
        let needsPeople = kind != .units
        let records: String? = kind == .assessments ? "assessments" : kind == .awards ? "awards" : nil
        let context = try await contexts.load(as: identity, withPeople: needsPeople, records: records)
        var parser = ImportRowParser(kind: kind, context: context, today: today)
        var columns: [Int: String]?
        var rowCount = 0
        do {
            for try await row in reader.rows() {
                guard let map = columns else {
                    columns = try header(row, kind: kind, parser: &parser)
                    if columns == nil { break }
                    continue
                }
                rowCount += 1
                var cells: [String: Cell] = [:]
                var structural = false
                for (index, cell) in row.cells.enumerated() {
                    guard let key = map[index] else { continue }
                    if cell.isMerged {
                        parser.problems.append(ImportProblem(row: row.number, column: parser.headers[key], "error.import_merged_cells"))
                        structural = true
                    } else if cell.isFormula {
                        parser.problems.append(ImportProblem(row: row.number, column: parser.headers[key], "error.import_formula"))
                        structural = true
                    }
                    cells[key] = cell
                }
                if row.hasMergedCells && !structural {
                    parser.problems.append(ImportProblem(row: row.number, "error.import_merged_cells"))
                    structural = true
                }
                if !structural { parser.parse(.init(number: row.number, cells: cells)) }
                if rowCount % 5_000 == 0 { await progress?(rowCount, 0) }
            }
        } catch let error as SpreadsheetError {
            return ([Self.problem(error)], rowCount, 0)
        }
        if columns == nil && parser.problems.isEmpty || (columns != nil && rowCount == 0) {
            parser.problems.append(ImportProblem(row: 0, "error.import_empty"))
        }
        guard parser.problems.isEmpty, !dryRun else { return (parser.problems, rowCount, 0) }
        let rows = parser.rows
        let total = rowCount
        do {
            let imported = try await loader.load(rows, file: file, as: identity) { done in await progress?(done, total) }
            return ([], rowCount, imported)
        } catch let error as DomainError {
            throw error
        } catch let error as RecordLoader.AlreadyImported {
            return ([ImportProblem(row: 0, "error.import_already_imported", String(error.existing))], rowCount, 0)
        } catch {
            // The transaction was rolled back: most likely a row recorded meanwhile by someone else
            // met a unique index. Nothing was written; a new dry run shows what changed.
            return ([ImportProblem(row: 0, "error.import_conflict")], rowCount, 0)
        }
    }

    /// Maps the header row's cells to column keys; reports missing, repeated or merged headers.
    func header(_ row: TableRow, kind: ImportKind, parser: inout ImportRowParser) throws -> [Int: String]? {
        var map: [Int: String] = [:]
        for (index, cell) in row.cells.enumerated() {
            guard let key = kind.key(forHeader: cell.text) else { continue }
            if parser.headers[key] != nil {
                parser.problems.append(ImportProblem(row: row.number, column: cell.text, "error.import_duplicate_column", cell.text))
                continue
            }
            map[index] = key
            parser.headers[key] = cell.text
        }
        let missing = kind.columns.filter { $0.required && parser.headers[$0.key] == nil }
        for column in missing {
            parser.problems.append(
                ImportProblem(row: row.number, column: column.key, "error.import_missing_column", "\(column.vi) / \(column.key)"))
        }
        return missing.isEmpty ? map : nil
    }

    static func problem(_ error: SpreadsheetError) -> ImportProblem {
        switch error {
        case .notAZipFile, .notAWorkbook, .unsupportedFormat: ImportProblem(row: 0, "error.import_not_a_spreadsheet")
        case .legacyExcelFormat: ImportProblem(row: 0, "error.import_legacy_xls")
        case .fileTooLarge(let limit): ImportProblem(row: 0, "error.import_file_too_large", String(limit >> 20))
        case .zipBomb: ImportProblem(row: 0, "error.import_zip_bomb")
        case .tooManyRows(let limit): ImportProblem(row: 0, "error.import_too_many_rows", String(limit))
        case .tooManyColumns(let limit): ImportProblem(row: 0, "error.import_too_many_columns", String(limit))
        case .cellTooLong(let row, let limit): ImportProblem(row: row, "error.import_cell_too_long", String(limit))
        case .unsafeXML, .malformedXML: ImportProblem(row: 0, "error.import_damaged_file")
        case .sheetNotFound: ImportProblem(row: 0, "error.import_empty")
        case .unterminatedQuote(let row): ImportProblem(row: row, "error.import_unterminated_quote")
        }
    }
}
