import SQLKit

/// Units, people and their transfers, accounts and tokens, and the append-only audit log.
///
/// Frozen: the CHECK lists are the raw values of the domain enums when this migration landed.
enum CreateOrganisation {
    static let unitKinds = ["ministry", "province", "department", "commune", "school", "enterprise", "front", "organisation", "other"]
    static let unitLevels = ["central", "provincial", "grassroots"]
    static let genders = ["female", "male", "other"]
    static let staffCategories = ["cadre", "civil_servant", "public_employee", "worker", "armed_forces", "other"]
    static let roles = ["admin", "officer", "council", "leader", "staff", "auditor"]
    static let tokenKinds = ["session", "api"]

    static let migration = Migration(version: 1, name: "CreateOrganisation") { db, dialect in
        // Keys compared byte by byte (paths, sort keys) need the "C" collation on PostgreSQL;
        // SQLite compares text bytewise already.
        let bytewise: [SQLColumnConstraintAlgorithm] = dialect == .postgres ? [.collate(name: "C")] : []

        try await db.create(table: "units")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("code", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("name_search", type: .text, .notNull)
            .column("name_sort", type: .text, [.notNull] + bytewise)
            .column("kind", type: .text, .notNull, Migration.check("kind", unitKinds))
            .column("level", type: .text, .notNull, Migration.check("level", unitLevels))
            .column("parent_id", type: .bigint, .references("units", "id"))
            .column("path", type: .text, [.notNull] + bytewise)
            .column("active", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("active_from", type: .text)
            .column("active_to", type: .text)
            .column("merged_into_id", type: .bigint, .references("units", "id"))
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "units_path").on("units").column("path").run()
        try await db.create(index: "units_parent").on("units").column("parent_id").run()
        // (sort key, id): the lists order by both, so PostgreSQL can read pages in index order.
        try await db.create(index: "units_sort").on("units").column("name_sort").column("id").run()

        try await db.create(table: "people")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("full_name", type: .text, .notNull)
            .column("name_search", type: .text, .notNull)
            .column("name_sort", type: .text, [.notNull] + bytewise)
            .column("gender", type: .text, .notNull, Migration.check("gender", genders))
            .column("birth_date", type: .text)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("position", type: .text)
            .column("staff_category", type: .text, .notNull, Migration.check("staff_category", staffCategories))
            .column("holds_management_post", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("ethnicity", type: .text)
            .column("active_from", type: .text)
            .column("active_to", type: .text)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "people_unit").on("people").column("unit_id").run()
        try await db.create(index: "people_sort").on("people").column("name_sort").column("id").run()

        try await db.create(table: "person_transfers")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("person_id", type: .bigint, .notNull, .references("people", "id"))
            .column("from_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("to_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("on_date", type: .text, .notNull)
            .column("reason", type: .text)
            .column("account_id", type: .bigint)
            .run()
        try await db.create(index: "person_transfers_person").on("person_transfers").column("person_id").run()

        try await db.create(table: "unit_merges")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("source_id", type: .bigint, .notNull, .references("units", "id"))
            .column("target_id", type: .bigint, .notNull, .references("units", "id"))
            .column("on_date", type: .text, .notNull)
            .column("people_moved", type: .bigint, .notNull)
            .column("units_moved", type: .bigint, .notNull)
            .column("account_id", type: .bigint)
            .run()

        try await db.create(table: "accounts")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("username", type: .text, .notNull, .unique)
            .column("password_hash", type: .text, .notNull)
            .column("role", type: .text, .notNull, Migration.check("role", roles))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("person_id", type: .bigint, .references("people", "id"))
            .column("active", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "accounts_unit").on("accounts").column("unit_id").run()

        try await db.create(table: "auth_tokens")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("account_id", type: .bigint, .notNull, .references("accounts", "id"))
            .column("kind", type: .text, .notNull, Migration.check("kind", tokenKinds))
            .column("csrf", type: .text, .notNull)
            .column("expires_at", type: .bigint, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "auth_tokens_account").on("auth_tokens").column("account_id").run()

        try await db.create(table: "audit_events")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("at", type: .text, .notNull)
            .column("actor_id", type: .bigint)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity", type: .text, .notNull)
            .column("entity_id", type: .bigint)
            .column("unit_path", type: .text, bytewise)
            .column("before_json", type: .text)
            .column("after_json", type: .text)
            .run()
        try await db.create(index: "audit_entity").on("audit_events").column("entity").column("entity_id").run()
        try await db.create(index: "audit_path").on("audit_events").column("unit_path").run()

        // The audit log is append-only: the database itself refuses to change or remove an entry.
        switch dialect {
        case .sqlite:
            try await db.raw(
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
            ).run()
            try await db.raw(
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
            ).run()
        case .postgres:
            try await db.raw(
                """
                CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$
                """
            ).run()
            try await db.raw(
                "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
            ).run()
        }
    }
}
