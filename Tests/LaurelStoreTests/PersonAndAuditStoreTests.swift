import Foundation
import LaurelDomain
import LaurelStore
import LaurelTestSupport
import SQLKit
import Testing

@Suite struct PersonStoreTests {
    let admin = TestIdentities.admin()

    func draft(_ name: String, unit: Int64) -> PersonDraft {
        PersonDraft(
            fullName: name, gender: .female, birthDate: CalendarDate("1985-03-04"), unitId: unit, position: "Chuyên viên",
            staffCategory: .civilServant, holdsManagementPost: false, ethnicity: "Kinh")
    }

    @Test(arguments: TestDatabases.kinds)
    func searchIgnoresDiacriticsAndCase(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let unit = try await UnitStore(database: db).create(
                UnitDraft(code: "P", name: "Tỉnh", kind: .province, level: .provincial, parentId: nil), as: admin)
            let people = PersonStore(database: db)
            for name in ["Nguyễn Văn An", "Nguyễn Văn Ấn", "Đặng Thị Lan", "Nguyen Van Anh", "Phạm 50% Được"] {
                _ = try await people.create(draft(name, unit: unit.id), as: admin)
            }
            let found = try await people.list(PersonFilter(query: "nguyen van an"), paging: Paging(page: 1, per: 50), as: admin)
            #expect(Set(found.items.map(\.person.fullName)) == ["Nguyễn Văn An", "Nguyễn Văn Ấn", "Nguyen Van Anh"])
            #expect(
                try await people.list(PersonFilter(query: "DANG thi"), paging: Paging(page: 1, per: 50), as: admin).items.map(
                    \.person.fullName) == ["Đặng Thị Lan"])
            // LIKE wildcards in the query are plain characters.
            #expect(try await people.list(PersonFilter(query: "50%"), paging: Paging(page: 1, per: 50), as: admin).total == 1)
            #expect(try await people.list(PersonFilter(query: "_"), paging: Paging(page: 1, per: 50), as: admin).total == 0)
            // Sorted by given name first, the Vietnamese way: An, Anh, Ấn, Được, Lan.
            let sorted = try await people.list(PersonFilter(), paging: Paging(page: 1, per: 50), as: admin).items.map(\.person.fullName)
            #expect(sorted == ["Nguyễn Văn An", "Nguyen Van Anh", "Nguyễn Văn Ấn", "Phạm 50% Được", "Đặng Thị Lan"])
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func transferKeepsHistoryAndStaysInScope(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let units = UnitStore(database: db)
            let a = try await units.create(
                UnitDraft(code: "A", name: "Tỉnh A", kind: .province, level: .provincial, parentId: nil), as: admin)
            let a1 = try await units.create(
                UnitDraft(code: "A1", name: "Sở A1", kind: .department, level: .provincial, parentId: a.id), as: admin)
            let b = try await units.create(
                UnitDraft(code: "B", name: "Tỉnh B", kind: .province, level: .provincial, parentId: nil), as: admin)
            let people = PersonStore(database: db)
            let person = try await people.create(draft("Hoàng Thu Hà", unit: a.id), as: admin)
            let officer = TestIdentities.scoped(.officer, to: a)
            var moved = draft("Hoàng Thu Hà", unit: a1.id)
            _ = try await people.update(person.id, with: moved, transferDate: CalendarDate("2025-03-01")!, as: officer)
            #expect(
                try await people.transfers(of: person.id, as: officer) == [
                    PersonTransfer(fromUnitId: a.id, toUnitId: a1.id, onDate: "2025-03-01", reason: "transfer")
                ])
            // Out of scope: a move into B is refused and changes nothing.
            moved.unitId = b.id
            await #expect(throws: DomainError(.notFound, "error.unit_not_found", field: "unitId")) {
                _ = try await people.update(person.id, with: moved, transferDate: CalendarDate("2025-04-01")!, as: officer)
            }
            #expect(try await people.get(person.id, as: admin).person.unitId == a1.id)
            let officerB = TestIdentities.scoped(.officer, to: b)
            await #expect(throws: DomainError(.notFound, "error.person_not_found")) { _ = try await people.get(person.id, as: officerB) }
            #expect(try await people.list(PersonFilter(), paging: Paging(page: 1, per: 10), as: officerB).total == 0)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func staffSeeOnlyTheirOwnRecord(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let unit = try await UnitStore(database: db).create(
                UnitDraft(code: "S", name: "Trường", kind: .school, level: .grassroots, parentId: nil), as: admin)
            let people = PersonStore(database: db)
            let me = try await people.create(draft("Vũ Thị Mai", unit: unit.id), as: admin)
            let colleague = try await people.create(draft("Vũ Văn Hải", unit: unit.id), as: admin)
            let staff = Identity(
                account: Account(id: 50, username: "mai", role: .staff, unitId: unit.id, personId: me.id, active: true),
                scope: .subtree(unit.unitPath), scopeRootId: unit.id)
            #expect(try await people.get(me.id, as: staff).person.fullName == "Vũ Thị Mai")
            await #expect(throws: DomainError(.notFound, "error.person_not_found")) { _ = try await people.get(colleague.id, as: staff) }
            await #expect(throws: DomainError(.forbidden, "error.staff_own_record_only")) {
                _ = try await people.list(PersonFilter(), paging: Paging(page: 1, per: 10), as: staff)
            }
        }
    }
}

