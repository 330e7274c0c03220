import Foundation
import LaurelDomain
import LaurelStore
import LaurelTestSupport
import SQLKit
import Testing

/// Assessments, initiatives, the catalogue and the award register, on every database.
@Suite struct RecordStoreTests {
    let admin = TestIdentities.admin()

    struct World: Sendable {
        let a: OrgUnit
        let b: OrgUnit
        let anna: Person
        let binh: Person
    }

    /// Two provinces with one person each (born 1985).
    func world(_ db: LaurelDatabase) async throws -> World {
        let units = UnitStore(database: db)
        let people = PersonStore(database: db)
        let a = try await units.create(UnitDraft(code: "A", name: "Tỉnh A", kind: .province, level: .provincial, parentId: nil), as: admin)
        let b = try await units.create(UnitDraft(code: "B", name: "Tỉnh B", kind: .province, level: .provincial, parentId: nil), as: admin)
        func person(_ name: String, _ unit: OrgUnit) async throws -> Person {
            try await people.create(
                PersonDraft(
                    fullName: name, gender: .female, birthDate: CalendarDate("1985-03-04"), unitId: unit.id, position: nil,
                    staffCategory: .civilServant, holdsManagementPost: false, ethnicity: "Kinh"), as: admin)
        }
        return World(a: a, b: b, anna: try await person("Nguyễn Thị An", a), binh: try await person("Trần Văn Bình", b))
    }

