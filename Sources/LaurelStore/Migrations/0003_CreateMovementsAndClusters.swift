import SQLKit

/// Movements and their cascade, reports and attachments; registrations and per-unit settings;
/// clusters with their member history, seasons with criteria and scores; ballots kept secret in
/// two tables (who voted, what was voted); conferences and proposals.
///
/// Frozen: the CHECK lists are the raw values of the domain enums when this migration landed.
enum CreateMovementsAndClusters {
    static let movementKinds = ["regular", "thematic"]
    static let movementStatuses = ["draft", "launched", "interim_reviewed", "final_reviewed", "closed"]
    static let clusterKinds = ["cluster", "block"]
    static let scoringModes = ["verification", "cross"]
    static let seasonStatuses = ["open", "finalised"]
    static let criterionKinds = ["regular", "bonus", "deduction"]
    static let scoreSheets = ["self", "verified", "cross"]
    static let targetDirections = ["at_least", "at_most"]
    static let ballotSubjectKinds = ["season", "cluster", "movement", "unit"]
    static let clusterPosts = ["leader", "deputy"]

    static let migration = Migration(version: 3, name: "CreateMovementsAndClusters") { db, dialect in
        let bool = SQLDataType.custom(SQLRaw("BOOLEAN"))
        try await createMovements(db, bool: bool)
        try await createRegistrations(db)
        try await createClusters(db, bool: bool)
        try await createBallots(db, bool: bool)
    }

