import LaurelDomain
import LaurelStore
import LaurelTestSupport
import Testing

@Suite struct HistoryStoreTests {
    let admin = TestIdentities.admin()

    /// The records come back exactly as written, though they travel packed in one text per person.
    @Test(arguments: TestDatabases.kinds)
    func historiesReadBackExactly(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let unit = try await UnitStore(database: db).create(
                UnitDraft(code: "P", name: "Tỉnh", kind: .province, level: .provincial, parentId: nil), as: admin)
            let person = try await PersonStore(database: db).create(
                PersonDraft(
                    fullName: "Hà Văn Lịch", gender: .male, birthDate: CalendarDate("1980-01-01"),
                    unitId: unit.id, position: nil, staffCategory: .publicEmployee, holdsManagementPost: true, ethnicity: nil), as: admin)
            let assessments = AssessmentStore(database: db)
            _ = try await assessments.put(
                .person(person.id), AssessmentDraft(year: 2023, rating: .excellent, discipline: nil, notes: "a; b, c"), as: admin)
            _ = try await assessments.put(
                .person(person.id), AssessmentDraft(year: 2024, rating: .complete, discipline: .warning, notes: nil), as: admin)
            _ = try await AwardStore(database: db).create(
                .person(person.id),
                AwardDraft(
                    code: "LDTT", year: 2023, kind: .merit,
                    decisionNumber: "12/QĐ-UBND, ngày 5:1", decisionDate: CalendarDate("2024-01-05"), authority: "Chủ tịch", status: .valid),
                as: admin)
            let history = try await HistoryStore(database: db).person(person.id, as: admin).history
            #expect(history.staffCategory == .publicEmployee && history.holdsManagementPost)
            #expect(
                history.years == [
                    SubjectHistory.Year(year: 2023, rating: .excellent),
                    SubjectHistory.Year(year: 2024, rating: .complete, discipline: .warning),
                ])
            #expect(
                history.awards == [
                    SubjectHistory.Award(code: "LDTT", year: 2023, status: .valid, kind: .merit, decisionNumber: "12/QĐ-UBND, ngày 5:1")
                ])
            let subtree = try await HistoryStore(database: db).people(inSubtreeOf: unit.id, as: admin)
            #expect(subtree.map(\.history) == [history])
        }
    }
}
