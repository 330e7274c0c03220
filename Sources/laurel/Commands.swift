import ArgumentParser
import Foundation
import Hummingbird
import LaurelDomain
import LaurelServer
import LaurelStore
import Logging

/// Prints a line at once, even when standard output is a pipe (the README's commands are piped in CI).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate the database, seed the demo when it is empty, and serve the web pages and the API.")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "Address to listen on.") var hostname = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on.") var port = 8080
    @Flag(name: .customLong("no-demo"), help: "Do not seed the demo organisation into an empty database.") var noDemo = false
    @Flag(name: .customLong("secure-cookies"), help: "Mark cookies Secure (when served over TLS).") var secureCookies = false

    func run() async throws {
        let logger = Logger(label: "laurel")
        let configuration = AppConfiguration(hostname: hostname, port: port, secureCookies: secureCookies)
        let location = DatabaseLocation.resolve(path: options.database, environment: ProcessInfo.processInfo.environment)
        let database = try await LaurelDatabase.open(location, logger: logger)
        let dependencies = try await AppDependencies.make(database: database, configuration: configuration)
        var app = try buildApplication(dependencies, configuration: configuration, logger: logger)
        // The group runs the database first and stops it last; migrations and the demo need its
        // pool running and must be done before the first request.
        app.addServices(DatabaseService(database))
        let seedDemo = !noDemo
        let address = "http://\(hostname):\(port)/"
        app.beforeServerStarts {
            let applied = try await Migrator.migrate(database)
            if !applied.isEmpty { say("Migrated: \(applied.joined(separator: ", "))") }
            if seedDemo, try await DemoSeeder.isEmpty(database) {
                try await DemoSeeder.seed(database, hash: dependencies.auth.hash)
                say("Seeded the demo organisation. Demo accounts (username / password):")
                for account in DemoSeeder.accounts {
                    let username = account.username.padding(toLength: 16, withPad: " ", startingAt: 0)
                    let password = account.password.padding(toLength: 14, withPad: " ", startingAt: 0)
                    say("  \(username) \(password) \(account.role.rawValue) of \(account.unitCode)")
                }
            }
            say("Laurel is running at \(address)  (Ctrl-C to stop)")
        }
        try await app.runService()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply the schema migrations that are not applied yet.")
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await withDatabase(options, logger: Logger(label: "laurel")) { database in
            let applied = try await Migrator.migrate(database)
            say(applied.isEmpty ? "The database is up to date." : "Applied: \(applied.joined(separator: ", "))")
        }
    }
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo organisation into an empty database.")
    @OptionGroup var options: DatabaseOptions
    @Flag(name: .long, help: "Load the demo organisation (units, people, accounts).") var demo = false

    func run() async throws {
        guard demo else { throw ValidationError("Say what to seed: --demo") }
        try await withDatabase(options, logger: Logger(label: "laurel")) { database in
            try await Migrator.migrate(database)
            guard try await DemoSeeder.isEmpty(database) else {
                say("The database already has units: nothing seeded.")
                throw ExitCode(1)
            }
            let auth = AuthService(accounts: AccountStore(database: database), bcryptCost: AppConfiguration().bcryptCost)
            try await DemoSeeder.seed(database, hash: auth.hash)
            say("Seeded the demo organisation.")
        }
    }
}

struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin", abstract: "Create an administrator account (prompts for the password when it is left out).")
    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "Username (lowercase letters, digits, . _ -).") var username: String
    @Option(
        name: .long,
        help:
            "Password (at least \(AuthService.minimumPasswordLength) characters, at most \(AuthService.maximumPasswordBytes) UTF-8 bytes).")
    var password: String?
    @Option(name: .long, help: "Code of the unit the admin belongs to (default: the first top-level unit, created when there is none).")
    var unit: String?

    func run() async throws {
        let secret: String
        if let password {
            secret = password
        } else {
            guard let typed = readSecret(prompt: "Password for \(username): ") else { throw ValidationError("No password given.") }
            secret = typed
        }
        var errors: [DomainError] = []
        let name = AuthService.checkUsername(username, into: &errors)
        _ = AuthService.checkPassword(secret, into: &errors)
        guard errors.isEmpty else {
            // The server's own messages: English, or Vietnamese when the terminal's language is.
            let localisation = try Localisation.load()
            let locale: AppLocale = ProcessInfo.processInfo.environment["LANG"]?.lowercased().hasPrefix("vi") == true ? .vi : .en
            throw ValidationError(errors.map { "\($0.field ?? ""): \(localisation.message($0, locale))" }.joined(separator: "; "))
        }
        try await withDatabase(options, logger: Logger(label: "laurel")) { database in
            try await Migrator.migrate(database)
            let auth = AuthService(accounts: AccountStore(database: database), bcryptCost: AppConfiguration().bcryptCost)
            let unitId = try await AdminBootstrap.unitForAdmin(database, code: unit)
            let account = try await AccountStore(database: database).create(
                AccountDraft(username: name, passwordHash: try await auth.hash(secret), role: .admin, unitId: unitId, personId: nil),
                as: nil)
            say("Created administrator \(account.username) (id \(account.id)).")
        }
    }

    /// Reads the password without echoing it when a terminal is attached; from a pipe, reads a line.
    func readSecret(prompt: String) -> String? {
        if isatty(STDIN_FILENO) != 0, let typed = getpass(prompt) {
            return String(cString: typed)
        }
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return readLine(strippingNewline: true)
    }
}

/// Opens the database named by the options, keeps its connection pool running while `body` runs,
/// and closes it afterwards.
func withDatabase(
    _ options: DatabaseOptions, logger: Logger, _ body: @escaping @Sendable (LaurelDatabase) async throws -> Void
) async throws {
    let location = DatabaseLocation.resolve(path: options.database, environment: ProcessInfo.processInfo.environment)
    let database = try await LaurelDatabase.open(location, logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await database.run() }
        do {
            try await body(database)
        } catch {
            group.cancelAll()
            await database.close()
            throw error
        }
        group.cancelAll()
        await database.close()
    }
}
