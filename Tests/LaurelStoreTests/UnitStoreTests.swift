import LaurelDomain
import LaurelStore
import LaurelTestSupport
import SQLKit
import Testing

@Suite struct UnitStoreTests {
    let admin = TestIdentities.admin()

    func tree(_ db: LaurelDatabase) async throws -> (province: OrgUnit, department: OrgUnit, commune: OrgUnit, other: OrgUnit) {
        let store = UnitStore(database: db)
        let province = try await store.create(
            UnitDraft(code: "P1", name: "Tỉnh Một", kind: .province, level: .provincial, parentId: nil), as: admin)
        let department = try await store.create(
            UnitDraft(code: "P1-S1", name: "Sở Nội vụ", kind: .department, level: .provincial, parentId: province.id), as: admin)
        let commune = try await store.create(
            UnitDraft(code: "P1-S1-X", name: "Xã An", kind: .commune, level: .grassroots, parentId: department.id), as: admin)
        let other = try await store.create(
            UnitDraft(code: "P2", name: "Tỉnh Hai", kind: .province, level: .provincial, parentId: nil), as: admin)
        return (province, department, commune, other)
    }

    @Test(arguments: TestDatabases.kinds)
    func subtreeIsTheUnitAndEverythingBelow(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let t = try await tree(db)
            let subtree = try await UnitStore(database: db).subtree(of: t.province.id, as: admin)
            #expect(subtree.map(\.code) == ["P1", "P1-S1", "P1-S1-X"])
            #expect(t.commune.path == "/\(t.province.id)/\(t.department.id)/\(t.commune.id)/")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func moveRewritesTheWholeSubtree(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let t = try await tree(db)
            let store = UnitStore(database: db)
            var draft = UnitDraft(
                code: t.department.code, name: t.department.name, kind: .department, level: .provincial, parentId: t.other.id)
            _ = try await store.update(t.department.id, with: draft, as: admin)
            let commune = try await store.get(t.commune.id, as: admin)
            #expect(commune.path == "/\(t.other.id)/\(t.department.id)/\(t.commune.id)/")
            #expect(try await store.subtree(of: t.province.id, as: admin).count == 1)
            // A unit cannot become its own ancestor; nothing changes.
            draft.parentId = t.commune.id
            await #expect(throws: DomainError.invalid("error.unit_own_ancestor", field: "parentId")) {
                _ = try await store.update(t.department.id, with: draft, as: admin)
            }
            #expect(try await store.get(t.department.id, as: admin).parentId == t.other.id)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func mergeMovesPeopleAndChildrenAndKeepsHistory(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let t = try await tree(db)
            let units = UnitStore(database: db)
            let people = PersonStore(database: db)
            let person = try await people.create(
                PersonDraft(
                    fullName: "Lê Thị Hoa", gender: .female, birthDate: nil, unitId: t.department.id, position: nil,
                    staffCategory: .civilServant, holdsManagementPost: false, ethnicity: "Kinh"), as: admin)
            let result = try await units.merge(t.province.id, into: t.other.id, on: CalendarDate("2025-07-01")!, as: admin)
            #expect(result.unitsMoved == 1)
            let source = try await units.get(t.province.id, as: admin)
            #expect(source.active == false && source.mergedIntoId == t.other.id && source.activeTo == "2025-07-01")
            #expect(try await units.get(t.commune.id, as: admin).path == "/\(t.other.id)/\(t.department.id)/\(t.commune.id)/")
            #expect(try await people.get(person.id, as: admin).person.unitId == t.department.id)
            // Merging into an inactive unit is refused.
            await #expect(throws: DomainError.invalid("error.merge_into_inactive", field: "targetId")) {
                _ = try await units.merge(t.department.id, into: t.province.id, on: CalendarDate("2025-07-02")!, as: admin)
            }
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func mergeMovesPeopleOfTheSourceItselfWithATransfer(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let t = try await tree(db)
            let units = UnitStore(database: db)
            let people = PersonStore(database: db)
            let person = try await people.create(
                PersonDraft(
                    fullName: "Trần Văn Nam", gender: .male, birthDate: nil, unitId: t.commune.id, position: nil,
                    staffCategory: .worker, holdsManagementPost: false, ethnicity: nil), as: admin)
            let result = try await units.merge(t.commune.id, into: t.other.id, on: CalendarDate("2025-07-01")!, as: admin)
            #expect(result.peopleMoved == 1)
            #expect(try await people.get(person.id, as: admin).person.unitId == t.other.id)
            let transfers = try await people.transfers(of: person.id, as: admin)
            #expect(transfers == [PersonTransfer(fromUnitId: t.commune.id, toUnitId: t.other.id, onDate: "2025-07-01", reason: "merge")])
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func deactivationNeedsNoActiveChildren(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let t = try await tree(db)
            let units = UnitStore(database: db)
            await #expect(throws: DomainError(.conflict, "error.unit_has_active_children")) {
                _ = try await units.deactivate(t.department.id, on: CalendarDate("2025-01-01")!, as: admin)
            }
            let closed = try await units.deactivate(t.commune.id, on: CalendarDate("2025-01-01")!, as: admin)
            #expect(closed.active == false)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func officerSeesAndChangesOnlyTheirSubtree(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let t = try await tree(db)
            let units = UnitStore(database: db)
            let officer = TestIdentities.scoped(.officer, to: t.province)
            await #expect(throws: DomainError(.notFound, "error.unit_not_found")) { _ = try await units.get(t.other.id, as: officer) }
            let listed = try await units.list(UnitFilter(), paging: Paging(page: 1, per: 50), as: officer)
            #expect(Set(listed.items.map(\.code)) == ["P1", "P1-S1", "P1-S1-X"])
            await #expect(throws: DomainError(.notFound, "error.unit_not_found", field: "parentId")) {
                _ = try await units.create(
                    UnitDraft(code: "X1", name: "Lọt", kind: .commune, level: .grassroots, parentId: t.other.id), as: officer)
            }
            await #expect(throws: DomainError(.forbidden, "error.root_unit_admin_only", field: "parentId")) {
                _ = try await units.create(
                    UnitDraft(code: "X2", name: "Gốc", kind: .province, level: .provincial, parentId: nil), as: officer)
            }
            let auditor = TestIdentities.scoped(.auditor, to: t.province)
            await #expect(throws: DomainError(.forbidden, "error.read_only_role")) {
                _ = try await units.create(
                    UnitDraft(code: "X3", name: "Kiểm tra", kind: .commune, level: .grassroots, parentId: t.province.id), as: auditor)
            }
            #expect(try await units.count(as: admin) == 4)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func duplicateCodeIsAConflictAndWritesNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            _ = try await tree(db)
            let units = UnitStore(database: db)
            let before = try await AuditStore(database: db).list(AuditFilter(), scope: .everything, paging: Paging(page: 1, per: 1)).total
            await #expect(throws: DomainError(.conflict, "error.code_taken", field: "code")) {
                _ = try await units.create(
                    UnitDraft(code: "P1", name: "Trùng", kind: .province, level: .provincial, parentId: nil), as: admin)
            }
            let after = try await AuditStore(database: db).list(AuditFilter(), scope: .everything, paging: Paging(page: 1, per: 1)).total
            #expect(before == after)
            #expect(try await units.count(as: admin) == 4)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func listSortsByVietnameseCollation(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let units = UnitStore(database: db)
            for (index, name) in ["Đông Hà", "Dương Minh", "Ân Thi", "An Lão", "Bình Định", "Ấp Bắc", "Ăn Quán"].enumerated() {
                _ = try await units.create(
                    UnitDraft(code: "U\(index)", name: name, kind: .commune, level: .grassroots, parentId: nil), as: admin)
            }
            let sorted = try await units.list(UnitFilter(), paging: Paging(page: 1, per: 50), as: admin).items.map(\.name)
            #expect(sorted == ["An Lão", "Ăn Quán", "Ân Thi", "Ấp Bắc", "Bình Định", "Dương Minh", "Đông Hà"])
            let found = try await units.list(UnitFilter(query: "dong ha"), paging: Paging(page: 1, per: 50), as: admin).items.map(\.name)
            #expect(found == ["Đông Hà"])
        }
    }
}
