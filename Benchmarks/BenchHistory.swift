import Foundation
import LaurelDomain
import LaurelStore
import SQLKit

/// The eligibility scenario read from the database: synthetic yearly assessments and awards for
/// every person of the bench province are written once, then the whole province's records are
/// read (HistoryStore) and every title and form is judged.
struct HistoryFigures: Codable {
    var database = ""
    var people = 0, years = 0, assessmentRows = 0, awardRows = 0
    var writeSeconds = 0.0, loadSeconds = 0.0, checkSeconds = 0.0, checks = 0

    static func measure(
        _ database: LaurelDatabase, label: String, rootUnitId: Int64, identity: Identity, years: Int, seed: UInt64
    ) async throws -> HistoryFigures {
        var figures = HistoryFigures(database: label, years: years)
        let ids = try await database.read { db in
            try await db.select().column("id").from("people").orderBy("id").all(decodingColumn: "id", as: Int64.self)
        }
        figures.people = ids.count
        let histories = SyntheticHistories.generate(count: ids.count, years: years, seed: seed)
        let start = ContinuousClock.now
        // Through the loader the imports use: the bulk path, unaudited, in one transaction.
        var assessments: [RecordLoader.AssessmentRow] = []
        var awards: [RecordLoader.AwardRow] = []
        for (id, history) in zip(ids, histories) {
            for year in history.years {
                assessments.append(
                    .init(
                        subject: .person(id),
                        draft: AssessmentDraft(year: year.year, rating: year.rating, discipline: year.discipline, notes: nil)))
            }
            let distinct = Set(history.awards.map { AwardKey(code: $0.code, year: $0.year) })
            for award in distinct.sorted(by: { ($0.year, $0.code) < ($1.year, $1.code) }) {
                awards.append(
                    .init(
                        subject: .person(id),
                        draft: AwardDraft(
                            code: award.code, year: award.year, kind: .merit, decisionNumber: nil, decisionDate: nil, authority: nil)))
            }
        }
        let loaded = (assessments, awards)
        try await database.transaction { db in
            try await RecordLoader.load(db, .assessments(loaded.0))
            try await RecordLoader.load(db, .awards(loaded.1))
        }
        figures.writeSeconds = seconds(since: start)
        figures.assessmentRows = assessments.count
        figures.awardRows = awards.count
        let loading = ContinuousClock.now
        let subjects = try await HistoryStore(database: database).people(inSubtreeOf: rootUnitId, as: identity)
        figures.loadSeconds = seconds(since: loading)
        let checking = ContinuousClock.now
        let counts = await BatchCheck.checkAll(subjects.map(\.history), workers: ProcessInfo.processInfo.activeProcessorCount)
        figures.checkSeconds = seconds(since: checking)
        figures.checks = counts.checks
        return figures
    }

    private struct AwardKey: Hashable {
        let code: String
        let year: Int
    }

    /// Removes the synthetic records again, so later scenarios start from the same state: they are
    /// the only records of the bench's fresh database.
    static func clear(_ database: LaurelDatabase) async throws {
        try await database.transaction { db in
            try await db.delete(from: "assessments").run()
            try await db.delete(from: "awards").run()
        }
    }

    func line() -> String {
        String(
            format: "eligibility (from %@) | %d people, %d assessments, %d awards | write %.1f s | load %.2f s | check %.2f s | %d checks",
            database, people, assessmentRows, awardRows, writeSeconds, loadSeconds, checkSeconds, checks)
    }
}
