import LaurelDomain
import SQLKit

/// Reads the record of people and units as the eligibility engine wants it: four queries for a
/// whole subtree (people, assessments, initiatives, awards), grouped in memory, so checking a
/// unit of thousands costs the same few round trips as checking one person.
public struct HistoryStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    /// A person as the checks list them, beside their history.
    public struct Subject: Sendable {
        public let id: Int64
        public let name: String
        public let unitId: Int64
        public let unitName: String
        public let history: SubjectHistory
    }

    public func person(_ id: Int64, as identity: Identity) async throws -> Subject {
        try await database.read { db in
            let (_, path) = try await PersonStore.fetchInScope(db, id: id, identity: identity)
            let subjects = try await Self.people(db, within: .subtree(path), only: id)
            guard let subject = subjects.first else { throw DomainError(.notFound, "error.person_not_found") }
            return subject
        }
    }

    /// Every person of the unit's subtree (or of the whole scope), with their histories.
    public func people(inSubtreeOf unitId: Int64?, as identity: Identity) async throws -> [Subject] {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            var within = identity.scope
            if let unitId {
                within = .subtree(try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId").unitPath)
            }
            return try await Self.people(db, within: within, only: nil)
        }
    }

    /// Units of a subtree as collectives: their own assessments and awards, and the people
    /// directly in each unit as members.
    public func units(inSubtreeOf unitId: Int64, as identity: Identity) async throws -> [Subject] {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            let root = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId")
            let within = Scope.subtree(root.unitPath)
            let people = try await Self.people(db, within: within, only: nil)
            let members = Dictionary(grouping: people, by: \.unitId)
            struct UnitRow: Decodable {
                let id: Int64
                let name: String
            }
            let units = try await db.select().columns("id", "name").from("units").whereScope(column: "path", within)
                .where("active", .equal, SQLBind(true)).orderBy("path")
                .all(decoding: UnitRow.self)
            struct AssessmentRow: Decodable {
                let unitId: Int64
                let year: Int
                let rating: String
                let discipline: String?
            }
            let assessments = try await db.select().columns(
                SQLColumn("unit_id", table: "a"), SQLColumn("year", table: "a"), SQLColumn("rating", table: "a"),
                SQLColumn("discipline", table: "a")
            )
            .from(SQLAlias(SQLIdentifier("assessments"), as: "a"))
            .join(
                SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "a"), .equal,
                SQLColumn("id", table: "u")
            )
            .whereScope(SQLColumn("path", table: "u"), within)
            .all(decoding: AssessmentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let awards = try await db.select()
                .columns(["unit_id", "code", "year", "status", "kind", "decision_number"].map { SQLColumn($0, table: "w") })
                .from(SQLAlias(SQLIdentifier("awards"), as: "w"))
                .join(
                    SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "w"), .equal,
                    SQLColumn("id", table: "u")
                )
                .whereScope(SQLColumn("path", table: "u"), within)
                .all(decoding: UnitAwardRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let yearsByUnit = Dictionary(grouping: assessments, by: \.unitId)
            let awardsByUnit = Dictionary(grouping: awards, by: \.unitId)
            return units.map { unit in
                let memberHistories = (members[unit.id] ?? []).map(\.history)
                let history = SubjectHistory(
                    id: "u-\(unit.id)", kind: .collective,
                    years: (yearsByUnit[unit.id] ?? []).sorted { $0.year < $1.year }.compactMap { row in
                        Rating(rawValue: row.rating).map {
                            SubjectHistory.Year(year: row.year, rating: $0, discipline: row.discipline.flatMap(Discipline.init(rawValue:)))
                        }
                    },
                    awards: (awardsByUnit[unit.id] ?? []).compactMap(Self.award),
                    members: memberHistories, memberCount: memberHistories.count)
                return Subject(id: unit.id, name: unit.name, unitId: unit.id, unitName: unit.name, history: history)
            }
        }
    }

    static func award(_ row: some AwardColumns) -> SubjectHistory.Award? {
        guard let status = AwardStatus(rawValue: row.status), let kind = AwardKind(rawValue: row.kind) else { return nil }
        return SubjectHistory.Award(code: row.code, year: row.year, status: status, kind: kind, decisionNumber: row.decisionNumber)
    }

    /// One unit as a collective, with the people directly in it as members.
    public func unit(_ id: Int64, as identity: Identity) async throws -> Subject {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            let unit = try await UnitStore.fetchInScope(db, id: id, scope: identity.scope)
            let members = try await Self.people(db, within: .subtree(unit.unitPath), only: nil, unitId: id)
            struct AssessmentRow: Decodable {
                let year: Int
                let rating: String
                let discipline: String?
            }
            let years = try await db.select().columns("year", "rating", "discipline").from("assessments").where(
                "unit_id", .equal, SQLBind(id)
            )
            .orderBy("year").all(decoding: AssessmentRow.self)
            let awards = try await db.select().columns("unit_id", "code", "year", "status", "kind", "decision_number").from("awards")
                .where("unit_id", .equal, SQLBind(id)).all(decoding: UnitAwardRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let history = SubjectHistory(
                id: "u-\(id)", kind: .collective,
                years: years.compactMap { row in
                    Rating(rawValue: row.rating).map {
                        SubjectHistory.Year(year: row.year, rating: $0, discipline: row.discipline.flatMap(Discipline.init(rawValue:)))
                    }
                },
                awards: awards.compactMap(Self.award), members: members.map(\.history), memberCount: members.count)
            return Subject(id: id, name: unit.name, unitId: id, unitName: unit.name, history: history)
        }
    }

    static func people(_ db: any SQLDatabase, within: Scope, only personId: Int64?, unitId: Int64? = nil) async throws -> [Subject] {
        func scoped(_ query: SQLSelectBuilder, personColumn: SQLColumn) -> SQLSelectBuilder {
            var query =
                query
                .join(
                    SQLAlias(SQLIdentifier("people"), as: "p"), method: SQLJoinMethod.inner, on: personColumn, .equal,
                    SQLColumn("id", table: "p")
                )
                .join(
                    SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "p"), .equal,
                    SQLColumn("id", table: "u")
                )
                .whereScope(SQLColumn("path", table: "u"), within)
            if let personId { query = query.where(SQLColumn("id", table: "p"), .equal, SQLBind(personId)) }
            if let unitId { query = query.where(SQLColumn("unit_id", table: "p"), .equal, SQLBind(unitId)) }
            return query
        }
        struct PersonRow: Decodable {
            let id: Int64
            let fullName: String
            let staffCategory: String
            let holdsManagementPost: Bool
            let unitId: Int64
            let unitName: String
        }
        var peopleQuery = db.select()
            .columns(
                SQLColumn("id", table: "p"), SQLColumn("full_name", table: "p"), SQLColumn("staff_category", table: "p"),
                SQLColumn("holds_management_post", table: "p"), SQLColumn("unit_id", table: "p")
            )
            .column(SQLColumn("name", table: "u"), as: "unit_name")
            .from(SQLAlias(SQLIdentifier("people"), as: "p"))
            .join(
                SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "p"), .equal,
                SQLColumn("id", table: "u")
            )
            .whereScope(SQLColumn("path", table: "u"), within)
        if let personId { peopleQuery = peopleQuery.where(SQLColumn("id", table: "p"), .equal, SQLBind(personId)) }
        if let unitId { peopleQuery = peopleQuery.where(SQLColumn("unit_id", table: "p"), .equal, SQLBind(unitId)) }
        let people = try await peopleQuery.orderBy(SQLColumn("name_sort", table: "p")).all(
            decoding: PersonRow.self, keyDecodingStrategy: .convertFromSnakeCase)

        struct AssessmentRow: Decodable {
            let personId: Int64
            let year: Int
            let rating: String
            let discipline: String?
        }
        // One row per person, the years packed into one text: decoding rows is what costs (about
        // 8 µs a row), and a province has ten record rows per person.
        let packedAssessments = try await scoped(
            db.select().column(SQLColumn("person_id", table: "a"))
                .column(
                    Self.pack(db, "CAST(a.year AS TEXT) || '\u{1F}' || a.rating || '\u{1F}' || COALESCE(a.discipline, '')"), as: "packed"
                )
                .from(SQLAlias(SQLIdentifier("assessments"), as: "a")), personColumn: SQLColumn("person_id", table: "a")
        )
        .groupBy(SQLColumn("person_id", table: "a"))
        .all(decoding: PackedRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let assessments = packedAssessments.flatMap { row in
            Self.unpack(row.packed).compactMap { fields -> AssessmentRow? in
                guard fields.count == 3, let year = Int(fields[0]) else { return nil }
                return AssessmentRow(
                    personId: row.personId, year: year, rating: String(fields[1]), discipline: fields[2].isEmpty ? nil : String(fields[2]))
            }
        }
        struct InitiativeRow: Decodable {
            let personId: Int64
            let id: Int64
            let year: Int
            let level: String
        }
        let initiatives = try await scoped(
            db.select().columns(
                SQLColumn("person_id", table: "ia"), SQLColumn("id", table: "i"), SQLColumn("year", table: "i"),
                SQLColumn("level", table: "i")
            )
            .from(SQLAlias(SQLIdentifier("initiative_authors"), as: "ia"))
            .join(
                SQLAlias(SQLIdentifier("initiatives"), as: "i"), method: SQLJoinMethod.inner, on: SQLColumn("initiative_id", table: "ia"),
                .equal, SQLColumn("id", table: "i")),
            personColumn: SQLColumn("person_id", table: "ia")
        )
        .all(decoding: InitiativeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let packedAwards = try await scoped(
            db.select().column(SQLColumn("person_id", table: "w"))
                .column(
                    Self.pack(
                        db,
                        "w.code || '\u{1F}' || CAST(w.year AS TEXT) || '\u{1F}' || w.status || '\u{1F}' || w.kind || '\u{1F}' || COALESCE(w.decision_number, '')"
                    ), as: "packed"
                )
                .from(SQLAlias(SQLIdentifier("awards"), as: "w")), personColumn: SQLColumn("person_id", table: "w")
        )
        .groupBy(SQLColumn("person_id", table: "w"))
        .all(decoding: PackedRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let awards = packedAwards.flatMap { row in
            Self.unpack(row.packed).compactMap { f -> PersonAwardRow? in
                guard f.count == 5, let year = Int(f[1]) else { return nil }
                return PersonAwardRow(
                    personId: row.personId, code: String(f[0]), year: year, status: String(f[2]), kind: String(f[3]),
                    decisionNumber: f[4].isEmpty ? nil : String(f[4]))
            }
        }

        let yearsByPerson = Dictionary(grouping: assessments, by: \.personId)
        let initiativesByPerson = Dictionary(grouping: initiatives, by: \.personId)
        let awardsByPerson = Dictionary(grouping: awards, by: \.personId)
        return people.map { person in
            let initiativesByYear = Dictionary(grouping: initiativesByPerson[person.id] ?? [], by: \.year)
            let years = (yearsByPerson[person.id] ?? []).sorted { $0.year < $1.year }.compactMap { row -> SubjectHistory.Year? in
                guard let rating = Rating(rawValue: row.rating) else { return nil }
                let initiatives = (initiativesByYear[row.year] ?? []).compactMap { i in
                    InitiativeLevel(rawValue: i.level).map { SubjectHistory.Initiative(id: "i-\(i.id)", level: $0) }
                }
                return SubjectHistory.Year(
                    year: row.year, rating: rating, discipline: row.discipline.flatMap(Discipline.init(rawValue:)), initiatives: initiatives
                )
            }
            let history = SubjectHistory(
                id: "p-\(person.id)", kind: .individual, staffCategory: StaffCategory(rawValue: person.staffCategory),
                holdsManagementPost: person.holdsManagementPost, years: years,
                awards: (awardsByPerson[person.id] ?? []).compactMap(Self.award))
            return Subject(id: person.id, name: person.fullName, unitId: person.unitId, unitName: person.unitName, history: history)
        }
    }
}

struct PackedRow: Decodable {
    let personId: Int64
    let packed: String
}

extension HistoryStore {
    /// `group_concat` on SQLite, `string_agg` on PostgreSQL: the same aggregate under two names.
    /// `expression` is fixed SQL written in this file, never user input; records are separated
    /// by U+001E and fields by U+001F, characters no record can hold (names refuse control
    /// characters, and the two are not typeable).
    static func pack(_ db: any SQLDatabase, _ expression: String) -> any SQLExpression {
        let function = db.dialect.name == "postgresql" ? "string_agg" : "group_concat"
        return SQLFunction(function, args: SQLRaw(expression), SQLRaw("'\u{1E}'"))
    }

    static func unpack(_ packed: String) -> [[Substring]] {
        packed.split(separator: "\u{1E}", omittingEmptySubsequences: true).map {
            $0.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        }
    }
}

protocol AwardColumns {
    var code: String { get }
    var year: Int { get }
    var status: String { get }
    var kind: String { get }
    var decisionNumber: String? { get }
}

struct PersonAwardRow: Decodable, AwardColumns {
    let personId: Int64
    let code: String
    let year: Int
    let status: String
    let kind: String
    let decisionNumber: String?
}

struct UnitAwardRow: Decodable, AwardColumns {
    let unitId: Int64
    let code: String
    let year: Int
    let status: String
    let kind: String
    let decisionNumber: String?
}
