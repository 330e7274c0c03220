import Foundation
import LaurelDomain
import LaurelStore
import LaurelTestSupport
import SQLKit
import Synchronization
import Testing

/// Issue 14 points 7, 8 and 12: an import checks again inside its own transaction, two at once
/// record each person once, a long import lets other writers in, and its audit entry names the file
/// and the rows it made.
@Suite struct ImportLoaderTests {
    let admin = TestIdentities.admin()

    func province(_ db: LaurelDatabase, _ code: String = "A") async throws -> OrgUnit {
        try await UnitStore(database: db).create(
            UnitDraft(code: code, name: "Tỉnh \(code)", kind: .province, level: .provincial, parentId: nil), as: admin)
    }

    func people(_ count: Int, unit: String = "A") -> RecordLoader.Rows {
        .people(
            (0..<count).map { index in
                BulkLoader.PersonRow(
                    fullName: "Nguyễn Văn Số \(index)", gender: .male, birthDate: "1980-01-0\(index % 9 + 1)", unitCode: unit,
                    position: nil, staffCategory: .civilServant, holdsManagementPost: false, ethnicity: "Kinh")
            })
    }

    func count(_ db: LaurelDatabase, _ table: String) async throws -> Int {
        try await db.read {
            try await $0.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first(
                decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func twoIdenticalImportsAtOnceRecordEachPersonOnce(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await province(db)
            let loader = RecordLoader(database: db)
            let rows = people(3_000)
            // MUT: both start before either has written; both checked nothing before (as the importer's
            // dry-run check outside the transaction would have).
            async let first = Result { try await loader.load(rows, as: admin) }
            async let second = Result { try await loader.load(rows, as: admin) }
            let outcomes = await [first, second]
            #expect(try await count(db, "people") == 3_000)
            #expect(outcomes.filter { (try? $0.get()) == 3_000 }.count == 1)
            let refused = outcomes.compactMap { outcome -> RecordLoader.AlreadyImported? in
                if case .failure(let error) = outcome { error as? RecordLoader.AlreadyImported } else { nil }
            }
            #expect(refused.map(\.existing) == [3_000])
            // A third time, later: still nothing changes.
            await #expect(throws: RecordLoader.AlreadyImported.self) { try await loader.load(rows, as: admin) }
            #expect(try await count(db, "people") == 3_000)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theSameNameInAnotherUnitOrWithAnotherBirthDateIsSomeoneElse(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await province(db, "A")
            _ = try await province(db, "B")
            let loader = RecordLoader(database: db)
            _ = try await loader.load(people(10, unit: "A"), as: admin)
            #expect(try await loader.load(people(10, unit: "B"), as: admin) == 10)
            guard case .people(var other) = people(1, unit: "A") else { return }
            other[0].birthDate = "1999-12-31"
            #expect(try await loader.load(.people(other), as: admin) == 1)
            // Accents and case aside, the name is the same person.
            other[0].fullName = "NGUYEN VAN SO 0"
            await #expect(throws: RecordLoader.AlreadyImported.self) { try await loader.load(.people(other), as: admin) }
            #expect(try await count(db, "people") == 21)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theAuditEntryNamesTheFileAndTheRowsItMade(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await province(db)
            let file = RecordLoader.ImportedFile(name: "Danh sách cán bộ.xlsx", size: 12_345, sha256: String(repeating: "ab", count: 32))
            _ = try await RecordLoader(database: db).load(people(850), file: file, as: admin)
            let entry = try #require(
                try await AuditStore(database: db).list(AuditFilter(entity: "people"), scope: admin.scope, paging: Paging(page: 1, per: 50))
                    .items.first { $0.action == "import" })
            let after = try #require(entry.after)
            let ids = try await db.read {
                try await $0.select().column("id").from("people").orderBy("id").all(decodingColumn: "id", as: Int64.self)
            }
            #expect(after.contains("\"sha256\":\"\(file.sha256)\""), "\(after)")
            #expect(
                after.contains("\"name\":\"Danh sách cán bộ.xlsx\"") && after.contains("\"size\":12345") && after.contains("\"rows\":850"))
            #expect(after.contains("\"ids\":[[\(ids.first ?? 0),\(ids.last ?? 0)]]"), "\(after)")
        }
    }

    /// SQLite has one writer: a long import is staged in short steps and moved at the end, so a save
    /// made while it runs is written before the import's rows, not after it.
    @Test func aSaveDuringALongImportIsNotHeldUntilTheImportEnds() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let unit = try await province(db)
            let others = PersonStore(database: db)
            let saved = Mutex<Task<Int64, any Error>?>(nil)
            let admin = self.admin
            _ = try await RecordLoader(database: db).load(people(12_000), as: admin) { done in
                guard done == 2_000 else { return }
                let task = Task {
                    try await others.create(
                        PersonDraft(
                            fullName: "Trần Thị Lưu", gender: .female, birthDate: nil, unitId: unit.id, position: nil,
                            staffCategory: .civilServant, holdsManagementPost: false, ethnicity: nil), as: admin
                    ).id
                }
                saved.withLock { $0 = task }
            }
            let savedId = try await #require(saved.withLock { $0 }).value
            let importedFirst = try #require(
                try await db.read {
                    try await $0.select().column("id").from("people").where("full_name", .equal, SQLBind("Nguyễn Văn Số 0")).first(
                        decodingColumn: "id", as: Int64.self)
                })
            #expect(savedId < importedFirst)
            #expect(try await count(db, "people") == 12_001)
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