    @Test(arguments: TestDatabases.kinds)
    func theStandardCatalogueIsSeededAndAdminsExtendIt(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let catalogue = CatalogueStore(database: db)
            let items = try await catalogue.list()
            #expect(items.map(\.code) == AwardCatalogue.standard.codes)
            #expect(items.first { $0.code == "BK_BO" }?.coefficientCollective == 3.0)
            #expect(items.allSatisfy { $0.builtin })
            let w = try await world(db)
            let medal = CatalogueItem(
                code: "KNC_BNV", category: .commendationForm, nameVi: "Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức nhà nước",
                nameEn: "Commemorative medal", subjectKinds: [.individual], awardingLevel: .ministryProvince, annual: false,
                coefficientIndividual: 0.4, coefficientCollective: nil, legalBasis: "Thông tư 5/2024/TT-BNV")
            await #expect(throws: DomainError.self) { try await catalogue.create(medal, as: TestIdentities.scoped(.officer, to: w.a)) }
            _ = try await catalogue.create(medal, as: admin)
            #expect(try await catalogue.list().last?.code == "KNC_BNV")
            await #expect(throws: DomainError(.conflict, "error.code_taken", field: "code")) {
                try await catalogue.create(medal, as: admin)
            }
            // A code used by the register can be recorded against at once.
            _ = try await AwardStore(database: db).create(
                .person(w.anna.id),
                AwardDraft(
                    code: "KNC_BNV", year: 2024, kind: .seniority,
                    decisionNumber: "1/QĐ-BNV", decisionDate: nil, authority: nil), as: admin)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func oneAssessmentPerYearAndACorrectionKeepsTheOldValueInTheAuditLog(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let w = try await world(db)
            let store = AssessmentStore(database: db)
            let officer = TestIdentities.scoped(.officer, to: w.a)
            let (first, created) = try await store.put(
                .person(w.anna.id), AssessmentDraft(year: 2024, rating: .good, discipline: nil, notes: nil), as: officer)
            #expect(created)
            let (second, createdAgain) = try await store.put(
                .person(w.anna.id), AssessmentDraft(year: 2024, rating: .excellent, discipline: .reprimand, notes: "sửa"), as: officer)
            #expect(!createdAgain && second.id == first.id && second.rating == .excellent)
            let list = try await store.list(RecordListFilter(year: 2024), paging: nil, as: officer)
            #expect(list.total == 1 && list.items.first?.assessment.discipline == .reprimand)
            let audit = try await AuditStore(database: db).list(
                AuditFilter(entity: "assessment"), scope: .everything, paging: Paging(page: 1, per: 10))
            #expect(audit.items.map(\.action) == ["correct", "create"])
            #expect(audit.items.first?.before?.contains("\"good\"") == true)
            // Another province's person is not found; a read-only role may not write; nothing before birth.
            await #expect(throws: DomainError(.notFound, "error.person_not_found")) {
                try await store.put(
                    .person(w.binh.id), AssessmentDraft(year: 2024, rating: .good, discipline: nil, notes: nil), as: officer)
            }
            await #expect(throws: DomainError(.forbidden, "error.read_only_role")) {
                try await store.put(
                    .person(w.anna.id), AssessmentDraft(year: 2023, rating: .good, discipline: nil, notes: nil),
                    as: TestIdentities.scoped(.auditor, to: w.a))
            }
            await #expect(throws: ValidationErrors.self) {
                try await store.put(
                    .person(w.anna.id), AssessmentDraft(year: 1980, rating: .good, discipline: nil, notes: nil), as: officer)
            }
            let (unitAssessment, _) = try await store.put(
                .unit(w.a.id), AssessmentDraft(year: 2024, rating: .excellent, discipline: nil, notes: nil), as: officer)
            #expect(unitAssessment.unitId == w.a.id && unitAssessment.personId == nil)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theRegisterIsUniquePerSubjectCodeAndYearAndRevokingKeepsTheRow(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let w = try await world(db)
            let store = AwardStore(database: db)
            let officer = TestIdentities.scoped(.officer, to: w.a)
            let draft = AwardDraft(
                code: "LDTT", year: 2024, kind: .merit, decisionNumber: "12/QĐ-UBND", decisionDate: CalendarDate("2024-12-20"),
                authority: "Chủ tịch UBND")
            let award = try await store.create(.person(w.anna.id), draft, as: officer)
            #expect(award.source == .entered && award.status == .valid && award.decisionDate == "2024-12-20")
            await #expect(throws: DomainError(.conflict, "error.award_duplicate", field: "code")) {
                try await store.create(.person(w.anna.id), draft, as: officer)
            }
            var unknown = draft
            unknown.code = "NOPE"
            await #expect(throws: DomainError.invalid("error.unknown_award_code", field: "code", "NOPE")) {
                try await store.create(.person(w.anna.id), unknown, as: officer)
            }
            var collective = draft
            collective.code = "TTLDTT"
            await #expect(throws: DomainError.self) { try await store.create(.person(w.anna.id), collective, as: officer) }
            _ = try await store.create(.unit(w.a.id), collective, as: officer)
            var early = draft
            early.year = 1984
            await #expect(throws: ValidationErrors.self) { try await store.create(.person(w.anna.id), early, as: officer) }
            await #expect(throws: DomainError(.notFound, "error.award_not_found")) {
                try await store.get(award.id, as: TestIdentities.scoped(.officer, to: w.b))
            }
            await #expect(throws: DomainError(.notFound, "error.award_not_found")) {
                try await store.revoke(award.id, reason: "x", as: TestIdentities.scoped(.officer, to: w.b))
            }
            let revoked = try await store.revoke(award.id, reason: "Hồ sơ không trung thực", as: officer)
            #expect(revoked.status == .revoked && revoked.statusReason == "Hồ sơ không trung thực" && revoked.id == award.id)
            await #expect(throws: DomainError(.conflict, "error.award_already_revoked")) {
                try await store.revoke(award.id, reason: "x", as: officer)
            }
            #expect(try await store.list(RecordListFilter(), paging: nil, as: officer).total == 2)
            #expect(try await store.list(RecordListFilter(), paging: nil, as: TestIdentities.scoped(.officer, to: w.b)).total == 0)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theRecordIsATimelineAndThePeopleListFiltersByAward(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let w = try await world(db)
            let officer = TestIdentities.scoped(.officer, to: w.a)
            let initiatives = InitiativeStore(database: db)
            let initiative = try await initiatives.create(
                InitiativeDraft(
                    title: "Số hóa hồ sơ thi đua", year: 2023, level: .grassroots, decisionNumber: "7/QĐ",
                    authors: [.init(personId: w.anna.id, share: 100)]), as: officer)
            #expect(initiative.unitId == w.a.id && initiative.authors.first?.fullName == "Nguyễn Thị An")
            await #expect(throws: DomainError(.notFound, "error.person_not_found")) {
                try await initiatives.create(
                    InitiativeDraft(
                        title: "X", year: 2023, level: .grassroots, decisionNumber: nil, authors: [.init(personId: w.binh.id, share: 100)]),
                    as: officer)
            }
            await #expect(throws: DomainError(.notFound, "error.initiative_not_found")) {
                try await initiatives.get(initiative.id, as: TestIdentities.scoped(.officer, to: w.b))
            }
            _ = try await AssessmentStore(database: db).put(
                .person(w.anna.id), AssessmentDraft(year: 2023, rating: .excellent, discipline: nil, notes: nil), as: officer)
            _ = try await AwardStore(database: db).create(
                .person(w.anna.id),
                AwardDraft(code: "CSTDCS", year: 2023, kind: .merit, decisionNumber: "9/QĐ", decisionDate: nil, authority: nil), as: officer
            )
            _ = try await AwardStore(database: db).create(
                .person(w.anna.id),
                AwardDraft(code: "LDTT", year: 2022, kind: .merit, decisionNumber: nil, decisionDate: nil, authority: nil), as: officer)
            let record = try await RecordStore(database: db).record(of: .person(w.anna.id), as: officer)
            #expect(record.years.map(\.year) == [2023, 2022])
            #expect(
                record.years[0].rating == .excellent && record.years[0].initiatives.count == 1
                    && record.years[0].awards.map(\.code) == ["CSTDCS"])
            let people = PersonStore(database: db)
            func names(_ presence: AwardPresence) async throws -> [String] {
                var filter = PersonFilter()
                filter.award = presence
                return try await people.list(filter, paging: Paging(page: 1, per: 50), as: admin).items.map(\.person.fullName)
            }
            #expect(try await names(AwardPresence(code: "LDTT", year: 2022, has: true)) == ["Nguyễn Thị An"])
            #expect(try await names(AwardPresence(code: "LDTT", year: 2023, has: true)) == [])
            #expect(try await names(AwardPresence(code: "CSTDCS", year: nil, has: false)) == ["Trần Văn Bình"])
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func staffReadTheirOwnRecordOnly(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let w = try await world(db)
            let staff = Identity(
                account: Account(id: 7, username: "an", role: .staff, unitId: w.a.id, personId: w.anna.id, active: true),
                scope: .subtree(w.a.unitPath), scopeRootId: w.a.id)
            let award = try await AwardStore(database: db).create(
                .person(w.anna.id),
                AwardDraft(code: "LDTT", year: 2024, kind: .merit, decisionNumber: nil, decisionDate: nil, authority: nil), as: admin)
            #expect(try await RecordStore(database: db).record(of: .person(w.anna.id), as: staff).years.map(\.year) == [2024])
            #expect(try await AwardStore(database: db).get(award.id, as: staff).code == "LDTT")
            await #expect(throws: DomainError.self) { try await RecordStore(database: db).record(of: .unit(w.a.id), as: staff) }
            await #expect(throws: DomainError.self) { try await AwardStore(database: db).list(RecordListFilter(), paging: nil, as: staff) }
            await #expect(throws: DomainError(.forbidden, "error.read_only_role")) {
                try await AssessmentStore(database: db).put(
                    .person(w.anna.id), AssessmentDraft(year: 2024, rating: .excellent, discipline: nil, notes: nil), as: staff)
            }
            let other = try await PersonStore(database: db).create(
                PersonDraft(
                    fullName: "Lê Văn Cường", gender: .male, birthDate: nil, unitId: w.a.id, position: nil,
                    staffCategory: .worker, holdsManagementPost: false, ethnicity: nil), as: admin)
            await #expect(throws: DomainError(.notFound, "error.person_not_found")) {
                try await RecordStore(database: db).record(of: .person(other.id), as: staff)
            }
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theDemoHistoryCoversFiveYears(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            try await DemoSeeder.seed(db) { _ in "x" }
            let list = try await AssessmentStore(database: db).list(
                RecordListFilter(subjectKind: "person"), paging: Paging(page: 1, per: 1), as: admin)
            #expect(list.total == 300 * 5)
            let awards = try await AwardStore(database: db).list(RecordListFilter(), paging: nil, as: admin).items
            #expect(Set(awards.map(\.award.year)) == Set(2021...2025))
            #expect(Set(awards.map(\.award.code)).isSuperset(of: ["LDTT", "CSTDCS", "BK_BO", "TTLDTT"]))
            let audit = try await AuditStore(database: db).list(AuditFilter(), scope: .everything, paging: Paging(page: 1, per: 10))
            #expect(audit.total == 1)
        }
    }
}
