import Foundation
import LaurelDomain
import LaurelTestSupport
import Logging
import SQLKit
import Testing

@testable import LaurelStore

/// Migrations are frozen statements of what changed then (docs/decisions.md): a database upgraded
/// one step at a time has exactly the schema of one created today, on both databases.
@Suite struct MigrationSchemaTests {
    @Test(arguments: TestDatabases.kinds)
    func anUpgradedDatabaseHasTheSchemaOfAFreshOne(kind: TestDatabases.Kind) async throws {
        let fresh = try await ScratchDatabase.with(kind) { location in
            try await ScratchDatabase.session(location) { db in
                let applied = try await Migrator.migrate(db)
                #expect(applied.count == Migrator.all.count)
                return try await SchemaDump.of(db)
            }
        }
        #expect(fresh.contains { $0.contains("audit_events") })
        // LAUREL_SCHEMA_DUMP=/tmp/x writes the dump, to compare the schema before and after a change.
        if let path = ProcessInfo.processInfo.environment["LAUREL_SCHEMA_DUMP"] {
            try (fresh.joined(separator: "\n") + "\n").write(toFile: "\(path)-\(kind).txt", atomically: true, encoding: .utf8)
        }
        // Stop after migration k (a database as it stood then), close it, reopen it as a later
        // release would and apply the rest.
        for k in Migrator.all.map(\.version).dropLast() {
            let upgraded = try await ScratchDatabase.with(kind) { location in
                let first = try await ScratchDatabase.session(location) { db in try await Migrator.migrate(db, through: k) }
                let rest = try await ScratchDatabase.session(location) { db in
                    let rest = try await Migrator.migrate(db)
                    #expect(try await Migrator.migrate(db).isEmpty, "a migrated database has nothing left to apply")
                    return rest
                }
                #expect(first.count == k && first.count + rest.count == Migrator.all.count)
                return try await ScratchDatabase.session(location) { db in try await SchemaDump.of(db) }
            }
            #expect(upgraded == fresh, "upgraded after migration \(k) differs: \(Self.difference(upgraded, fresh))")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theCatalogueSeededByMigration2IsItsFrozenRows(kind: TestDatabases.Kind) async throws {
        let rows = try await ScratchDatabase.with(kind) { location in
            try await ScratchDatabase.session(location) { db in
                try await Migrator.migrate(db, through: CreateRecords.migration.version)
                return try await Self.catalogueRows(db)
            }
        }
        if let path = ProcessInfo.processInfo.environment["LAUREL_SCHEMA_DUMP"] {
            let text = rows.map { "\($0)" }.joined(separator: "\n") + "\n"
            try text.write(toFile: "\(path)-catalogue-\(kind).txt", atomically: true, encoding: .utf8)
        }
        #expect(rows == CreateRecords.catalogueRows)
        #expect(rows.count == 24 && rows.map(\.position) == Array(0..<rows.count))
    }

    /// A change to the compiled catalogue is a new migration that writes it into `award_types`.
    @Test(arguments: TestDatabases.kinds)
    func theMigratedCatalogueIsTheCompiledOne(kind: TestDatabases.Kind) async throws {
        try await TestDatabases.with(kind) { db in
            let rows = try await Self.catalogueRows(db)
            let compiled = AwardCatalogue.standard.entries.enumerated().map { Self.row($1, position: $0) }
            #expect(
                rows == compiled,
                """
                AwardCatalogue.standard differs from the builtin rows of award_types: write a NEW migration that \
                inserts or updates those rows (never edit 0002_CatalogueRows.swift). \
                \(Self.difference(rows.map { "\($0)" }, compiled.map { "\($0)" }))
                """)
        }
    }

