import Foundation
import LaurelDomain
import SQLKit

/// Writes validated import rows in one transaction with multi-row inserts (as `BulkLoader` does for
/// the organisation), and records one audit entry for the whole import.
public struct RecordLoader: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    public struct AssessmentRow: Sendable {
        public var subject: RecordSubject, draft: AssessmentDraft
        public init(subject: RecordSubject, draft: AssessmentDraft) {
            self.subject = subject
            self.draft = draft
        }
    }

    public struct AwardRow: Sendable {
        public var subject: RecordSubject, draft: AwardDraft
        public init(subject: RecordSubject, draft: AwardDraft) {
            self.subject = subject
            self.draft = draft
        }
    }

    public enum Rows: Sendable {
        case units([BulkLoader.UnitRow])
        case people([BulkLoader.PersonRow])
        case assessments([AssessmentRow])
        case initiatives([(InitiativeDraft, unitId: Int64)])
        case awards([AwardRow])

        var count: Int {
            switch self {
            case .units(let r): r.count
            case .people(let r): r.count
            case .assessments(let r): r.count
            case .initiatives(let r): r.count
            case .awards(let r): r.count
            }
        }

        var name: String {
            switch self {
            case .units: "units"
            case .people: "people"
            case .assessments: "assessments"
            case .initiatives: "initiatives"
            case .awards: "awards"
            }
        }
    }

    static let chunk = 400

    /// The file an import came from, as its audit entry records it.
    public struct ImportedFile: Sendable, Encodable {
        public var name: String?, size: Int, sha256: String
        public init(name: String?, size: Int, sha256: String) {
            self.name = name
            self.size = size
            self.sha256 = sha256
        }
    }

    /// An import that would record again people who are already recorded (same name, birth date and
    /// unit): the same file imported twice, or at the same time. Nothing was written.
    public struct AlreadyImported: Error, Sendable {
        public let existing: Int
    }

    /// All rows or none, checked again inside the writing transaction. `progress` is told how many
    /// rows are written so far.
    ///
    /// On SQLite, people, assessments and awards are first staged in a temporary table in short
    /// steps that let other writers in, then moved in one statement: a 100,000-row import holds the
    /// single writer for the move only. A crash before the move leaves nothing (temporary tables die
    /// with the connection).
    public func load(
        _ rows: Rows, file: ImportedFile? = nil, as identity: Identity,
        progress: (@Sendable (Int) async -> Void)? = nil
    ) async throws -> Int {
        try Permissions.requireWrite(identity)
        let root: String? = if case .subtree(let path) = identity.scope { path.value } else { nil }
        let audit: @Sendable (any SQLDatabase, [Int64]) async throws -> Void = { db, ids in
            struct Summary: Encodable {
                let kind: String
                let rows: Int
                let file: ImportedFile?
                let ids: [[Int64]]
            }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "import", entity: rows.name, entityId: nil, unitPath: root,
                before: Summary?.none, after: Summary(kind: rows.name, rows: rows.count, file: file, ids: IdRanges.of(ids)))
        }
        let unitIds: [String: Int64] =
            if case .people = rows { try await database.read { try await BulkLoader.codeIndex($0) } } else { [:] }
        guard let table = try ImportTable.make(rows, unitIds: unitIds) else {
            return try await database.transaction { [database] db in
                try await Self.serialiseImports(db, database.dialect)
                try await Self.load(db, rows, progress: progress)
                try await audit(db, [])
                return rows.count
            }
        }
        if database.hasSingleWriter {
            try await staged(table, rows: rows, unitIds: unitIds, progress: progress, audit: audit)
        } else {
            try await database.transaction { [database] db in
                try await Self.serialiseImports(db, database.dialect)
                try await Self.refuseRecorded(db, rows, unitIds: unitIds)
                var ids: [Int64] = []
                for start in stride(from: 0, to: table.values.count, by: Self.chunk) {
                    let end = min(start + Self.chunk, table.values.count)
                    ids += try await table.insert(start..<end, returningIds: true, on: db)
                    await progress?(end)
                }
                try await audit(db, ids)
            }
        }
        return rows.count
    }

    private func staged(
        _ table: ImportTable, rows: Rows, unitIds: [String: Int64], progress: (@Sendable (Int) async -> Void)?,
        audit: @escaping @Sendable (any SQLDatabase, [Int64]) async throws -> Void
    ) async throws {
        let stage = "laurel_stage_\(UInt64.random(in: 1...UInt64.max))"
        try await database.writerStep { db in
            try await db.raw(
                "CREATE TEMP TABLE \(unsafeRaw: stage) AS SELECT \(unsafeRaw: table.columnList) FROM \(unsafeRaw: table.table) LIMIT 0"
            ).run()
        }
        do {
            // Steps of a few chunks: each holds the writer for milliseconds.
            let step = Self.chunk * 5
            for start in stride(from: 0, to: table.values.count, by: step) {
                let end = min(start + step, table.values.count)
                try await database.writerStep { db in
                    for first in stride(from: start, to: end, by: Self.chunk) {
                        _ = try await table.insert(first..<min(first + Self.chunk, end), into: stage, returningIds: false, on: db)
                    }
                }
                await progress?(end)
            }
            try await database.transaction { db in
                try await Self.refuseRecorded(db, rows, unitIds: unitIds)
                let ids = try await db.raw(
                    """
                    INSERT INTO \(unsafeRaw: table.table) (\(unsafeRaw: table.columnList))
                    SELECT \(unsafeRaw: table.columnList) FROM temp.\(unsafeRaw: stage) ORDER BY rowid RETURNING id
                    """
                ).all(decodingColumn: "id", as: Int64.self)
                try await audit(db, ids)
            }
        } catch {
            try? await database.writerStep { try await $0.raw("DROP TABLE IF EXISTS temp.\(unsafeRaw: stage)").run() }
            throw error
        }
        try? await database.writerStep { try await $0.raw("DROP TABLE IF EXISTS temp.\(unsafeRaw: stage)").run() }
    }

    /// PostgreSQL runs imports one at a time, so the check inside one import's transaction cannot miss
    /// another's rows that are not committed yet. (SQLite has one writer: they are serial already.)
    static func serialiseImports(_ db: any SQLDatabase, _ dialect: LaurelDatabase.Dialect) async throws {
        guard dialect == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(importLockKey)))").run()
    }

    /// "LAUREL-I" as a number: the advisory lock of imports.
    static let importLockKey: Int64 = 0x4C41_5552_454C_2D49

    /// People are identified for import by their name (accents and case aside), birth date and unit:
    /// a row that matches someone recorded in the meantime stops the whole import. Assessments and
    /// awards have unique indexes of their own.
    static func refuseRecorded(_ db: any SQLDatabase, _ rows: Rows, unitIds: [String: Int64]) async throws {
        guard case .people(let people) = rows else { return }
        var wanted = Set<String>()
        var units = Set<Int64>()
        for person in people {
            guard let unitId = unitIds[person.unitCode] else { continue }
            units.insert(unitId)
            wanted.insert(Self.personKey(VietnameseText.searchKey(person.fullName), person.birthDate, unitId))
        }
        struct Row: Decodable {
            let unitId: Int64
            let nameSearch: String
            let birthDate: String?
        }
        var existing = 0
        let unitList = Array(units)
        for start in stride(from: 0, to: unitList.count, by: 500) {
            let chunk = unitList[start..<min(start + 500, unitList.count)]
            let found = try await db.select().columns("unit_id", "name_search", "birth_date").from("people")
                .where(SQLColumn("unit_id"), .in, SQLBind.group(Array(chunk)))
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            existing += found.filter { wanted.contains(Self.personKey($0.nameSearch, $0.birthDate, $0.unitId)) }.count
        }
        if existing > 0 { throw AlreadyImported(existing: existing) }
    }

    private static func personKey(_ nameSearch: String, _ birthDate: String?, _ unitId: Int64) -> String {
        nameSearch + "|" + (birthDate ?? "") + "|" + String(unitId)
    }

    /// Inserts without a transaction of its own or an audit entry (the demo seed and the bench use it).
    public static func load(_ db: any SQLDatabase, _ rows: Rows, progress: (@Sendable (Int) async -> Void)? = nil) async throws {
        let now = Clock.timestamp()
        switch rows {
        case .units(let units):
            _ = try await BulkLoader.insertUnits(db, units)
        case .people(let people):
            try await BulkLoader.insertPeople(db, people, unitIds: try await BulkLoader.codeIndex(db))
        case .assessments(let items):
            for start in stride(from: 0, to: items.count, by: chunk) {
                var insert = db.insert(into: "assessments")
                    .columns("person_id", "unit_id", "year", "rating", "discipline", "notes", "source", "created_at", "updated_at")
                for item in items[start..<min(start + chunk, items.count)] {
                    insert = insert.values(
                        SQLBind(item.subject.personId), SQLBind(item.subject.unitId), SQLBind(item.draft.year),
                        SQLBind(item.draft.rating.rawValue), SQLBind(item.draft.discipline?.rawValue), SQLBind(item.draft.notes),
                        SQLBind(AwardSource.imported.rawValue), SQLBind(now), SQLBind(now))
                }
                try await insert.run()
                await progress?(min(start + chunk, items.count))
            }
        case .awards(let items):
            for start in stride(from: 0, to: items.count, by: chunk) {
                var insert = db.insert(into: "awards")
                    .columns(
                        "person_id", "unit_id", "code", "year", "end_year", "kind", "decision_number", "decision_date", "authority",
                        "source", "status", "created_at", "updated_at")
                for item in items[start..<min(start + chunk, items.count)] {
                    let d = item.draft
                    insert = insert.values(
                        SQLBind(item.subject.personId), SQLBind(item.subject.unitId), SQLBind(d.code), SQLBind(d.year),
                        SQLBind(d.endYear), SQLBind(d.kind.rawValue), SQLBind(d.decisionNumber), SQLBind(d.decisionDate?.description),
                        SQLBind(d.authority), SQLBind(AwardSource.imported.rawValue), SQLBind(d.status.rawValue), SQLBind(now), SQLBind(now)
                    )
                }
                try await insert.run()
                await progress?(min(start + chunk, items.count))
            }
        case .initiatives(let items):
            for (index, (draft, unitId)) in items.enumerated() {
                guard
                    let id = try await db.insert(into: "initiatives")
                        .columns("title", "title_search", "year", "level", "decision_number", "unit_id", "source", "created_at")
                        .values(
                            SQLBind(draft.title), SQLBind(VietnameseText.searchKey(draft.title)), SQLBind(draft.year),
                            SQLBind(draft.level.rawValue),
                            SQLBind(draft.decisionNumber), SQLBind(unitId), SQLBind(AwardSource.imported.rawValue), SQLBind(now)
                        )
                        .returning("id").first(decodingColumn: "id", as: Int64.self)
                else { throw DomainError(.conflict, "error.write_failed") }
                var insert = db.insert(into: "initiative_authors").columns("initiative_id", "person_id", "share")
                for author in draft.authors { insert = insert.values(SQLBind(id), SQLBind(author.personId), SQLBind(author.share)) }
                try await insert.run()
                if index % chunk == 0 { await progress?(index) }
            }
        }
    }
}
