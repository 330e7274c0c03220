import Foundation
import LaurelDomain
import SQLKit

/// A register row as lists and exports show it: with whose it is and where they work.
public struct AwardListItem: Codable, Sendable, Equatable {
    public var award: AwardRecord
    public var subjectName: String
    public var unitCode: String
    public var birthDate: String?
}

/// The award register (sổ khen thưởng). Rows are never deleted: a revoked award keeps its row
/// with the reason.
public struct AwardStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, personId: Int64?, unitId: Int64?, code: String, year: Int, endYear: Int?, kind: String
        let decisionNumber: String?, decisionDate: String?, authority: String?, source: String, status: String, statusReason: String?
        /// The row as a record; a kind, source or status that names no case is an error.
        func award() throws -> AwardRecord {
            AwardRecord(
                id: id, personId: personId, unitId: unitId, code: code, year: year, endYear: endYear,
                kind: try StoredChoice.read(kind, "awards.kind"),
                decisionNumber: decisionNumber, decisionDate: decisionDate, authority: authority,
                source: try StoredChoice.read(source, "awards.source"), status: try StoredChoice.read(status, "awards.status"),
                statusReason: statusReason)
        }
    }

    static let columns = [
        "id", "person_id", "unit_id", "code", "year", "end_year", "kind", "decision_number", "decision_date",
        "authority", "source", "status", "status_reason",
    ]

    static func of(_ db: any SQLDatabase, _ subject: RecordSubject) async throws -> [AwardRecord] {
        let (column, id) = RecordScope.column(subject)
        return try await db.select().columns(columns).from("awards").where(SQLColumn(column), .equal, SQLBind(id))
            .orderBy("year", .descending).orderBy("id").all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map {
                try $0.award()
            }
    }

    static func fetchInScope(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> (AwardRecord, ScopedSubject) {
        guard
            let award = try await db.select().columns(columns).from("awards").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.award()
        else { throw DomainError(.notFound, "error.award_not_found") }
        let subject: RecordSubject = award.personId.map { .person($0) } ?? .unit(award.unitId ?? 0)
        do {
            return (award, try await RecordScope.resolve(db, subject, identity: identity))
        } catch let error as DomainError where error.kind == .notFound || error.kind == .forbidden {
            throw DomainError(.notFound, "error.award_not_found")
        }
    }

    /// Checks a register row against the catalogue and the subject: known code, for this kind of
    /// subject, not before the person's birth.
    static func check(_ db: any SQLDatabase, _ draft: AwardDraft, subject: ScopedSubject) async throws {
        struct KindsRow: Decodable { let subjectKinds: String }
        guard
            let kinds = try await db.select().column("subject_kinds").from("award_types").where("code", .equal, SQLBind(draft.code))
                .first(decoding: KindsRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw DomainError.invalid("error.unknown_award_code", field: "code", draft.code) }
        let wanted = subject.subject.personId != nil ? SubjectKind.individual : SubjectKind.collective
        if !kinds.subjectKinds.split(separator: ",").contains(Substring(wanted.rawValue)) {
            throw DomainError.invalid("error.award_wrong_subject", field: "code", draft.code)
        }
        var errors: [DomainError] = []
        RecordRules.notBeforeBirth(year: draft.year, birthDate: subject.birthDate, field: "year", into: &errors)
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }

    public func create(_ subject: RecordSubject, _ draft: AwardDraft, as identity: Identity) async throws -> AwardRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let scoped = try await RecordScope.resolve(db, subject, identity: identity)
            try await Self.check(db, draft, subject: scoped)
            let (column, subjectId) = RecordScope.column(subject)
            if try await db.select().column("id").from("awards").where(SQLColumn(column), .equal, SQLBind(subjectId))
                .where("code", .equal, SQLBind(draft.code)).where("year", .equal, SQLBind(draft.year)).first() != nil
            {
                throw DomainError(.conflict, "error.award_duplicate", field: "code")
            }
            let now = Clock.timestamp()
            guard
                let id = try await db.insert(into: "awards")
                    .columns(
                        "person_id", "unit_id", "code", "year", "end_year", "kind", "decision_number", "decision_date", "authority",
                        "source", "status", "created_at", "updated_at"
                    )
                    .values(
                        SQLBind(subject.personId), SQLBind(subject.unitId), SQLBind(draft.code), SQLBind(draft.year),
                        SQLBind(draft.endYear),
                        SQLBind(draft.kind.rawValue), SQLBind(draft.decisionNumber), SQLBind(draft.decisionDate?.description),
                        SQLBind(draft.authority),
                        SQLBind(AwardSource.entered.rawValue), SQLBind(draft.status.rawValue), SQLBind(now), SQLBind(now)
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            let (award, _) = try await Self.fetchInScope(db, id: id, identity: identity)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "award", entityId: id,
                unitPath: scoped.path.value, before: AwardRecord?.none, after: award)
            return award
        }
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> AwardRecord {
        try await database.read { db in try await Self.fetchInScope(db, id: id, identity: identity).0 }
    }

    /// Revokes an award (thu hồi): the row stays, marked revoked, with the reason.
    public func revoke(_ id: Int64, reason: String, as identity: Identity) async throws -> AwardRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let (before, scoped) = try await Self.fetchInScope(db, id: id, identity: identity)
            guard before.status != .revoked else { throw DomainError(.conflict, "error.award_already_revoked") }
            try await db.update("awards").set("status", to: SQLBind(AwardStatus.revoked.rawValue)).set("status_reason", to: SQLBind(reason))
                .set("updated_at", to: SQLBind(Clock.timestamp())).where("id", .equal, SQLBind(id)).run()
            let (after, _) = try await Self.fetchInScope(db, id: id, identity: identity)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "revoke", entity: "award", entityId: id,
                unitPath: scoped.path.value, before: before, after: after)
            return after
        }
    }

    /// The register in scope, newest year first.
    public func list(_ filter: RecordListFilter, paging: Paging?, as identity: Identity) async throws -> Page<AwardListItem> {
        try await database.read { db in
            let within = try await identity.listScope(db, unitId: filter.unitId)
            func base(_ q: SQLSelectBuilder) -> SQLSelectBuilder {
                var q = q.from(SQLAlias(SQLIdentifier("awards"), as: "x")).joinRecordSubject("awards").whereRecordFilter(
                    filter, within: within)
                if let code = filter.code { q = q.where(SQLColumn("code", table: "x"), .equal, SQLBind(code)) }
                if let status = filter.status { q = q.where(SQLColumn("status", table: "x"), .equal, SQLBind(status.rawValue)) }
                return q
            }
            let total =
                try await base(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")).first(
                    decodingColumn: "n", as: Int.self) ?? 0
            struct ListRow: Decodable {
                let id: Int64, personId: Int64?, unitId: Int64?, code: String, year: Int, endYear: Int?, kind: String
                let decisionNumber: String?, decisionDate: String?, authority: String?, source: String, status: String,
                    statusReason: String?
                let fullName: String?, birthDate: String?, unitName: String, unitCode: String
            }
            let columns: [any SQLExpression] =
                Self.columns.map { SQLColumn($0, table: "x") } + [
                    SQLColumn("full_name", table: "p"), SQLColumn("birth_date", table: "p"),
                    SQLAlias(SQLColumn("name", table: "u"), as: "unit_name"), SQLAlias(SQLColumn("code", table: "u"), as: "unit_code"),
                ]
            var query = base(db.select().columns(columns)).orderBy(SQLColumn("year", table: "x"), SQLDirection.descending)
                .orderBy(SQLColumn("path", table: "u"), SQLDirection.ascending).orderBy(SQLColumn("id", table: "x"), SQLDirection.ascending)
            if let paging { query = query.limit(paging.per).offset(paging.offset) }
            let rows = try await query.all(decoding: ListRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let items = try rows.map { r in
                AwardListItem(
                    award: try Row(
                        id: r.id, personId: r.personId, unitId: r.unitId, code: r.code, year: r.year, endYear: r.endYear, kind: r.kind,
                        decisionNumber: r.decisionNumber, decisionDate: r.decisionDate, authority: r.authority, source: r.source,
                        status: r.status, statusReason: r.statusReason
                    ).award(),
                    subjectName: r.fullName ?? r.unitName, unitCode: r.unitCode, birthDate: r.birthDate)
            }
            return Page(items: items, total: total, page: paging?.page ?? 1, per: paging?.per ?? max(1, total))
        }
    }
}
