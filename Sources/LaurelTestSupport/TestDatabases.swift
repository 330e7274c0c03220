import Foundation
import LaurelDomain
import LaurelStore
import Logging
import SQLKit

/// Fresh, migrated databases for tests: a new SQLite file per test always, and a new PostgreSQL
/// database per test (cloned from a migrated template) when `LAUREL_TEST_POSTGRES_URL` is set.
public enum TestDatabases {
    public enum Kind: String, Sendable, CustomStringConvertible, CaseIterable {
        case sqlite, postgres
        public var description: String { rawValue }
    }

    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["LAUREL_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// The databases the suite runs on here.
    public static var kinds: [Kind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public static var postgresConfigured: Bool { postgresURL != nil }

    static let logger: Logger = {
        var logger = Logger(label: "laurel-test")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs `body` with a fresh migrated database of that kind, removed afterwards.
    public static func with<T: Sendable>(_ kind: Kind, _ body: @escaping @Sendable (LaurelDatabase) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            let path = NSTemporaryDirectory() + "laurel-test-\(UUID().uuidString).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            return try await run(.sqlite(path: path), migrate: true, body)
        case .postgres:
            guard let url = postgresURL else { throw TestDatabaseError("LAUREL_TEST_POSTGRES_URL is not set") }
            let name: String
            do {
                name = try await PostgresTemplate.shared.clone(adminURL: url)
            } catch {
                // PostgresNIO hides details from `description`; a failing test needs them.
                throw TestDatabaseError(String(reflecting: error))
            }
            do {
                let result = try await run(.postgres(url: PostgresTemplate.url(url, database: name)), migrate: false, body)
                try? await PostgresTemplate.shared.drop(name, adminURL: url)
                return result
            } catch {
                try? await PostgresTemplate.shared.drop(name, adminURL: url)
                throw error
            }
        }
    }

    static func run<T: Sendable>(
        _ location: DatabaseLocation, migrate: Bool, _ body: @escaping @Sendable (LaurelDatabase) async throws -> T
    ) async throws -> T {
        let database = try await LaurelDatabase.open(location, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            do {
                if migrate { try await Migrator.migrate(database) }
                let result = try await body(database)
                group.cancelAll()
                await database.close()
                return result
            } catch {
                group.cancelAll()
                await database.close()
                throw error
            }
        }
    }
}

public struct TestDatabaseError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Migrates one template database per test run and clones it for each test (much faster than
/// migrating every time). Refuses any host but this machine: tests must never touch a real server.
actor PostgresTemplate {
    static let shared = PostgresTemplate()
    /// One creation shared by every test: the actor is reentrant across awaits, so the task
    /// itself is what is remembered.
    private var template: Task<String, any Error>?

    static func url(_ url: String, database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + database
        return components.string ?? url
    }

    func clone(adminURL: String) async throws -> String {
        guard let host = URLComponents(string: adminURL)?.host, ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) else {
            throw TestDatabaseError("LAUREL_TEST_POSTGRES_URL must point at this machine")
        }
        let template = try await templateName(adminURL: adminURL)
        let name = "laurel_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await admin(adminURL) { db in try await db.raw("CREATE DATABASE \(ident: name) TEMPLATE \(ident: template)").run() }
        return name
    }

    func drop(_ name: String, adminURL: String) async throws {
        try await admin(adminURL) { db in try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
    }

    private func templateName(adminURL: String) async throws -> String {
        if let template { return try await template.value }
        let task = Task {
            let name = "laurel_template_\(ProcessInfo.processInfo.processIdentifier)"
            try await self.admin(adminURL) { db in
                try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
                try await db.raw("CREATE DATABASE \(ident: name)").run()
            }
            _ = try await TestDatabases.run(.postgres(url: Self.url(adminURL, database: name)), migrate: true) { _ in }
            return name
        }
        template = task
        return try await task.value
    }

    private func admin(_ url: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        let database = try await LaurelDatabase.open(.postgres(url: url), logger: TestDatabases.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            try await database.read { db in try await body(db) }
        }
    }
}

/// Identities to act as in tests.
public enum TestIdentities {
    public static func admin(_ id: Int64 = 1) -> Identity {
        Identity(
            account: Account(id: id, username: "admin", role: .admin, unitId: 1, personId: nil, active: true), scope: .everything,
            scopeRootId: nil)
    }

    public static func scoped(_ role: Role, to unit: OrgUnit, id: Int64 = 99) -> Identity {
        Identity(
            account: Account(id: id, username: "\(role.rawValue)\(unit.id)", role: role, unitId: unit.id, personId: nil, active: true),
            scope: .subtree(unit.unitPath), scopeRootId: unit.id)
    }
}
