import AsyncHTTPClient
import Foundation
import Hummingbird
import LaurelDomain
import LaurelServer
import LaurelStore
import Logging
import NIOCore

/// The benchmark: builds a synthetic province in a fresh database (a temporary SQLite file, and
/// PostgreSQL too when `LAUREL_BENCH_POSTGRES_URL` is set), then times the hot paths.
public struct BenchRunner {
    let units: Int, people: Int, requests: Int, concurrency: Int, seed: UInt64, database: String?

    public init(units: Int, people: Int, requests: Int, concurrency: Int, seed: UInt64, database: String?) {
        self.units = units
        self.people = people
        self.requests = requests
        self.concurrency = concurrency
        self.seed = seed
        self.database = database
    }

    struct Figures: Codable {
        var database = ""
        var units = 0, people = 0
        var generateSeconds = 0.0, insertSeconds = 0.0, insertRowsPerSecond = 0.0
        var subtreeMillis = 0.0, subtreeUnits = 0, scopedCountMillis = 0.0
        var searchMillis = 0.0, searchHits = 0
        var apiRequests = 0, apiConcurrency = 0, apiRequestsPerSecond = 0.0
        var apiP50Millis = 0.0, apiP95Millis = 0.0, apiP99Millis = 0.0, apiErrors = 0
        /// The import scenario: a 100,000-row assessments XLSX, dry run then import.
        var importFigures: ImportBench.Figures?
        /// The clusters scenario: 30 clusters of 9 members, 60 criteria: score writes and rankings.
        var clusterFigures: ClusterBench.Figures?
        /// The registrations scenario: one registration a unit and a person, listed and exported; a work list.
        var registrationFigures: RegistrationBench.Figures?
        /// Every title and form judged from the records in the database (10 years per person).
        var historyFigures: HistoryFigures?
    }

    public struct Report: Codable {
        var machine: String
        var results: [Figures]

        public func table() -> String {
            var lines = ["Laurel bench — \(machine)", ""]
            let columns = [
                "database", "units", "people", "generate s", "insert s", "rows/s", "subtree ms", "scoped count ms", "search ms",
                "API req/s", "p50 ms", "p95 ms", "p99 ms", "errors",
            ]
            lines.append(columns.joined(separator: " | "))
            for f in results {
                lines.append(
                    [
                        f.database, "\(f.units)", "\(f.people)", fmt(f.generateSeconds), fmt(f.insertSeconds),
                        fmt(f.insertRowsPerSecond, 0),
                        fmt(f.subtreeMillis), fmt(f.scopedCountMillis), fmt(f.searchMillis), fmt(f.apiRequestsPerSecond, 0),
                        fmt(f.apiP50Millis), fmt(f.apiP95Millis), fmt(f.apiP99Millis), "\(f.apiErrors)",
                    ].joined(separator: " | "))
            }
            for f in results {
                if let h = f.historyFigures { lines.append(h.line()) }
                if let i = f.importFigures {
                    lines.append(
                        "import \(f.database): \(i.rows) assessment rows, XLSX \(fmt(Double(i.fileBytes) / 1_048_576)) MiB written in \(fmt(i.writeSeconds)) s, "
                            + "dry run \(fmt(i.dryRunSeconds)) s, import \(fmt(i.importSeconds)) s, \(i.errors) errors; "
                            + "\(i.otherWrites) other writes meanwhile, the longest waited \(fmt(i.otherWriteMaxSeconds)) s")
                }
            }
            for f in results {
                if let c = f.clusterFigures {
                    lines.append(
                        "clusters \(f.database): \(c.clusters) × \(c.members) members × \(c.criteria) criteria, set up in \(fmt(c.setupSeconds)) s; "
                            + "\(c.scoreWrites) score writes in \(fmt(c.writeSeconds)) s (median \(fmt(c.writeMedianMillis)) ms, p95 \(fmt(c.writeP95Millis)) ms); "
                            + "ranking of every cluster \(fmt(c.rankingAllMillis)) ms (median \(fmt(c.rankingMedianMillis)) ms)")
                }
                if let r = f.registrationFigures {
                    lines.append(
                        "registrations \(f.database): \(r.rows) rows inserted in \(fmt(r.insertSeconds)) s; province list first page \(fmt(r.firstPageMillis)) ms, "
                            + "last page \(fmt(r.deepPageMillis)) ms; all \(r.exportRows) rows read for export in \(fmt(r.exportAllSeconds)) s; "
                            + "a department's work list \(fmt(r.workListMillis)) ms")
                }
            }
            return lines.joined(separator: "\n")
        }

