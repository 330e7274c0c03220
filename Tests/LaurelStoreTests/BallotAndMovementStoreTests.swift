import LaurelDomain
import LaurelStore
import LaurelTestSupport
import SQLKit
import Testing

/// Ballots (secret: marks and papers apart, one vote per voter and round) and movements (the
/// cascade, reports marked late, coverage), on both databases.
@Suite struct BallotAndMovementStoreTests {
    let admin = TestIdentities.admin()
    let seasons = SeasonStoreTests()

    func officer(_ unit: OrgUnit) -> Identity { TestIdentities.scoped(.officer, to: unit, id: 500 + unit.id) }

    @Test(arguments: TestDatabases.kinds)
    func aSecretBallotKeepsVotersApartFromPapers(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await seasons.fixture(db)
            let store = BallotStore(database: db)
            let ids = f.members.map(\.id)
            let ballot = try await store.create(
                BallotDraft(
                    purpose: "Đề nghị Cờ thi đua", subjectKind: .season, subjectId: f.season.id, candidates: [ids[0], ids[2]], voters: ids,
                    seats: 1, threshold: .fourFifths, quorum: .twoThirds), as: officer(f.province))
            // Only the leader's or the organiser's side runs a ballot.
            await #expect(throws: DomainError.self) {
                _ = try await store.create(
                    BallotDraft(
                        purpose: "x", subjectKind: .season, subjectId: f.season.id, candidates: [ids[0]],
                        voters: ids, seats: 1, threshold: .half, quorum: .none), as: officer(f.members[3]))
            }
            for member in f.members.dropLast() { try await store.vote(ballot.id, voter: member.id, choices: [ids[2]], as: officer(member)) }
            // While an elector has still to vote, not even an admin reads the count or who voted.
            guard case .running(let running) = try await store.tally(ballot.id, as: admin) else {
                Issue.record("count shown while open")
                return
            }
            #expect(running.cast == 3 && running.eligible == 4 && running.votedBy.isEmpty && running.youHaveVoted == nil)
            guard case .running(let mine) = try await store.tally(ballot.id, as: officer(f.members[0])) else {
                Issue.record("count shown")
                return
            }
            #expect(mine.youHaveVoted == true && mine.votedBy == [ids[0]])
            #expect(try await store.get(ballot.id, as: officer(f.province)).outcome == nil)
            try await store.vote(ballot.id, voter: ids[3], choices: [ids[2]], as: officer(f.members[3]))
            do {
                _ = try await store.vote(ballot.id, voter: ids[1], choices: [ids[0]], as: officer(f.members[1]))
                Issue.record("second vote accepted")
            } catch let error as DomainError { #expect(error.kind == .conflict) }
            await #expect(throws: DomainError.self) {
                _ = try await store.vote(ballot.id, voter: ids[1], choices: [ids[0]], as: officer(f.members[0]))
            }
            await #expect(throws: DomainError.self) {
                _ = try await store.vote(ballot.id, voter: f.outsider.id, choices: [ids[0]], as: officer(f.outsider))
            }
            let tally = try #require(try await store.tally(ballot.id, as: admin).counted)
            #expect(tally.cast == 4 && tally.quorumMet && tally.results.first?.candidate == ids[2] && tally.results.first?.elected == true)
            struct Paper: Decodable {
                let paperId: String
                let round: Int
                let choices: String
            }
            let papers = try await db.read { db in
                try await db.select().columns(SQLLiteral.all).from("ballot_papers").all(
                    decoding: Paper.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            #expect(papers.count == 4 && papers.allSatisfy { $0.choices == String(ids[2]) })
            let closed = try await store.close(ballot.id, as: officer(f.province))
            #expect(closed.closed && closed.outcome?.elected == [ids[2]])
            await #expect(throws: DomainError.self) {
                _ = try await store.vote(ballot.id, voter: ids[0], choices: [], as: officer(f.members[0]))
            }
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func electionsBecomeNextSeasonsLeadership(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await seasons.fixture(db)
            let store = BallotStore(database: db)
            let ids = f.members.map(\.id)
            let organiser = officer(f.province)
            // The outgoing leader may not be re-elected (default rotation rule).
            await #expect(throws: DomainError.self) {
                _ = try await store.create(
                    BallotDraft(
                        purpose: "Bầu khối trưởng", subjectKind: .season, subjectId: f.season.id, candidates: [ids[0], ids[2]],
                        voters: ids, seats: 1, threshold: .half, quorum: .none, post: .leader), as: organiser)
            }
            let leader = try await store.create(
                BallotDraft(
                    purpose: "Bầu khối trưởng", subjectKind: .season, subjectId: f.season.id,
                    candidates: [ids[2], ids[3]], voters: ids, seats: 1, threshold: .half, quorum: .none, post: .leader), as: organiser)
            let deputy = try await store.create(
                BallotDraft(
                    purpose: "Bầu khối phó", subjectKind: .season, subjectId: f.season.id,
                    candidates: [ids[0], ids[3]], voters: ids, seats: 1, threshold: .half, quorum: .none, post: .deputy), as: organiser)
            for id in ids { _ = try await store.vote(leader.id, voter: id, choices: [ids[2]], as: admin) }
            for id in ids { _ = try await store.vote(deputy.id, voter: id, choices: [ids[3]], as: admin) }
            _ = try await store.close(leader.id, as: organiser)
            _ = try await store.close(deputy.id, as: organiser)
            let next = try await SeasonStore(database: db).nextSeason(f.season.id, leader: nil, deputy: nil, as: organiser)
            #expect(next.year == 2026 && next.leaderUnitId == ids[2] && next.deputyUnitId == ids[3])
            #expect(next.criteria == f.season.criteria)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theCascadeShowsWhoLaunchedAndWhoReported(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await seasons.fixture(db)
            let store = MovementStore(database: db)
            let provinceOfficer = officer(f.province)
            let national = Movement(
                name: "Thi đua cải cách hành chính", launcherUnitId: f.province.id, kind: .thematic, start: CalendarDate("2025-01-01")!,
                end: CalendarDate("2025-12-31")!, contents: [MovementContent(number: 1, text: "Số hóa hồ sơ")],
                reportDeadlines: [
                    ReportDeadline(code: "1", title: "Sơ kết 6 tháng", dueDate: CalendarDate("2025-06-30")!),
                    ReportDeadline(code: "2", title: "Tổng kết", dueDate: CalendarDate("2025-11-30")!),
                ])
            let movement = try await store.create(national, as: provinceOfficer)
            #expect(movement.reportDeadlines.count == 2 && movement.status == .draft)
            await #expect(throws: DomainError.self) {
                _ = try await store.implement(movement.id, unitId: f.members[0].id, as: officer(f.members[0]))
            }
            _ = try await store.advance(movement.id, to: .launched, on: CalendarDate("2025-01-10")!, as: provinceOfficer)
            // A department sees its province's movement and implements it with its own.
            let child = try await store.implement(movement.id, unitId: f.members[0].id, as: officer(f.members[0]))
            #expect(child.parentId == movement.id && child.contents.first?.title == "Số hóa hồ sơ")
            _ = try await store.advance(child.id, to: .launched, on: CalendarDate("2025-01-20")!, as: officer(f.members[0]))
            await #expect(throws: DomainError.self) {
                _ = try await store.advance(movement.id, to: .launched, on: CalendarDate("2025-01-10")!, as: officer(f.members[0]))
            }
            let first = movement.reportDeadlines[0].id
            let onTime = try await store.submitReport(
                movement.id, unitId: f.members[0].id, deadlineId: first, text: "Báo cáo", figures: ["tap_the_BK": 2],
                on: CalendarDate("2025-06-30")!, as: officer(f.members[0]))
            let late = try await store.submitReport(
                movement.id, unitId: f.members[1].id, deadlineId: first, text: "Muộn", figures: [:],
                on: CalendarDate("2025-07-03")!, as: officer(f.members[1]))
            #expect(!onTime.late && late.late)
            let coverage = try await store.coverage(movement.id, today: CalendarDate("2025-07-20")!, as: provinceOfficer)
            #expect(coverage.total == 5 && coverage.launched == 1)
            let byUnit = Dictionary(uniqueKeysWithValues: coverage.units.map { ($0.unitId, $0) })
            #expect(byUnit[f.members[0].id]?.movementId == child.id)
            #expect(byUnit[f.members[0].id]?.reports.map(\.status) == [.submitted, .pending])
            #expect(byUnit[f.members[1].id]?.reports.first?.status == .late)
            #expect(byUnit[f.members[2].id]?.reports.first?.status == .missing)
            await #expect(throws: DomainError.self) {
                _ = try await store.coverage(movement.id, today: CalendarDate("2025-07-20")!, as: officer(f.members[0]))
            }
            let other = try await UnitStore(database: db).create(
                UnitDraft(code: "Q", name: "Tỉnh khác", kind: .province, level: .provincial, parentId: nil), as: admin)
            await #expect(throws: DomainError.self) { _ = try await store.get(movement.id, as: officer(other)) }
        }
    }

    /// A stored date that does not read is damage: reading the movement fails and names the
    /// column, rather than showing a made-up day or dropping the step.
    @Test(arguments: TestDatabases.kinds)
    func anUnreadableStoredDateIsAnError(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await seasons.fixture(db)
            let store = MovementStore(database: db)
            let provinceOfficer = officer(f.province)
            let movement = try await store.create(
                Movement(
                    name: "Thi đua", launcherUnitId: f.province.id, kind: .regular, start: CalendarDate("2025-01-01")!,
                    end: CalendarDate("2025-12-31")!),
                as: provinceOfficer)
            _ = try await store.advance(movement.id, to: .launched, on: CalendarDate("2025-01-10")!, as: provinceOfficer)
            try await db.transaction { sql in
                try await sql.raw("UPDATE movements SET launched_on = 'soon' WHERE id = \(bind: movement.id)").run()
            }
            let error = await #expect(throws: UnreadableStoredValue.self) { _ = try await store.get(movement.id, as: provinceOfficer) }
            #expect(error?.column == "movements.launched_on")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func registrationsAfterTheDeadlineNeedAReason(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let f = try await seasons.fixture(db)
            let unit = f.members[0]
            let person = try await PersonStore(database: db).create(
                PersonDraft(
                    fullName: "Lê Thị Hoa", gender: .female, birthDate: CalendarDate("1985-03-04"), unitId: unit.id,
                    position: "Chuyên viên",
                    staffCategory: .civilServant, holdsManagementPost: false, ethnicity: "Kinh"), as: admin)
            let store = RegistrationStore(database: db)
            let onTime = try await store.put(
                unitId: unit.id, year: 2025, collective: [.init(code: "TTLDXS")],
                individuals: [.init(personId: person.id, code: "CSTDCS")], reason: nil, on: CalendarDate("2025-02-01")!, as: officer(unit))
            #expect(!onTime.late && onTime.individuals.first?.personName == "Lê Thị Hoa" && !onTime.registrationRequired)
            await #expect(throws: DomainError.self) {
                _ = try await store.put(
                    unitId: unit.id, year: 2025, collective: [], individuals: [], reason: nil, on: CalendarDate("2025-04-02")!,
                    as: officer(unit))
            }
            let late = try await store.put(
                unitId: unit.id, year: 2025, collective: [.init(code: "TTLDTT")], individuals: [], reason: "Mới thành lập",
                on: CalendarDate("2025-04-02")!, as: officer(unit))
            #expect(late.late && late.reason == "Mới thành lập")
            await #expect(throws: DomainError.self) {
                _ = try await store.put(
                    unitId: unit.id, year: 2025, collective: [], individuals: [], reason: nil, on: CalendarDate("2025-02-01")!,
                    as: officer(f.members[1]))
            }
            try await store.setSetting(.registrationRequired, value: "true", unitId: f.province.id, as: officer(f.province))
            #expect(try await store.get(unitId: unit.id, year: 2025, as: admin).registrationRequired)
            #expect(try await store.forPerson(person.id, as: admin).isEmpty)
        }
    }
}
