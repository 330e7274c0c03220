import LaurelDomain
import LaurelStore
import LaurelTestSupport
import SQLKit
import Testing

/// Clusters, seasons and scoring against a real database: who may write which sheet, what is
/// refused (and leaves nothing written), locking and reopening, ranking.
@Suite struct SeasonStoreTests {
    let admin = TestIdentities.admin()

    struct Fixture {
        let province: OrgUnit, members: [OrgUnit], outsider: OrgUnit, cluster: ClusterRecord, season: SeasonRecord
    }

    static let criteria = [
        CriterionLine(code: "1.1", section: "I", sectionTitle: "Nhiệm vụ", title: "Kế hoạch", maxPoints: 50, kind: .criterion),
        CriterionLine(code: "1.2", section: "I", title: "Giao ước", maxPoints: 30, kind: .criterion),
        CriterionLine(code: "B1", section: "B", sectionTitle: "Điểm thưởng", title: "Sáng kiến", maxPoints: 10, kind: .bonus),
        CriterionLine(code: "D1", section: "D", sectionTitle: "Điểm trừ", title: "Không ký giao ước", maxPoints: 8, kind: .deduction),
    ]

    func fixture(_ db: LaurelDatabase, mode: ScoringMode = .verification) async throws -> Fixture {
        let units = UnitStore(database: db)
        let province = try await units.create(
            UnitDraft(code: "P", name: "Tỉnh", kind: .province, level: .provincial, parentId: nil), as: admin)
        var members: [OrgUnit] = []
        for index in 1...4 {
            members.append(
                try await units.create(
                    UnitDraft(
                        code: "P-S\(index)", name: "Sở \(index)", kind: .department, level: .provincial,
                        parentId: province.id), as: admin))
        }
        let outsider = try await units.create(
            UnitDraft(code: "P-X", name: "Sở ngoài cụm", kind: .department, level: .provincial, parentId: province.id), as: admin)
        let cluster = try await ClusterStore(database: db).create(
            ClusterDraft(
                code: "K1", name: "Khối các sở", kind: .block, organiserUnitId: province.id, decisionNumber: "12/QĐ-UBND",
                decisionDate: CalendarDate("2024-01-05")!, memberUnitIds: members.map(\.id)),
            as: TestIdentities.scoped(.officer, to: province))
        let season = try await SeasonStore(database: db).create(
            clusterId: cluster.id,
            SeasonDraft(
                year: 2025, leaderUnitId: members[0].id, deputyUnitId: members[1].id, mode: mode, bonusCap: 10, criteria: Self.criteria),
            as: TestIdentities.scoped(.officer, to: province))
        return Fixture(province: province, members: members, outsider: outsider, cluster: cluster, season: season)
    }

    func officer(_ unit: OrgUnit) -> Identity { TestIdentities.scoped(.officer, to: unit, id: 500 + unit.id) }