        func json() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return try encoder.encode(self)
        }

        func fmt(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
    }

    public func run() async throws -> Report {
        var logger = Logger(label: "laurel-bench")
        logger.logLevel = .warning
        var results: [Figures] = []
        let path = database ?? NSTemporaryDirectory() + "laurel-bench-\(UUID().uuidString).sqlite"
        if database != nil, FileManager.default.fileExists(atPath: path) {
            throw BenchError("Refusing to benchmark into an existing database file: \(path)")
        }
        results.append(try await measure(.sqlite(path: path), label: "sqlite", logger: logger))
        // A database the user named is kept for inspection; a temporary one is removed.
        if database == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        if let url = ProcessInfo.processInfo.environment["LAUREL_BENCH_POSTGRES_URL"], !url.isEmpty {
            results.append(try await measure(.postgres(url: url), label: "postgresql", logger: logger))
        }
        return Report(
            machine: "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB",
            results: results)
    }

    struct BenchError: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    func measure(_ location: DatabaseLocation, label: String, logger: Logger) async throws -> Figures {
        let database = try await LaurelDatabase.open(location, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            let figures = try await measure(database, label: label, logger: logger)
            await database.close()
            return figures
        }
    }

    func measure(_ database: LaurelDatabase, label: String, logger: Logger) async throws -> Figures {
        var f = Figures()
        f.database = label
        if database.dialect == .postgres { try await Reset.dropEverything(database) }
        try await Migrator.migrate(database)
        let code = "BENCH\(seed)"
        var clock = ContinuousClock.now
        let org = SyntheticOrganisation.province(code: code, unitCount: units, peopleCount: people, seed: seed)
        f.generateSeconds = seconds(since: clock)
        f.units = org.units.count
        f.people = org.people.count
        clock = .now
        let ids = try await database.transaction { db in
            let ids = try await BulkLoader.insertUnits(db, org.units)
            try await BulkLoader.insertPeople(db, org.people, unitIds: ids)
            return ids
        }
        f.insertSeconds = seconds(since: clock)
        f.insertRowsPerSecond = Double(org.units.count + org.people.count) / max(f.insertSeconds, 1e-9)

        // An admin to act as, and its token for the API.
        let auth = AuthService(accounts: AccountStore(database: database), bcryptCost: 4)
        let admin = try await AccountStore(database: database).create(
            AccountDraft(
                username: "bench.admin", passwordHash: try await auth.hash("bench-password"), role: .admin, unitId: ids[code]!,
                personId: nil), as: nil)
        let identity = Identity(account: admin, scope: .everything, scopeRootId: nil)
        let unitStore = UnitStore(database: database)
        let personStore = PersonStore(database: database)

        let department = ids["\(code)-D0"]!
        f.subtreeMillis = try await median(runs: 20) { _ = try await unitStore.subtree(of: department, as: identity) }
        f.subtreeUnits = try await unitStore.subtree(of: department, as: identity).count
        let officer = Identity(
            account: admin, scope: .subtree(UnitPath(value: try await unitStore.get(department, as: identity).path)),
            scopeRootId: department)
        f.scopedCountMillis = try await median(runs: 20) { _ = try await personStore.count(as: officer) }
        f.searchMillis = try await median(runs: 20) {
            _ = try await personStore.list(PersonFilter(query: "nguyen van an"), paging: Paging(page: 1, per: 50), as: identity)
        }
        f.searchHits = try await personStore.list(PersonFilter(query: "nguyen van an"), paging: Paging(page: 1, per: 1), as: identity).total
        f.historyFigures = try await HistoryFigures.measure(
            database, label: label, rootUnitId: ids[code]!, identity: identity, years: 10, seed: seed)
        try await HistoryFigures.clear(database)
        f.importFigures = try await ImportBench.run(database, as: identity, rows: 100_000)
        f.clusterFigures = try await ClusterBench.run(database, as: identity, seed: seed)
        f.registrationFigures = try await RegistrationBench.run(database, as: identity, provinceId: ids[code]!)
        try await loadTest(database: database, into: &f, logger: logger)
        return f
    }

