import SQLKit

/// Councils and their members; nominations (dossiers) with their candidates, documents and the
/// timeline of every transition; submissions that bundle dossiers for the level above; council
/// meetings whose ballots vote on the candidates; public comments during publicity; and the
/// working-day calendar's dated holidays.
///
/// Frozen: the CHECK lists are the raw values of the domain enums when this migration landed.
enum CreateNominations {
    static let councilRoles = ["chair", "vice_chair", "standing", "member", "secretary"]
    static let nominationKinds = ["regular", "thematic", "ad_hoc", "contribution", "long_service", "foreign"]
    static let nominationStatuses = [
        "draft", "submitted", "in_review", "approved", "returned", "rejected", "approved_for_decision", "decided",
    ]
    static let documentKinds = ["proposal", "achievement_report", "council_minutes", "initiative_certificate", "other"]
    static let eventKinds = ["submitted", "review_started", "approved", "returned", "rejected", "approved_for_decision", "decided"]
    static let attendances = ["present", "written"]

    static let migration = Migration(version: 5, name: "CreateNominations") { db, _ in
        let bool = SQLDataType.custom(SQLRaw("BOOLEAN"))
        try await createCouncils(db)
        try await createNominations(db, bool: bool)
        try await createSubmissions(db)
        try await createMeetings(db, bool: bool)
        try await createCalendar(db, bool: bool)
    }