    /// Each CHECK list a migration froze, beside the domain enum it was copied from. A failure here
    /// means an enum gained (or lost) a case: the database still refuses it until a NEW migration
    /// widens the constraint; then add the new migration's list here in place of the old one.
    @Test func theFrozenEnumListsAreTheDomainsCasesToday() {
        func same(_ frozen: [String], _ today: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(
                frozen == today,
                """
                \(what): the migrations allow \(frozen), the domain has \(today). Write a NEW migration that changes \
                the CHECK constraint (never edit a landed one) and point this test at its list.
                """, sourceLocation: sourceLocation)
        }
        same(CreateOrganisation.unitKinds, UnitKind.allCases.map(\.rawValue), "units.kind / UnitKind")
        same(CreateOrganisation.unitLevels, UnitLevel.allCases.map(\.rawValue), "units.level / UnitLevel")
        same(CreateOrganisation.genders, Gender.allCases.map(\.rawValue), "people.gender / Gender")
        same(CreateOrganisation.staffCategories, StaffCategory.allCases.map(\.rawValue), "people.staff_category / StaffCategory")
        same(CreateOrganisation.roles, Role.allCases.map(\.rawValue), "accounts.role / Role")
        same(CreateRecords.awardCategories, AwardCategory.allCases.map(\.rawValue), "award_types.category / AwardCategory")
        same(CreateRecords.awardingLevels, AwardingLevel.allCases.map(\.rawValue), "award_types.awarding_level / AwardingLevel")
        same(CreateRecords.ratings, Rating.allCases.map(\.rawValue), "assessments.rating / Rating")
        same(CreateRecords.disciplines, Discipline.allCases.map(\.rawValue), "assessments.discipline / Discipline")
        same(CreateRecords.awardSources, AwardSource.allCases.map(\.rawValue), "source columns / AwardSource")
        same(CreateRecords.initiativeLevels, InitiativeLevel.allCases.map(\.rawValue), "initiatives.level / InitiativeLevel")
        same(CreateRecords.awardKinds, AwardKind.allCases.map(\.rawValue), "awards.kind / AwardKind")
        same(CreateRecords.awardStatuses, AwardStatus.allCases.map(\.rawValue), "awards.status / AwardStatus")
        same(CreateMovementsAndClusters.movementKinds, MovementKind.allCases.map(\.rawValue), "movements.kind / MovementKind")
        same(CreateMovementsAndClusters.movementStatuses, MovementStatus.allCases.map(\.rawValue), "movements.status / MovementStatus")
        same(CreateMovementsAndClusters.scoringModes, ScoringMode.allCases.map(\.rawValue), "seasons.mode / ScoringMode")
        same(
            CreateMovementsAndClusters.criterionKinds, ScoringCriterionKind.allCases.map(\.rawValue),
            "season_criteria.kind / ScoringCriterionKind")
        same(
            CreateMovementsAndClusters.ballotSubjectKinds, BallotDraft.SubjectKind.allCases.map(\.rawValue),
            "ballots.subject_kind / BallotDraft.SubjectKind")
        same(CreateMovementsAndClusters.clusterPosts, ClusterPost.allCases.map(\.rawValue), "ballots.post / ClusterPost")
        same(CreateNominations.councilRoles, CouncilRole.allCases.map(\.rawValue), "council_members.role / CouncilRole")
        same(CreateNominations.nominationKinds, NominationKind.allCases.map(\.rawValue), "nominations.kind / NominationKind")
        same(CreateNominations.nominationStatuses, NominationStatus.allCases.map(\.rawValue), "nominations.status / NominationStatus")
        same(CreateNominations.documentKinds, DocumentKind.allCases.map(\.rawValue), "nomination_documents.kind / DocumentKind")
        same(CreateNominations.eventKinds, NominationEvent.Kind.allCases.map(\.rawValue), "nomination_events.kind / NominationEvent.Kind")
        // Not domain enums: the API's cluster kinds, the token kinds, the score sheets and import
        // states are literal strings in their stores too; the lists are only frozen here.
        // Not CaseIterable: every frozen value at least still names a case.
        #expect(CreateMovementsAndClusters.seasonStatuses.allSatisfy { SeasonStatus(rawValue: $0) != nil })
        #expect(CreateMovementsAndClusters.targetDirections.allSatisfy { RegisteredTarget.Direction(rawValue: $0) != nil })
        // Subject kinds are stored as a comma-separated list, not checked; the frozen rows use today's codes.
        let kinds = Set(SubjectKind.allCases.map(\.rawValue))
        #expect(CreateRecords.catalogueRows.allSatisfy { $0.subjectKinds.split(separator: ",").allSatisfy { kinds.contains(String($0)) } })
    }

    // MARK: - Helpers

    static func catalogueRows(_ db: LaurelDatabase) async throws -> [CreateRecords.CatalogueRow] {
        try await db.read { db in
            try await db.select()
                .columns(
                    "code", "category", "name_vi", "name_en", "subject_kinds", "awarding_level", "annual",
                    "coefficient_individual", "coefficient_collective", "legal_basis", "rule_reference", "note", "position"
                )
                .from("award_types").where("builtin", .equal, SQLLiteral.boolean(true)).orderBy("position")
                .all().map { row in
                    CreateRecords.CatalogueRow(
                        code: try row.decode(column: "code", as: String.self),
                        category: try row.decode(column: "category", as: String.self),
                        nameVi: try row.decode(column: "name_vi", as: String.self),
                        nameEn: try row.decode(column: "name_en", as: String.self),
                        subjectKinds: try row.decode(column: "subject_kinds", as: String.self),
                        awardingLevel: try row.decode(column: "awarding_level", as: String.self),
                        annual: try row.decode(column: "annual", as: Bool.self),
                        coefficientIndividual: try row.decode(column: "coefficient_individual", as: Int?.self),
                        coefficientCollective: try row.decode(column: "coefficient_collective", as: Int?.self),
                        legalBasis: try row.decode(column: "legal_basis", as: String.self),
                        ruleReference: try row.decode(column: "rule_reference", as: String.self),
                        position: try row.decode(column: "position", as: Int.self), note: try row.decode(column: "note", as: String?.self))
                }
        }
    }

