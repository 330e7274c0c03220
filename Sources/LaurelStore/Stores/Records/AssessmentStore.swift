import Foundation
import LaurelDomain
import SQLKit

/// An assessment as lists and exports show it: with whose it is and where they work.
public struct AssessmentListItem: Codable, Sendable, Equatable {
    public var assessment: Assessment
    public var subjectName: String
    public var unitCode: String
    public var birthDate: String?
}

/// Yearly assessments: one per subject and year; a correction is an update whose old value stays
/// in the audit log.
public struct AssessmentStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, personId: Int64?, unitId: Int64?, year: Int, rating: Rating, discipline: Discipline?, notes: String?
        var assessment: Assessment {
            Assessment(
                id: id, personId: personId, unitId: unitId, year: year, rating: rating,
                discipline: discipline, notes: notes)
        }
    }

    static let columns = ["id", "person_id", "unit_id", "year", "rating", "discipline", "notes"]

    static func of(_ db: any SQLDatabase, _ subject: RecordSubject) async throws -> [Assessment] {
        let (column, id) = RecordScope.column(subject)
        return try await db.select().columns(columns).from("assessments").where(SQLColumn(column), .equal, SQLBind(id))
            .orderBy("year", .descending).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.assessment)
    }

    /// Writes the subject's assessment of `draft.year`: creates it, or corrects the existing one.
    /// Returns the assessment and whether it was new.
    public func put(_ subject: RecordSubject, _ draft: AssessmentDraft, as identity: Identity) async throws -> (Assessment, created: Bool) {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let scoped = try await RecordScope.resolve(db, subject, identity: identity)
            var errors: [DomainError] = []
            RecordRules.notBeforeBirth(year: draft.year, birthDate: scoped.birthDate, field: "year", into: &errors)
            if !errors.isEmpty { throw ValidationErrors(errors) }
            let (column, id) = RecordScope.column(subject)
            let before = try await db.select().columns(Self.columns).from("assessments")
                .where(SQLColumn(column), .equal, SQLBind(id)).where("year", .equal, SQLBind(draft.year))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.assessment
            let now = Clock.timestamp()
            let assessmentId: Int64
            if let before {
                try await db.update("assessments").set("rating", to: SQLBind(draft.rating.rawValue))
                    .set("discipline", to: SQLBind(draft.discipline?.rawValue)).set("notes", to: SQLBind(draft.notes))
                    .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(before.id)).run()
                assessmentId = before.id
            } else {
                guard
                    let newId = try await db.insert(into: "assessments")
                        .columns("person_id", "unit_id", "year", "rating", "discipline", "notes", "source", "created_at", "updated_at")
                        .values(
                            SQLBind(subject.personId), SQLBind(subject.unitId), SQLBind(draft.year), SQLBind(draft.rating.rawValue),
                            SQLBind(draft.discipline?.rawValue), SQLBind(draft.notes), SQLBind(AwardSource.entered.rawValue), SQLBind(now),
                            SQLBind(now)
                        )
                        .returning("id").first(decodingColumn: "id", as: Int64.self)
                else { throw DomainError(.conflict, "error.write_failed") }
                assessmentId = newId
            }
            let after = Assessment(
                id: assessmentId, personId: subject.personId, unitId: subject.unitId, year: draft.year,
                rating: draft.rating, discipline: draft.discipline, notes: draft.notes)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: before == nil ? "create" : "correct", entity: "assessment",
                entityId: assessmentId, unitPath: scoped.path.value, before: before, after: after)
            return (after, before == nil)
        }
    }

    /// Assessments in scope (people's and units'), by year then name.
    public func list(_ filter: RecordListFilter, paging: Paging?, as identity: Identity) async throws -> Page<AssessmentListItem> {
        try await database.read { db in
            let within = try await identity.listScope(db, unitId: filter.unitId)
            func base(_ q: SQLSelectBuilder) -> SQLSelectBuilder {
                q.from(SQLAlias(SQLIdentifier("assessments"), as: "x")).joinRecordSubject("assessments").whereRecordFilter(
                    filter, within: within)
            }
            let total =
                try await base(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")).first(
                    decodingColumn: "n", as: Int.self) ?? 0
            struct ListRow: Decodable {
                let id: Int64, personId: Int64?, unitId: Int64?, year: Int, rating: Rating, discipline: Discipline?, notes: String?
                let fullName: String?, birthDate: String?, unitName: String, unitCode: String
            }
            let columns: [any SQLExpression] =
                Self.columns.map { SQLColumn($0, table: "x") } + [
                    SQLColumn("full_name", table: "p"), SQLColumn("birth_date", table: "p"),
                    SQLAlias(SQLColumn("name", table: "u"), as: "unit_name"), SQLAlias(SQLColumn("code", table: "u"), as: "unit_code"),
                ]
            var query = base(db.select().columns(columns)).orderBy(SQLColumn("year", table: "x"), SQLDirection.descending).orderBy(
                SQLColumn("path", table: "u"), SQLDirection.ascending
            ).orderBy(SQLColumn("id", table: "x"), SQLDirection.ascending)
            if let paging { query = query.limit(paging.per).offset(paging.offset) }
            let rows = try await query.all(decoding: ListRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let items = rows.map { r in
                AssessmentListItem(
                    assessment: Row(
                        id: r.id, personId: r.personId, unitId: r.unitId, year: r.year, rating: r.rating, discipline: r.discipline,
                        notes: r.notes
                    ).assessment,
                    subjectName: r.fullName ?? r.unitName, unitCode: r.unitCode, birthDate: r.birthDate)
            }
            return Page(items: items, total: total, page: paging?.page ?? 1, per: paging?.per ?? max(1, total))
        }
    }
}
