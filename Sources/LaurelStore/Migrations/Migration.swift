import SQLKit

/// A numbered schema change. Migrations are never edited once landed: a change is a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    let apply: @Sendable (any SQLDatabase, LaurelDatabase.Dialect) async throws -> Void

    /// `column IN ('a','b')`. The values are a migration's own literal lists, never user input,
    /// and never a live enum's `allCases`: what a migration allows is fixed when it lands.
    static func check(_ column: String, _ values: [String]) -> SQLColumnConstraintAlgorithm {
        .check(SQLRaw("\(column) IN (" + values.map { "'\($0)'" }.joined(separator: ",") + ")"))
    }
}

/// Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
public enum Migrator {
    public static let all: [Migration] = [
        CreateOrganisation.migration,
        CreateRecords.migration,
        CreateMovementsAndClusters.migration,
        AttachFilesToReports.migration,
        CreateNominations.migration,
    ]

    /// Returns the names of the migrations it applied. `lastVersion` stops after that migration (the
    /// schema tests build a database as it stood at each version, then upgrade it).
    @discardableResult
    public static func migrate(_ database: LaurelDatabase, through lastVersion: Int = .max) async throws -> [String] {
        try await database.transaction { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .text, .notNull)
                .run()
        }
        let applied = try await database.read { db in
            try await db.select().column("version").from("schema_migrations").all(decodingColumn: "version", as: Int.self)
        }
        var done: [String] = []
        for migration in all where migration.version <= lastVersion && !applied.contains(migration.version) {
            let dialect = database.dialect
            try await database.transaction { db in
                try await migration.apply(db, dialect)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Clock.timestamp()))
                    .run()
            }
            done.append("\(migration.version)_\(migration.name)")
        }
        return done
    }
}