    func scoreRows(_ db: LaurelDatabase) async throws -> Int {
        try await db.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("season_scores").first(
                decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func selfScoreVerifyAndRankWithSharedRanks(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await fixture(db)
            let store = SeasonStore(database: db)
            let sheets: [ScoreSheet] = [
                ScoreSheet(["1.1": 45, "1.2": 30, "B1": 5]), ScoreSheet(["1.1": 40, "1.2": 30, "D1": -8]),
                ScoreSheet(["1.1": 50, "1.2": 30, "B1": 1]), ScoreSheet(["1.1": 50, "1.2": 25, "B1": 5]),
            ]
            for (member, sheet) in zip(f.members, sheets) {
                _ = try await store.submitSelfScore(f.season.id, unitId: member.id, sheet: sheet, as: officer(member))
            }
            // The leader verifies everyone but itself; the deputy verifies the leader.
            for (member, sheet) in zip(f.members, sheets).dropFirst() {
                _ = try await store.verify(f.season.id, unitId: member.id, sheet: sheet, verifier: nil, as: officer(f.members[0]))
            }
            _ = try await store.verify(f.season.id, unitId: f.members[0].id, sheet: sheets[0], verifier: nil, as: officer(f.members[1]))
            let ranking = try await store.ranking(f.season.id, as: admin)
            #expect(ranking.rows.map(\.rank) == [1, 2, 2, 4])
            #expect(ranking.rows.map(\.unitId) == [f.members[2].id, f.members[0].id, f.members[3].id, f.members[1].id])
            #expect(ranking.rows[0].final == 81 && ranking.rows[3].final == 62)
            #expect(ranking.rows[3].sections["D"] == -8)
            #expect(ranking.pending.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func refusedScoresWriteNothing(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await fixture(db)
            let store = SeasonStore(database: db)
            let member = f.members[2]
            func refused(_ expected: DomainError.Kind, _ body: () async throws -> Void) async {
                do {
                    try await body()
                    Issue.record("accepted")
                } catch let error as DomainError {
                    #expect(error.kind == expected, "\(error.key)")
                } catch let errors as ValidationErrors {
                    #expect(expected == .invalid, "\(errors.errors.map(\.key))")
                } catch { Issue.record("\(error)") }
            }
            // Above the maximum, a positive deduction, an unknown code.
            await refused(.invalid) {
                _ = try await store.submitSelfScore(f.season.id, unitId: member.id, sheet: ScoreSheet(["1.1": 51]), as: officer(member))
            }
            await refused(.invalid) {
                _ = try await store.submitSelfScore(f.season.id, unitId: member.id, sheet: ScoreSheet(["D1": 2]), as: officer(member))
            }
            await refused(.invalid) {
                _ = try await store.submitSelfScore(f.season.id, unitId: member.id, sheet: ScoreSheet(["Z9": 2]), as: officer(member))
            }
            // Not a member; another unit's sheet; a verifier verifying its own unit; a member verifying.
            await refused(.invalid) {
                _ = try await store.submitSelfScore(f.season.id, unitId: f.outsider.id, sheet: ScoreSheet(["1.1": 5]), as: admin)
            }
            await refused(.notFound) {
                _ = try await store.submitSelfScore(
                    f.season.id, unitId: f.outsider.id, sheet: ScoreSheet(["1.1": 5]), as: officer(f.outsider))
            }
            await refused(.forbidden) {
                _ = try await store.submitSelfScore(
                    f.season.id, unitId: member.id, sheet: ScoreSheet(["1.1": 5]), as: officer(f.members[3]))
            }
            await refused(.forbidden) {
                _ = try await store.submitSelfScore(f.season.id, unitId: member.id, sheet: ScoreSheet(["1.1": 5]), as: officer(f.province))
            }
            await refused(.forbidden) {
                _ = try await store.verify(
                    f.season.id, unitId: f.members[0].id, sheet: ScoreSheet(["1.1": 5]), verifier: nil, as: officer(f.members[0]))
            }
            await refused(.forbidden) {
                _ = try await store.verify(
                    f.season.id, unitId: member.id, sheet: ScoreSheet(["1.1": 5]), verifier: nil, as: officer(f.members[3]))
            }
            // An auditor of the province, and an officer of another tree.
            await refused(.forbidden) {
                _ = try await store.submitSelfScore(
                    f.season.id, unitId: member.id, sheet: ScoreSheet(["1.1": 5]), as: TestIdentities.scoped(.auditor, to: member))
            }
            let other = try await UnitStore(database: db).create(
                UnitDraft(code: "Q", name: "Tỉnh khác", kind: .province, level: .provincial, parentId: nil), as: admin)
            await refused(.notFound) { _ = try await store.get(f.season.id, as: officer(other)) }
            await refused(.notFound) {
                _ = try await store.submitSelfScore(f.season.id, unitId: other.id, sheet: ScoreSheet(["1.1": 5]), as: officer(other))
            }
            #expect(try await scoreRows(db) == 0)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aFinalisedSeasonRefusesWritesUntilReopenedWithAReason(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await fixture(db)
            let store = SeasonStore(database: db)
            let organiser = officer(f.province)
            _ = try await store.submitSelfScore(
                f.season.id, unitId: f.members[2].id, sheet: ScoreSheet(["1.1": 10]), as: officer(f.members[2]))
            // A member other than the leader cannot lock; the organiser can.
            await #expect(throws: DomainError.self) { _ = try await store.finalise(f.season.id, as: officer(f.members[2])) }
            let locked = try await store.finalise(f.season.id, as: organiser)
            #expect(locked.status == .finalised)
            do {
                _ = try await store.submitSelfScore(
                    f.season.id, unitId: f.members[2].id, sheet: ScoreSheet(["1.1": 20]), as: officer(f.members[2]))
                Issue.record("accepted")
            } catch let error as DomainError { #expect(error.key == "error.season_finalised" && error.kind == .invalid) }
            await #expect(throws: DomainError.self) { _ = try await store.reopen(f.season.id, reason: "   ", as: organiser) }
            await #expect(throws: DomainError.self) {
                _ = try await store.reopen(f.season.id, reason: "Sai sót", as: officer(f.members[0]))
            }
            let reopened = try await store.reopen(f.season.id, reason: " Sai sót điểm 1.1 ", as: organiser)
            #expect(reopened.status == .open && reopened.reopenReasons == ["Sai sót điểm 1.1"])
            let season = try await store.submitSelfScore(
                f.season.id, unitId: f.members[2].id, sheet: ScoreSheet(["1.1": 20]), as: officer(f.members[2]))
            #expect(season.members.first { $0.unitId == f.members[2].id }?.selfScored == true)
            let audit = try await AuditStore(database: db).list(
                AuditFilter(entity: "season", entityId: f.season.id), scope: .everything, paging: Paging(page: 1, per: 50))
            #expect(audit.items.contains { $0.action == "reopen" && ($0.after ?? "").contains("Sai sót") })
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func crossModeNeverScoresItselfAndAveragesTheOthers(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await fixture(db, mode: .cross)
            let store = SeasonStore(database: db)
            let (a, b, c) = (f.members[0], f.members[1], f.members[2])
            await #expect(throws: DomainError.self) {
                _ = try await store.submitCrossScore(f.season.id, scorer: a.id, target: a.id, sheet: ScoreSheet(["1.1": 5]), as: officer(a))
            }
            _ = try await store.submitCrossScore(f.season.id, scorer: a.id, target: c.id, sheet: ScoreSheet(["1.1": 40]), as: officer(a))
            _ = try await store.submitCrossScore(f.season.id, scorer: b.id, target: c.id, sheet: ScoreSheet(["1.1": 45.01]), as: officer(b))
            let ranking = try await store.ranking(f.season.id, as: admin)
            #expect(ranking.rows.first?.unitId == c.id && ranking.rows.first?.final == 42.51)
            #expect(Set(ranking.pending) == Set([a.id, b.id, f.members[3].id]))
            let season = try await store.get(f.season.id, as: admin)
            #expect(season.missingCrossScores.count == 12 - 2)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func nextSeasonCopiesTheTableAndMembersLeaveWithHistory(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await fixture(db)
            let organiser = officer(f.province)
            let clusters = ClusterStore(database: db)
            let after = try await clusters.changeMember(
                f.cluster.id, unitId: f.members[3].id, leave: true, on: CalendarDate("2025-12-31")!, as: organiser)
            #expect(after.memberUnitIds.count == 3 && after.members.count == 4)
            let next = try await SeasonStore(database: db).create(
                clusterId: f.cluster.id,
                SeasonDraft(
                    year: 2026, leaderUnitId: f.members[1].id, deputyUnitId: f.members[2].id, mode: .verification, bonusCap: .zero,
                    criteria: []),
                as: organiser)
            #expect(next.criteria == f.season.criteria && next.bonusCap == 10)
            #expect(next.members.map(\.unitId) == f.members.prefix(3).map(\.id))
            await #expect(throws: DomainError.self) {
                _ = try await SeasonStore(database: db).create(
                    clusterId: f.cluster.id,
                    SeasonDraft(
                        year: 2027, leaderUnitId: f.members[1].id, deputyUnitId: f.members[2].id, mode: .verification, bonusCap: .zero,
                        criteria: []),
                    as: officer(f.members[0]))
            }
        }
    }