    static func createCouncils(_ db: any SQLDatabase) async throws {
        try await db.create(table: "councils")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("name", type: .text, .notNull)
            .column("sits_from", type: .text)
            .column("sits_until", type: .text)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "councils_unit").on("councils").column("unit_id").run()
        // A member is a person of the organisation or a named outsider.
        try await db.create(table: "council_members")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("council_id", type: .bigint, .notNull, .references("councils", "id"))
            .column("person_id", type: .bigint, .references("people", "id"))
            .column("name", type: .text)
            .column("title", type: .text)
            .column("role", type: .text, .notNull, Migration.check("role", councilRoles))
            .column("position", type: .bigint, .notNull)
            .check(SQLRaw("person_id IS NOT NULL OR name IS NOT NULL"), named: "council_members_person_or_name")
            .run()
        try await db.create(index: "council_members_council").on("council_members").column("council_id").run()
    }

    static func createNominations(_ db: any SQLDatabase, bool: SQLDataType) async throws {
        try await db.create(table: "nominations")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("proposer_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("code", type: .text, .notNull)
            .column("year", type: .bigint, .notNull)
            .column("end_year", type: .bigint)
            .column("kind", type: .text, .notNull, Migration.check("kind", nominationKinds))
            .column("movement_id", type: .bigint, .references("movements", "id"))
            .column("status", type: .text, .notNull, Migration.check("status", nominationStatuses))
            // The units that review it, in order, the decider last: ids separated by commas.
            .column("route", type: .text, .notNull)
            .column("stage_index", type: .bigint, .notNull)
            .column("decider_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("round", type: .bigint, .notNull)
            .column("published_on", type: .text)
            .column("submitted_on", type: .text)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "nominations_proposer").on("nominations").column("proposer_unit_id").run()
        try await db.create(index: "nominations_code_year").on("nominations").column("code").column("year").run()
        try await db.create(index: "nominations_status").on("nominations").column("status").run()

        try await db.create(table: "nomination_candidates")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("nomination_id", type: .bigint, .notNull, .references("nominations", "id"))
            .column("person_id", type: .bigint, .references("people", "id"))
            .column("unit_id", type: .bigint, .references("units", "id"))
            .column("achievement", type: .text)
            // The engine's verdict as it stood at submission: JSON, kept as evidence.
            .column("eligible", type: bool)
            .column("verdict_json", type: .text)
            .column("verdict_on", type: .text)
            .column("passed", type: bool)
            .column("position", type: .bigint, .notNull)
            .check(SQLRaw("(person_id IS NULL) <> (unit_id IS NULL)"), named: "nomination_candidates_person_or_unit")
            .run()
        try await db.create(index: "nomination_candidates_nomination").on("nomination_candidates").column("nomination_id").run()
        try await db.create(index: "nomination_candidates_person").on("nomination_candidates").column("person_id").run()
        try await db.create(index: "nomination_candidates_unit").on("nomination_candidates").column("unit_id").run()

        try await db.create(table: "nomination_documents")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("nomination_id", type: .bigint, .notNull, .references("nominations", "id"))
            .column("candidate_id", type: .bigint, .references("nomination_candidates", "id"))
            .column("kind", type: .text, .notNull, Migration.check("kind", documentKinds))
            .column("name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("data", type: .blob, .notNull)
            .column("account_id", type: .bigint)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "nomination_documents_nomination").on("nomination_documents").column("nomination_id").run()

        try await db.create(table: "nomination_events")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("nomination_id", type: .bigint, .notNull, .references("nominations", "id"))
            .column("round", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull, Migration.check("kind", eventKinds))
            .column("stage_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("reason", type: .text)
            .column("on_date", type: .text, .notNull)
            .column("account_id", type: .bigint)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "nomination_events_nomination").on("nomination_events").column("nomination_id").run()
    }

    static func createSubmissions(_ db: any SQLDatabase) async throws {
        try await db.create(table: "submissions")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("from_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("to_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("number", type: .text, .notNull)
            .column("date", type: .text, .notNull)
            .column("signer", type: .text)
            .column("account_id", type: .bigint)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "submissions_from").on("submissions").column("from_unit_id").run()
        try await db.create(table: "submission_items")
            .column("submission_id", type: .bigint, .notNull, .references("submissions", "id"))
            .column("nomination_id", type: .bigint, .notNull, .references("nominations", "id"))
            .primaryKey("submission_id", "nomination_id")
            .run()
    }

    static func createMeetings(_ db: any SQLDatabase, bool: SQLDataType) async throws {
        try await db.create(table: "council_meetings")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("council_id", type: .bigint, .notNull, .references("councils", "id"))
            .column("date", type: .text, .notNull)
            .column("closed", type: bool, .notNull)
            .column("account_id", type: .bigint)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "council_meetings_council").on("council_meetings").column("council_id").run()
        try await db.create(table: "council_meeting_members")
            .column("meeting_id", type: .bigint, .notNull, .references("council_meetings", "id"))
            .column("member_id", type: .bigint, .notNull, .references("council_members", "id"))
            .column("attendance", type: .text, .notNull, Migration.check("attendance", attendances))
            .primaryKey("meeting_id", "member_id")
            .run()
        // One ballot per candidate; `passed` is written when the meeting closes, from the tally.
        try await db.create(table: "council_meeting_candidates")
            .column("meeting_id", type: .bigint, .notNull, .references("council_meetings", "id"))
            .column("candidate_id", type: .bigint, .notNull, .references("nomination_candidates", "id"))
            .column("ballot_id", type: .bigint, .notNull, .references("ballots", "id"))
            .column("passed", type: bool)
            .primaryKey("meeting_id", "candidate_id")
            .run()

        try await db.create(table: "public_comments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("nomination_id", type: .bigint, .notNull, .references("nominations", "id"))
            .column("author", type: .text, .notNull)
            .column("contact", type: .text)
            .column("text", type: .text, .notNull)
            .column("handling", type: .text)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "public_comments_nomination").on("public_comments").column("nomination_id").run()
    }

    /// Days off and make-up working days, as announced each year; weekends are the rule's.
    static func createCalendar(_ db: any SQLDatabase, bool: SQLDataType) async throws {
        try await db.create(table: "calendar_days")
            .column("date", type: .text, .primaryKey(autoIncrement: false))
            .column("working", type: bool, .notNull)
            .column("name", type: .text, .notNull)
            .run()
    }
}
