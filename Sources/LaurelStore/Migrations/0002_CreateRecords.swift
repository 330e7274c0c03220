import SQLKit

/// The record of people and units: the award catalogue as data, yearly assessments, initiatives
/// with their authors, the award register, and import jobs (progress of a large import).
///
/// Frozen: the CHECK lists below are the raw values the domain enums had when this migration
/// landed, and the catalogue is the literal rows of `0002_CatalogueRows.swift`. A new enum case or
/// catalogue change is a new migration (docs/decisions.md, "Migrations are frozen").
enum CreateRecords {
    static let awardCategories = ["emulation_title", "commendation_form"]
    static let awardingLevels = ["commune", "grassroots", "ministry_province", "province", "prime_minister", "president"]
    static let ratings = ["excellent", "good", "complete", "incomplete"]
    static let disciplines = ["reprimand", "warning", "demotion", "dismissal"]
    static let awardSources = ["entered", "imported", "decision"]
    static let initiativeLevels = ["grassroots", "ministerial_provincial", "national"]
    static let awardKinds = ["merit", "ad_hoc", "thematic", "contribution", "seniority", "foreign"]
    static let awardStatuses = ["valid", "revoked", "corrected"]
    static let importStates = ["running", "done", "failed"]

    static let migration = Migration(version: 2, name: "CreateRecords") { db, dialect in
        let bytewise: [SQLColumnConstraintAlgorithm] = dialect == .postgres ? [.collate(name: "C")] : []
        let check = Migration.check

        try await db.create(table: "award_types")
            .column("code", type: .text, .primaryKey(autoIncrement: false))
            .column("category", type: .text, .notNull, check("category", awardCategories))
            .column("name_vi", type: .text, .notNull)
            .column("name_en", type: .text, .notNull)
            .column("subject_kinds", type: .text, .notNull)
            .column("awarding_level", type: .text, .notNull, check("awarding_level", awardingLevels))
            .column("annual", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("coefficient_individual", type: .bigint)
            .column("coefficient_collective", type: .bigint)
            .column("legal_basis", type: .text, .notNull)
            .column("rule_reference", type: .text, .notNull)
            .column("note", type: .text)
            .column("builtin", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("position", type: .bigint, .notNull)
            .column("created_at", type: .text, .notNull)
            .run()
        let now = Clock.timestamp()
        for row in catalogueRows {
            try await db.insert(into: "award_types")
                .columns(
                    "code", "category", "name_vi", "name_en", "subject_kinds", "awarding_level", "annual",
                    "coefficient_individual", "coefficient_collective", "legal_basis", "rule_reference", "note",
                    "builtin", "position", "created_at"
                )
                .values(
                    SQLBind(row.code), SQLBind(row.category), SQLBind(row.nameVi), SQLBind(row.nameEn),
                    SQLBind(row.subjectKinds), SQLBind(row.awardingLevel), SQLBind(row.annual),
                    SQLBind(row.coefficientIndividual), SQLBind(row.coefficientCollective),
                    SQLBind(row.legalBasis), SQLBind(row.ruleReference), SQLBind(row.note),
                    SQLBind(true), SQLBind(row.position), SQLBind(now)
                )
                .run()
        }

        try await db.create(table: "assessments")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("person_id", type: .bigint, .references("people", "id"))
            .column("unit_id", type: .bigint, .references("units", "id"))
            .column("year", type: .bigint, .notNull)
            .column("rating", type: .text, .notNull, check("rating", ratings))
            .column("discipline", type: .text, check("discipline", disciplines))
            .column("notes", type: .text)
            .column("source", type: .text, .notNull, check("source", awardSources))
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .check(SQLRaw("(person_id IS NULL) <> (unit_id IS NULL)"), named: "assessments_one_subject")
            .run()
        try await db.create(index: "assessments_person_year").on("assessments").column("person_id").column("year").unique().run()
        try await db.create(index: "assessments_unit_year").on("assessments").column("unit_id").column("year").unique().run()

        try await db.create(table: "initiatives")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("title", type: .text, .notNull)
            .column("title_search", type: .text, .notNull)
            .column("year", type: .bigint, .notNull)
            .column("level", type: .text, .notNull, check("level", initiativeLevels))
            .column("decision_number", type: .text)
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("source", type: .text, .notNull, check("source", awardSources))
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "initiatives_unit").on("initiatives").column("unit_id").run()
        try await db.create(table: "initiative_authors")
            .column("initiative_id", type: .bigint, .notNull, .references("initiatives", "id"))
            .column("person_id", type: .bigint, .notNull, .references("people", "id"))
            .column("share", type: .bigint, .notNull, .check(SQLRaw("share > 0 AND share <= 100")))
            .primaryKey("initiative_id", "person_id")
            .run()
        try await db.create(index: "initiative_authors_person").on("initiative_authors").column("person_id").run()

        try await db.create(table: "awards")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("person_id", type: .bigint, .references("people", "id"))
            .column("unit_id", type: .bigint, .references("units", "id"))
            .column("code", type: .text, .notNull, .references("award_types", "code"))
            .column("year", type: .bigint, .notNull)
            .column("end_year", type: .bigint)
            .column("kind", type: .text, .notNull, check("kind", awardKinds))
            .column("decision_number", type: .text)
            .column("decision_date", type: .text)
            .column("authority", type: .text)
            .column("source", type: .text, .notNull, check("source", awardSources))
            .column("status", type: .text, .notNull, check("status", awardStatuses))
            .column("status_reason", type: .text)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .check(SQLRaw("(person_id IS NULL) <> (unit_id IS NULL)"), named: "awards_one_subject")
            .run()
        try await db.create(index: "awards_person_code_year").on("awards").column("person_id").column("code").column("year").unique().run()
        try await db.create(index: "awards_unit_code_year").on("awards").column("unit_id").column("code").column("year").unique().run()
        try await db.create(index: "awards_code_year").on("awards").column("code").column("year").run()

        try await db.create(table: "import_jobs")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("account_id", type: .bigint, .notNull, .references("accounts", "id"))
            .column("kind", type: .text, .notNull)
            .column("dry_run", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("state", type: .text, .notNull, check("state", importStates))
            .column("rows_total", type: .bigint, .notNull)
            .column("rows_done", type: .bigint, .notNull)
            .column("imported", type: .bigint, .notNull)
            .column("result_json", type: .text)
            .column("unit_path", type: .text, bytewise)
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .run()
    }
}
