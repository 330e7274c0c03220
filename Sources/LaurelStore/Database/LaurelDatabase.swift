import Foundation
import LaurelDomain
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import Synchronization

/// Which SQL database Laurel runs on. Both run the same migrations and the same queries.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `DATABASE_URL` (postgres://…) wins over a path; the default is `./laurel.sqlite`.
    public static func resolve(path: String?, environment: [String: String]) -> DatabaseLocation {
        if let path { return .sqlite(path: path) }
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("sqlite://") { return .sqlite(path: String(url.dropFirst("sqlite://".count))) }
            return .postgres(url: url)
        }
        return .sqlite(path: "laurel.sqlite")
    }

    public var isPostgres: Bool { if case .postgres = self { true } else { false } }
}

public enum DatabaseError: Error, CustomStringConvertible {
    case badURL(String)
    public var description: String {
        switch self {
        case .badURL(let url): "not a PostgreSQL URL: \(url.prefix(12))…"
        }
    }
}

/// The one door to the database: reads run on a pooled connection, writes run inside a
/// transaction on one connection. On SQLite, writes are serialised through a single writer
/// connection (SQLite allows one writer at a time; WAL lets readers go on meanwhile).
public final class LaurelDatabase: Sendable {
    public enum Dialect: Sendable { case sqlite, postgres }

    public let dialect: Dialect
    let logger: Logger
    private let backend: Backend

    private enum Backend: Sendable {
        case sqlite(writer: SQLiteConnection, writeLock: AsyncLock, readers: [SQLiteConnection], next: RoundRobin)
        case postgres(client: PostgresClient)
    }

    /// Opens the database. For PostgreSQL, `run()` must be running (as a service) for queries to go through.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> LaurelDatabase {
        switch location {
        case .sqlite(let path):
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA busy_timeout=10000", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"] {
                _ = try await writer.query(pragma)
            }
            var readers: [SQLiteConnection] = []
            for _ in 0..<4 {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                _ = try await reader.query("PRAGMA busy_timeout=10000")
                _ = try await reader.query("PRAGMA foreign_keys=ON")
                readers.append(reader)
            }
            return LaurelDatabase(
                dialect: .sqlite, logger: logger,
                backend: .sqlite(writer: writer, writeLock: AsyncLock(), readers: readers, next: RoundRobin()))
        case .postgres(let url):
            guard let configuration = try? SQLPostgresConfiguration(url: url) else { throw DatabaseError.badURL(url) }
            let core = configuration.coreConfiguration
            var clientConfiguration: PostgresClient.Configuration
            if let host = core.host, let port = core.port {
                clientConfiguration = .init(
                    host: host, port: port, username: core.username, password: core.password,
                    database: core.database, tls: try PostgresTLSMode(url: url).clientTLS)
            } else if let socket = core.unixSocketPath {
                clientConfiguration = .init(
                    unixSocketPath: socket, username: core.username, password: core.password, database: core.database)
            } else {
                throw DatabaseError.badURL(url)
            }
            clientConfiguration.options.maximumConnections = 16
            let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
            return LaurelDatabase(dialect: .postgres, logger: logger, backend: .postgres(client: client))
        }
    }

    private init(dialect: Dialect, logger: Logger, backend: Backend) {
        self.dialect = dialect
        self.logger = logger
        self.backend = backend
    }

    /// Keeps the PostgreSQL pool alive; returns at once for SQLite. Run it in a task or as a service.
    public func run() async {
        switch backend {
        case .postgres(let client): await client.run()
        case .sqlite: break
        }
    }

    public func close() async {
        if case .sqlite(let writer, _, let readers, _) = backend {
            try? await writer.close()
            for reader in readers { try? await reader.close() }
        }
    }

    /// Runs `body` with a database for reading (no transaction is opened).
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            switch backend {
            case .sqlite(_, _, let readers, let next):
                return try await body(readers[next.next() % readers.count].sql(queryLogLevel: nil))
            case .postgres(let client):
                return try await client.withConnection { connection in
                    try await body(connection.sql(queryLogLevel: nil))
                }
            }
        } catch {
            throw Self.reported(error)
        }
    }

    /// Whether `writerStep` runs on the one writer connection (SQLite), so that a temporary table
    /// made in one step is there in the next and in a later `transaction`.
    public var hasSingleWriter: Bool { dialect == .sqlite }

    /// SQLite: runs `body` on the writer connection outside any transaction, holding the write lock
    /// only for this step, so other writers get in between steps. Meant for work on temporary tables
    /// (a staged import); elsewhere it is a transaction of its own.
    public func writerStep<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, let lock, _, _):
            return try await lock.withLock { try await body(writer.sql(queryLogLevel: nil)) }
        case .postgres:
            return try await transaction(body)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, let lock, _, _):
            // IMMEDIATE takes the write lock at once, so a transaction never fails half-way for want of it.
            return try await lock.withLock { try await Self.inTransaction(writer.sql(queryLogLevel: nil), begin: "BEGIN IMMEDIATE", body) }
        case .postgres(let client):
            return try await client.withConnection { try await Self.inTransaction($0.sql(queryLogLevel: nil), begin: "BEGIN", body) }
        }
    }
}

extension LaurelDatabase {
    /// `body` between `begin` and COMMIT, rolled back when it throws.
    fileprivate static func inTransaction<T: Sendable>(
        _ db: any SQLDatabase, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw Self.reported(error)
        }
    }

    /// A domain rule's refusal as the callers read it (`DomainError`, `ValidationErrors`): the rule
    /// states its own key, kind and field (`ReportableError`), so a store lets it through as it is.
    static func reported(_ error: any Error) -> any Error {
        (error as? any ReportableError)?.reported ?? error
    }
}

/// A FIFO async mutex: one holder at a time, waiters resumed in order.
final class AsyncLock: Sendable {
    private let state = Mutex<(locked: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state -> Bool in
                if state.locked {
                    state.waiters.append(continuation)
                    return false
                }
                state.locked = true
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.locked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}

final class RoundRobin: Sendable {
    private let counter = Mutex(0)
    func next() -> Int {
        counter.withLock {
            $0 &+= 1
            return $0 & Int.max
        }
    }
}
