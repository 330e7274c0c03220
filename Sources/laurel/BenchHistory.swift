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
        let now = marker
        let (assessments, awards) = try await database.transaction { db -> (Int, Int) in
            var assessmentCount = 0
            var awardCount = 0
            var assessmentInsert: SQLInsertBuilder?
            var awardInsert: SQLInsertBuilder?
            var pendingAssessments = 0
            var pendingAwards = 0
            for (id, history) in zip(ids, histories) {
                for year in history.years {
                    if assessmentInsert == nil {
                        assessmentInsert = db.insert(into: "assessments").columns(
                            "person_id", "year", "rating", "discipline", "source", "created_at", "updated_at")
                    }
                    assessmentInsert = assessmentInsert!.values(
                        SQLBind(id), SQLBind(year.year), SQLBind(year.rating.rawValue), SQLBind(year.discipline?.rawValue),
                        SQLBind("imported"), SQLBind(now), SQLBind(now))
                    pendingAssessments += 1
                    if pendingAssessments == 500 {
                        try await assessmentInsert!.run()
                        assessmentInsert = nil
                        assessmentCount += pendingAssessments
                        pendingAssessments = 0
                    }
                }
                for award in Set(history.awards.map { "\($0.code)|\($0.year)" }).sorted() {
                    let parts = award.split(separator: "|")
                    if awardInsert == nil {
                        awardInsert = db.insert(into: "awards").columns(
                            "person_id", "code", "year", "kind", "source", "status", "created_at", "updated_at")
                    }
                    awardInsert = awardInsert!.values(
                        SQLBind(id), SQLBind(String(parts[0])), SQLBind(Int(parts[1])!), SQLBind("merit"), SQLBind("imported"),
                        SQLBind("valid"), SQLBind(now), SQLBind(now))
                    pendingAwards += 1
                    if pendingAwards == 500 {
                        try await awardInsert!.run()
                        awardInsert = nil
                        awardCount += pendingAwards
                        pendingAwards = 0
                    }
                }
            }
            if let assessmentInsert {
                try await assessmentInsert.run()
                assessmentCount += pendingAssessments
            }
            if let awardInsert {
                try await awardInsert.run()
                awardCount += pendingAwards
            }
            return (assessmentCount, awardCount)
        }
        figures.writeSeconds = seconds(since: start)
        figures.assessmentRows = assessments
        figures.awardRows = awards
        let loading = ContinuousClock.now
        let subjects = try await HistoryStore(database: database).people(inSubtreeOf: rootUnitId, as: identity)
        figures.loadSeconds = seconds(since: loading)
        let checking = ContinuousClock.now
        let counts = await SyntheticHistories.checkAll(subjects.map(\.history), workers: ProcessInfo.processInfo.activeProcessorCount)
        figures.checkSeconds = seconds(since: checking)
        figures.checks = counts.checks
        return figures
    }

    /// Removes the synthetic records again, so later scenarios start from the same state.
    static func clear(_ database: LaurelDatabase) async throws {
        try await database.transaction { db in
            try await db.delete(from: "assessments").where("created_at", .equal, SQLBind(marker)).run()
            try await db.delete(from: "awards").where("created_at", .equal, SQLBind(marker)).run()
        }
    }

    static let marker = "2026-01-01T00:00:00.000Z"

    func line() -> String {
        String(
            format: "eligibility (from %@) | %d people, %d assessments, %d awards | write %.1f s | load %.2f s | check %.2f s | %d checks",
            database, people, assessmentRows, awardRows, writeSeconds, loadSeconds, checkSeconds, checks)
    }
}
