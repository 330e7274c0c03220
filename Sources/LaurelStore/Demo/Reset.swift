import SQLKit

/// Empties a PostgreSQL database used for benchmarks or tests (never a user's database: callers
/// only pass databases named for that purpose).
public enum Reset {
    public static func dropEverything(_ database: LaurelDatabase) async throws {
        try await database.transaction { db in
            try await db.raw("DROP SCHEMA public CASCADE").run()
            try await db.raw("CREATE SCHEMA public").run()
        }
    }
}
