import ArgumentParser

@main
struct Laurel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laurel",
        abstract: "Laurel — emulation and commendation management (quản lý thi đua, khen thưởng).",
        subcommands: [Serve.self, Migrate.self, Seed.self, CreateAdmin.self, Check.self, Bench.self],
        defaultSubcommand: Serve.self
    )
}

/// `--database PATH` for SQLite; otherwise `DATABASE_URL` (postgres://…); otherwise ./laurel.sqlite.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite database file (default ./laurel.sqlite, or DATABASE_URL when set).")
    var database: String?
}
