import LaurelStore
import ServiceLifecycle

/// The database as a service of the application's group: its connection pool runs before the
/// server takes requests (migrations and the demo run in `beforeServerStarts`), and it is closed
/// only after the server has stopped, because a group shuts its services down in reverse order.
public struct DatabaseService: Service {
    let database: LaurelDatabase

    public init(_ database: LaurelDatabase) { self.database = database }

    public func run() async throws {
        // PostgreSQL's pool runs until cancelled; SQLite has no pool and returns at once. Either way
        // the service lives until the group shuts down, so that its return does not end the group.
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        await database.close()
    }
}
