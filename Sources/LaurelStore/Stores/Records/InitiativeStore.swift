import Foundation
import LaurelDomain
import SQLKit

/// Initiatives and research works with their authors' shares. An initiative belongs to the unit of
/// its first author, which decides who may see it.
public struct InitiativeStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable { let id: Int64, title: String, year: Int, level: InitiativeLevel, decisionNumber: String?, unitId: Int64 }
    struct AuthorRow: Decodable { let initiativeId: Int64, personId: Int64, share: Int, fullName: String }

    static func load(_ db: any SQLDatabase, ids: [Int64]) async throws -> [Initiative] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().columns("id", "title", "year", "level", "decision_number", "unit_id").from("initiatives")
            .where("id", .in, SQLBind.group(ids)).orderBy("year", .descending).orderBy("id")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let authors = try await db.select()
            .columns(
                SQLColumn("initiative_id", table: "a"), SQLColumn("person_id", table: "a"), SQLColumn("share", table: "a"),
                SQLColumn("full_name", table: "p")
            )
            .from(SQLAlias(SQLIdentifier("initiative_authors"), as: "a"))
            .join(
                SQLAlias(SQLIdentifier("people"), as: "p"), method: SQLJoinMethod.inner, on: SQLColumn("person_id", table: "a"), .equal,
                SQLColumn("id", table: "p")
            )
            .where(SQLColumn("initiative_id", table: "a"), .in, SQLBind.group(ids))
            .orderBy(SQLColumn("share", table: "a"), SQLDirection.descending).orderBy(
                SQLColumn("person_id", table: "a"), SQLDirection.ascending
            )
            .all(decoding: AuthorRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let byInitiative = Dictionary(grouping: authors, by: \.initiativeId)
        return rows.map { r in
            Initiative(
                id: r.id, title: r.title, year: r.year, level: r.level,
                decisionNumber: r.decisionNumber,
                unitId: r.unitId,
                authors: (byInitiative[r.id] ?? []).map { .init(personId: $0.personId, share: $0.share, fullName: $0.fullName) })
        }
    }

    static func of(_ db: any SQLDatabase, _ subject: RecordSubject) async throws -> [Initiative] {
        let ids: [Int64]
        switch subject {
        case .person(let id):
            ids = try await db.select().column("initiative_id").from("initiative_authors").where("person_id", .equal, SQLBind(id))
                .all(decodingColumn: "initiative_id", as: Int64.self)
        case .unit(let id):
            ids = try await db.select().column("id").from("initiatives").where("unit_id", .equal, SQLBind(id))
                .all(decodingColumn: "id", as: Int64.self)
        }
        return try await load(db, ids: ids)
    }

    public func create(_ draft: InitiativeDraft, as identity: Identity) async throws -> Initiative {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            var errors: [DomainError] = []
            var unitId: Int64?
            var path: UnitPath?
            for (index, author) in draft.authors.enumerated() {
                let (person, personPath) = try await PersonStore.fetchInScope(db, id: author.personId, identity: identity)
                RecordRules.notBeforeBirth(year: draft.year, birthDate: person.birthDate, field: "authors.\(index).personId", into: &errors)
                if unitId == nil {
                    unitId = person.unitId
                    path = personPath
                }
            }
            if Set(draft.authors.map(\.personId)).count != draft.authors.count {
                errors.append(.invalid("error.initiative_author_twice", field: "authors"))
            }
            guard errors.isEmpty, let unitId, let path else {
                throw ValidationErrors(errors.isEmpty ? [.invalid("error.initiative_needs_author", field: "authors")] : errors)
            }
            guard
                let id = try await db.insert(into: "initiatives")
                    .columns("title", "title_search", "year", "level", "decision_number", "unit_id", "source", "created_at")
                    .values(
                        SQLBind(draft.title), SQLBind(VietnameseText.searchKey(draft.title)), SQLBind(draft.year),
                        SQLBind(draft.level.rawValue),
                        SQLBind(draft.decisionNumber), SQLBind(unitId), SQLBind(AwardSource.entered.rawValue), SQLBind(Clock.timestamp())
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            var insert = db.insert(into: "initiative_authors").columns("initiative_id", "person_id", "share")
            for author in draft.authors { insert = insert.values(SQLBind(id), SQLBind(author.personId), SQLBind(author.share)) }
            try await insert.run()
            guard let initiative = try await Self.load(db, ids: [id]).first else { throw DomainError(.conflict, "error.write_failed") }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "initiative", entityId: id,
                unitPath: path.value, before: Initiative?.none, after: initiative)
            return initiative
        }
    }

    /// The initiative when its unit is in scope (staff: when they are one of its authors).
    public func get(_ id: Int64, as identity: Identity) async throws -> Initiative {
        try await database.read { db in
            guard let initiative = try await Self.load(db, ids: [id]).first,
                let unit = try await UnitStore.fetch(db, id: initiative.unitId)
            else { throw DomainError(.notFound, "error.initiative_not_found") }
            let visible =
                identity.role == .staff
                ? initiative.authors.contains { $0.personId == identity.account.personId }
                : identity.scope.contains(unit.unitPath)
            guard visible else { throw DomainError(.notFound, "error.initiative_not_found") }
            return initiative
        }
    }
}