    /// A stored value that names no case, or a number that does not read, is reported with its
    /// column, never read as a default. SQLite only: the CHECK lists are switched off to damage it.
    @Test func anUnreadableStoredValueIsAnErrorNotADefault() async throws {
        try await TestDatabases.with(.sqlite) { db in
            let f = try await fixture(db)
            let store = SeasonStore(database: db)
            _ = try await store.setTargets(
                f.season.id, unitId: f.members[0].id,
                targets: [RegisteredTarget(unitId: f.members[0].id, code: "T1", title: "Thu", planned: 5)],
                as: officer(f.members[0]))
            try await db.transaction { sql in try await sql.raw("UPDATE season_targets SET planned = 'năm'").run() }
            await #expect(throws: UnreadableStoredValue.self) { try await store.get(f.season.id, as: admin) }
            try await db.transaction { sql in
                try await sql.raw("UPDATE season_targets SET planned = '5'").run()
                try await sql.raw("PRAGMA ignore_check_constraints = ON").run()
                try await sql.raw("UPDATE seasons SET mode = 'bogus'").run()
                try await sql.raw("PRAGMA ignore_check_constraints = OFF").run()
            }
            let error = await #expect(throws: UnreadableStoredValue.self) { try await store.get(f.season.id, as: admin) }
            #expect(error?.column == "seasons.mode" && error?.value == "bogus")
        }
    }
}