@Suite struct AuditLogTests {
    let admin = TestIdentities.admin()

    @Test(arguments: TestDatabases.kinds)
    func everyWriteIsRecordedWithBeforeAndAfter(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let units = UnitStore(database: db)
            let unit = try await units.create(
                UnitDraft(code: "A", name: "Cũ", kind: .province, level: .provincial, parentId: nil), as: admin)
            _ = try await units.update(
                unit.id, with: UnitDraft(code: "A", name: "Mới", kind: .province, level: .provincial, parentId: nil), as: admin)
            let log = try await AuditStore(database: db).list(
                AuditFilter(entity: "unit", entityId: unit.id), scope: .everything, paging: Paging(page: 1, per: 10))
            #expect(log.items.map(\.action) == ["update", "create"])
            #expect(log.items[0].before?.contains("\"name\":\"Cũ\"") == true)
            #expect(log.items[0].after?.contains("\"name\":\"Mới\"") == true)
            #expect(log.items[1].before == nil)
            let officer = TestIdentities.scoped(
                .officer,
                to: try await units.create(UnitDraft(code: "B", name: "B", kind: .province, level: .provincial, parentId: nil), as: admin))
            #expect(
                try await AuditStore(database: db).list(
                    AuditFilter(entityId: unit.id), scope: officer.scope, paging: Paging(page: 1, per: 10)
                ).total == 0)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theDatabaseRefusesToChangeOrDeleteAnEntry(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await UnitStore(database: db).create(
                UnitDraft(code: "A", name: "A", kind: .province, level: .provincial, parentId: nil), as: admin)
            await #expect(throws: (any Error).self) {
                try await db.transaction { sql in try await sql.raw("UPDATE audit_events SET actor = 'x'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await db.transaction { sql in try await sql.raw("DELETE FROM audit_events").run() }
            }
            #expect(
                try await AuditStore(database: db).list(AuditFilter(), scope: .everything, paging: Paging(page: 1, per: 10)).items.first?
                    .actor == "admin")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func migratingTwiceChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let applied = try await Migrator.migrate(db)
            #expect(applied.isEmpty)
        }
    }

    @Test(.enabled(if: TestDatabases.postgresConfigured, "set LAUREL_TEST_POSTGRES_URL to run the suite on PostgreSQL as well"))
    func postgresqlIsReachable() async throws {
        try await TestDatabases.with(.postgres) { db in
            #expect(db.dialect == .postgres)
        }
    }
}
