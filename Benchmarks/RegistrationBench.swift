import Foundation
import LaurelDomain
import LaurelStore
import SQLKit

/// The registrations scenario of `laurel bench`: every unit of the province registers a collective
/// title and every person an individual one; then the province-wide list (first page, a deep page,
/// everything as the export reads it) and a unit's dashboard work list are timed.
enum RegistrationBench {
    struct Figures: Codable {
        var rows = 0, insertSeconds = 0.0
        var firstPageMillis = 0.0, deepPageMillis = 0.0, exportAllSeconds = 0.0, exportRows = 0
        var workListMillis = 0.0
    }

    static func run(_ database: LaurelDatabase, as identity: Identity, provinceId: Int64, year: Int = 2026) async throws -> Figures {
        var f = Figures()
        let start = ContinuousClock.now
        f.rows = try await database.transaction { db in
            struct Person: Decodable {
                let id: Int64
                let unitId: Int64
            }
            let people = try await db.select().columns("id", "unit_id").from("people").all(
                decoding: Person.self, keyDecodingStrategy: .convertFromSnakeCase)
            let units = try await db.select().column("id").from("units").all(decodingColumn: "id", as: Int64.self)
            var rows: [[any SQLExpression]] = units.map {
                [SQLBind($0), SQLBind(year), SQLLiteral.null, SQLBind("TTLDTT"), SQLBind("2026-02-01"), SQLBind(false)]
            }
            rows += people.enumerated().map { index, person in
                [
                    SQLBind(person.unitId), SQLBind(year), SQLBind(person.id), SQLBind(index % 5 == 0 ? "CSTDCS" : "LDTT"),
                    SQLBind("2026-02-01"), SQLBind(false),
                ]
            }
            // Chunks stay under SQLite's limit on bound values.
            for chunk in stride(from: 0, to: rows.count, by: 5_000) {
                var insert = db.insert(into: "registrations").columns("unit_id", "year", "person_id", "code", "registered_on", "late")
                for row in rows[chunk..<min(chunk + 5_000, rows.count)] { insert = insert.values(row) }
                try await insert.run()
            }
            return rows.count
        }
        // As autovacuum would after a bulk load: without statistics PostgreSQL plans the join as
        // if the table were empty (a province's first page took 128 ms instead of a few).
        if database.dialect == .postgres { try await database.transaction { db in try await db.raw("ANALYZE registrations").run() } }
        f.insertSeconds = seconds(since: start)
        let store = RegistrationStore(database: database)
        let filter = RegistrationFilter(year: year, unitId: provinceId)
        f.firstPageMillis = try await median(runs: 10) { _ = try await store.list(filter, paging: Paging(page: 1, per: 100), as: identity) }
        let total = try await store.list(filter, paging: Paging(page: 1, per: 1), as: identity).total
        let deep = max(1, (total + 99) / 100)
        f.deepPageMillis = try await median(runs: 10) {
            _ = try await store.list(filter, paging: Paging(page: deep, per: 100), as: identity)
        }
        let export = ContinuousClock.now
        f.exportRows = try await store.all(filter, as: identity).count
        f.exportAllSeconds = seconds(since: export)
        // A department's officer opening the dashboard.
        let department = try await database.read { db in
            try await db.select().column("id").from("units").where("parent_id", .equal, SQLBind(provinceId)).orderBy("id").limit(1)
                .first(decodingColumn: "id", as: Int64.self)
        }
        if let department {
            var account = identity.account
            account.unitId = department
            account.role = .officer
            let officer = Identity(account: account, scope: .subtree(UnitPath(value: "/")), scopeRootId: department)
            let work = WorkListStore(database: database)
            let today = CalendarDate(year: year, month: 2, day: 15)!
            f.workListMillis = try await median(runs: 20) { _ = try await work.items(for: officer, today: today) }
        }
        return f
    }
}