    static func createMovements(_ db: any SQLDatabase, bool: SQLDataType) async throws {
        try await db.create(table: "movements")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("launcher_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("kind", type: .text, .notNull, Migration.check("kind", movementKinds))
            .column("start_date", type: .text, .notNull)
            .column("end_date", type: .text, .notNull)
            .column("motto", type: .text, .notNull)
            // Lists that are always read and written whole with the movement: JSON text.
            .column("objectives_json", type: .text, .notNull)
            .column("contents_json", type: .text, .notNull)
            .column("criteria_json", type: .text, .notNull)
            .column("planned_forms_json", type: .text, .notNull)
            .column("parent_id", type: .bigint, .references("movements", "id"))
            .column("status", type: .text, .notNull, Migration.check("status", movementStatuses))
            .column("launched_on", type: .text)
            .column("interim_reviews_json", type: .text, .notNull)
            .column("final_reviewed_on", type: .text)
            .column("closed_on", type: .text)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
        try await db.create(index: "movements_parent").on("movements").column("parent_id").run()
        try await db.create(index: "movements_launcher").on("movements").column("launcher_unit_id").run()

        try await db.create(table: "movement_deadlines")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("movement_id", type: .bigint, .notNull, .references("movements", "id"))
            .column("position", type: .bigint, .notNull)
            .column("title", type: .text, .notNull)
            .column("due_date", type: .text, .notNull)
            .run()
        try await db.create(index: "movement_deadlines_movement").on("movement_deadlines").column("movement_id").run()

        try await db.create(table: "movement_reports")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("movement_id", type: .bigint, .notNull, .references("movements", "id"))
            .column("deadline_id", type: .bigint, .notNull, .references("movement_deadlines", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("text", type: .text, .notNull)
            .column("figures_json", type: .text, .notNull)
            .column("submitted_on", type: .text, .notNull)
            .column("late", type: bool, .notNull)
            .column("account_id", type: .bigint)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "movement_reports_movement").on("movement_reports").column("movement_id").column("unit_id").run()

        try await db.create(table: "movement_attachments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("movement_id", type: .bigint, .notNull, .references("movements", "id"))
            .column("name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("data", type: .blob, .notNull)
            .column("account_id", type: .bigint)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "movement_attachments_movement").on("movement_attachments").column("movement_id").run()
    }

    static func createRegistrations(_ db: any SQLDatabase) async throws {
        try await db.create(table: "registrations")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("year", type: .bigint, .notNull)
            // NULL for the unit's own (collective) registrations.
            .column("person_id", type: .bigint, .references("people", "id"))
            .column("code", type: .text, .notNull)
            .column("target", type: .text)
            .column("reason", type: .text)
            .column("registered_on", type: .text, .notNull)
            .column("late", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .run()
        try await db.create(index: "registrations_unit_year").on("registrations").column("unit_id").column("year").run()
        try await db.create(index: "registrations_person").on("registrations").column("person_id").run()

        try await db.create(table: "settings")
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("key", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .primaryKey("unit_id", "key")
            .run()
    }

    static func createClusters(_ db: any SQLDatabase, bool: SQLDataType) async throws {
        try await db.create(table: "clusters")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("code", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull, Migration.check("kind", clusterKinds))
            .column("organiser_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("decision_number", type: .text, .notNull)
            .column("decision_date", type: .text, .notNull)
            .column("leader_may_serve_consecutively", type: bool, .notNull)
            .column("deputy_may_serve_consecutively", type: bool, .notNull)
            .column("deputy_becomes_leader", type: bool, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "clusters_organiser").on("clusters").column("organiser_unit_id").run()

        try await db.create(table: "cluster_members")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("cluster_id", type: .bigint, .notNull, .references("clusters", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("joined_on", type: .text, .notNull)
            .column("left_on", type: .text)
            .run()
        try await db.create(index: "cluster_members_cluster").on("cluster_members").column("cluster_id").run()
        try await db.create(index: "cluster_members_unit").on("cluster_members").column("unit_id").run()

        try await db.create(table: "seasons")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("cluster_id", type: .bigint, .notNull, .references("clusters", "id"))
            .column("year", type: .bigint, .notNull)
            .column("leader_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("deputy_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("mode", type: .text, .notNull, Migration.check("mode", scoringModes))
            .column("bonus_cap", type: .bigint, .notNull)  // hundredths of a point
            .column("status", type: .text, .notNull, Migration.check("status", seasonStatuses))
            .column("rules_text", type: .text, .notNull)
            .column("covenant_text", type: .text, .notNull)
            .column("covenant_signed_on", type: .text)
            .column("conference_on", type: .text)
            .column("conference_venue", type: .text)
            .column("conference_attendance", type: .text)
            .column("created_at", type: .text, .notNull)
            .unique("cluster_id", "year")
            .run()

        try await db.create(table: "season_members")
            .column("season_id", type: .bigint, .notNull, .references("seasons", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("signed_covenant", type: bool, .notNull)
            .primaryKey("season_id", "unit_id")
            .run()

        try await db.create(table: "season_criteria")
            .column("season_id", type: .bigint, .notNull, .references("seasons", "id"))
            .column("position", type: .bigint, .notNull)
            .column("section_code", type: .text, .notNull)
            .column("section_title", type: .text, .notNull)
            .column("code", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("max_points", type: .bigint, .notNull)  // hundredths of a point
            .column("kind", type: .text, .notNull, Migration.check("kind", criterionKinds))
            .primaryKey("season_id", "code")
            .run()

        // One row per criterion of a sheet. `sheet` is self (scorer = target), verified (scorer =
        // the verifier) or cross; a new sheet replaces the old one in the same transaction.
        try await db.create(table: "season_scores")
            .column("season_id", type: .bigint, .notNull, .references("seasons", "id"))
            .column("sheet", type: .text, .notNull, Migration.check("sheet", scoreSheets))
            .column("target_unit_id", type: .bigint, .notNull)
            .column("scorer_unit_id", type: .bigint, .notNull)
            .column("criterion_code", type: .text, .notNull)
            .column("points", type: .bigint, .notNull)
            .primaryKey("season_id", "sheet", "target_unit_id", "scorer_unit_id", "criterion_code")
            .run()

        try await db.create(table: "season_reopenings")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("season_id", type: .bigint, .notNull, .references("seasons", "id"))
            .column("reason", type: .text, .notNull)
            .column("account_id", type: .bigint)
            .column("at", type: .text, .notNull)
            .run()

        try await db.create(table: "season_targets")
            .column("season_id", type: .bigint, .notNull, .references("seasons", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("code", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("measure", type: .text, .notNull)
            .column("planned", type: .text, .notNull)
            .column("actual", type: .text)
            .column("direction", type: .text, .notNull, Migration.check("direction", targetDirections))
            .primaryKey("season_id", "unit_id", "code")
            .run()

        try await db.create(table: "season_proposals")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("season_id", type: .bigint, .notNull, .references("seasons", "id"))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("code", type: .text, .notNull)
            .column("ballot_id", type: .bigint)
            .run()
    }

    static func createBallots(_ db: any SQLDatabase, bool: SQLDataType) async throws {
        try await db.create(table: "ballots")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("purpose", type: .text, .notNull)
            .column("subject_kind", type: .text, .notNull, Migration.check("subject_kind", ballotSubjectKinds))
            .column("subject_id", type: .bigint, .notNull)
            // The unit whose officers run the ballot (the organiser of the season's cluster, …).
            .column("owner_unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("post", type: .text, Migration.check("post", clusterPosts))
            .column("seats", type: .bigint, .notNull)
            .column("threshold_num", type: .bigint, .notNull)
            .column("threshold_den", type: .bigint, .notNull)
            .column("quorum_num", type: .bigint, .notNull)
            .column("quorum_den", type: .bigint, .notNull)
            .column("max_rounds", type: .bigint, .notNull)
            .column("rounds_started", type: .bigint, .notNull)
            .column("closed", type: bool, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "ballots_subject").on("ballots").column("subject_kind").column("subject_id").run()
        try await db.create(table: "ballot_candidates")
            .column("ballot_id", type: .bigint, .notNull, .references("ballots", "id"))
            .column("candidate_id", type: .bigint, .notNull)
            .primaryKey("ballot_id", "candidate_id")
            .run()
        try await db.create(table: "ballot_electors")
            .column("ballot_id", type: .bigint, .notNull, .references("ballots", "id"))
            .column("voter_id", type: .bigint, .notNull)
            .primaryKey("ballot_id", "voter_id")
            .run()
        // Who voted: the key is the database's own guard against a second vote in a round.
        try await db.create(table: "ballot_marks")
            .column("ballot_id", type: .bigint, .notNull, .references("ballots", "id"))
            .column("round", type: .bigint, .notNull)
            .column("voter_id", type: .bigint, .notNull)
            .primaryKey("ballot_id", "round", "voter_id")
            .run()
        // What was voted: a random key, no voter, no time; read back ordered by round and choices.
        try await db.create(table: "ballot_papers")
            .column("paper_id", type: .text, .primaryKey(autoIncrement: false))
            .column("ballot_id", type: .bigint, .notNull, .references("ballots", "id"))
            .column("round", type: .bigint, .notNull)
            .column("choices", type: .text, .notNull)
            .run()
        try await db.create(index: "ballot_papers_ballot").on("ballot_papers").column("ballot_id").column("round").run()
    }
}