    /// How an entry of the compiled catalogue is stored (what `CatalogueSeed` wrote before the freeze).
    static func row(_ entry: AwardCatalogueEntry, position: Int) -> CreateRecords.CatalogueRow {
        let latest = entry.coefficients.last
        return CreateRecords.CatalogueRow(
            code: entry.code, category: entry.category.rawValue, nameVi: entry.nameVi, nameEn: entry.nameEn,
            subjectKinds: entry.subjectKinds.map(\.rawValue).joined(separator: ","), awardingLevel: entry.awardingLevel.rawValue,
            annual: entry.annual, coefficientIndividual: latest?.individual?.thousandths,
            coefficientCollective: latest?.collective?.thousandths,
            legalBasis: entry.legalBasis.map(\.description).joined(separator: "; "), ruleReference: entry.ruleReference,
            position: position, note: entry.note)
    }

    static func difference(_ a: [String], _ b: [String]) -> String {
        let only = Set(a).subtracting(b).sorted()
        let missing = Set(b).subtracting(a).sorted()
        return "only here: \(only); missing: \(missing)"
    }
}

/// The schema as text lines, comparable across two databases of one kind.
enum SchemaDump {
    static func of(_ database: LaurelDatabase) async throws -> [String] {
        switch database.dialect {
        case .sqlite:
            try await lines(database, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name", prefix: "")
        case .postgres:
            try await lines(
                database,
                """
                SELECT table_name::text, column_name::text, ordinal_position::text, data_type::text, is_nullable::text,
                       column_default::text, collation_name::text
                FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name
                """, prefix: "column")
                + lines(
                    database,
                    """
                    SELECT tablename::text, indexname::text, indexdef::text FROM pg_indexes
                    WHERE schemaname = 'public' ORDER BY tablename, indexname
                    """, prefix: "index")
                + lines(
                    database,
                    """
                    SELECT c.conrelid::regclass::text, c.conname::text, pg_get_constraintdef(c.oid)::text
                    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                    WHERE n.nspname = 'public' ORDER BY 1, 2
                    """, prefix: "constraint")
                + lines(
                    database,
                    """
                    SELECT t.tgrelid::regclass::text, t.tgname::text, pg_get_triggerdef(t.oid)::text
                    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1, 2
                    """, prefix: "trigger")
                + lines(
                    database,
                    """
                    SELECT p.proname::text, pg_get_functiondef(p.oid)::text
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'public' ORDER BY 1
                    """, prefix: "function")
        }
    }

    /// One line per row, its columns joined by " | ", runs of white space made one space.
    static func lines(_ database: LaurelDatabase, _ query: String, prefix: String) async throws -> [String] {
        try await database.read { db in
            try await db.raw(SQLQueryString(query)).all().map { row in
                let values = try row.allColumns.map { column in
                    (try row.decode(column: column, as: String?.self)).map { normalised($0) } ?? "NULL"
                }
                return ([prefix].filter { !$0.isEmpty } + values).joined(separator: " | ")
            }
        }
    }

    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// An empty database (not migrated) for the length of `body`, then removed: a temporary SQLite
/// file, or a new PostgreSQL database on this machine's test server.
enum ScratchDatabase {
    static let logger: Logger = {
        var logger = Logger(label: "laurel-schema-test")
        logger.logLevel = .critical
        return logger
    }()

    static func with<T: Sendable>(
        _ kind: TestDatabases.Kind, _ body: @escaping @Sendable (DatabaseLocation) async throws -> T
    ) async throws -> T {
        switch kind {
        case .sqlite:
            let path = NSTemporaryDirectory() + "laurel-schema-\(UUID().uuidString).sqlite"
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            return try await body(.sqlite(path: path))
        case .postgres:
            guard let adminURL = ProcessInfo.processInfo.environment["LAUREL_TEST_POSTGRES_URL"],
                var components = URLComponents(string: adminURL),
                let host = components.host, ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
            else { throw TestDatabaseError("LAUREL_TEST_POSTGRES_URL must be set and point at this machine") }
            let name = "laurel_schema_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            try await session(.postgres(url: adminURL)) { db in
                try await db.read { try await $0.raw("CREATE DATABASE \(ident: name)").run() }
            }
            components.path = "/" + name
            let location = DatabaseLocation.postgres(url: components.string ?? adminURL)
            @Sendable func drop() async throws {
                try await session(.postgres(url: adminURL)) { db in
                    try await db.read { try await $0.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
                }
            }
            do {
                let result = try await body(location)
                try await drop()
                return result
            } catch {
                try? await drop()
                throw error
            }
        }
    }

    /// Opens the database, runs `body`, closes it: one "release" of the application.
    static func session<T: Sendable>(
        _ location: DatabaseLocation, _ body: @escaping @Sendable (LaurelDatabase) async throws -> T
    ) async throws -> T {
        let database = try await LaurelDatabase.open(location, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            do {
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