    /// Serves the app on a loopback port and sends `requests` people-list requests from
    /// `concurrency` clients, recording each latency.
    func loadTest(database: LaurelDatabase, into f: inout Figures, logger: Logger) async throws {
        let port = Int.random(in: 20000...29999)
        let configuration = AppConfiguration(hostname: "127.0.0.1", port: port, bcryptCost: 4)
        let dependencies = try await AppDependencies.make(database: database, configuration: configuration)
        // The server is stopped by cancelling it once the load is sent, which Hummingbird logs as
        // an error; failed requests are counted from the responses instead.
        var serverLogger = logger
        serverLogger.logLevel = .critical
        let app = try buildApplication(dependencies, configuration: configuration, logger: serverLogger)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let base = "http://127.0.0.1:\(port)"
        let total = requests
        let clients = concurrency
        let result = try await withThrowingTaskGroup(of: Void.self) { group -> (Double, [Double], Int) in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            var token = ""
            for _ in 0..<100 {
                if let t = try? await Self.token(client, base) {
                    token = t
                    break
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            guard !token.isEmpty else { throw BenchError("the server did not start") }
            let bearer = "Bearer \(token)"
            let start = ContinuousClock.now
            let outcome = try await withThrowingTaskGroup(of: ([Double], Int).self) { load in
                for worker in 0..<clients {
                    load.addTask {
                        var latencies: [Double] = []
                        var errors = 0
                        var index = worker
                        while index < total {
                            var request = HTTPClientRequest(
                                url: "\(base)/api/v1/people?page=\(index % 200 + 1)&per=50" + (index % 4 == 0 ? "&q=nguyen" : ""))
                            request.headers.add(name: "Authorization", value: bearer)
                            let t0 = ContinuousClock.now
                            let response = try await client.execute(request, timeout: .seconds(30))
                            _ = try await response.body.collect(upTo: 10 << 20)
                            let elapsed = ContinuousClock.now - t0
                            latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                            if response.status != .ok { errors += 1 }
                            index += clients
                        }
                        return (latencies, errors)
                    }
                }
                var all: [Double] = []
                var errors = 0
                for try await (latencies, e) in load {
                    all += latencies
                    errors += e
                }
                return (all, errors)
            }
            return (seconds(since: start), outcome.0.sorted(), outcome.1)
        }
        try await client.shutdown()
        let (elapsed, latencies, errors) = result
        f.apiRequests = latencies.count
        f.apiConcurrency = concurrency
        f.apiErrors = errors
        f.apiRequestsPerSecond = Double(latencies.count) / max(elapsed, 1e-9)
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        f.apiP50Millis = percentile(0.50)
        f.apiP95Millis = percentile(0.95)
        f.apiP99Millis = percentile(0.99)
    }

    static func token(_ client: HTTPClient, _ base: String) async throws -> String {
        var request = HTTPClientRequest(url: "\(base)/api/v1/auth/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"username":"bench.admin","password":"bench-password"}"#))
        let response = try await client.execute(request, timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 16)
        struct Token: Decodable { let token: String }
        return try JSONDecoder().decode(Token.self, from: Data(buffer: body)).token
    }

}
