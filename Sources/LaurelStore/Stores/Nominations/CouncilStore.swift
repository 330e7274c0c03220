import Foundation
import LaurelDomain
import SQLKit

/// A council as read back: its unit, the period it sits, and its members in the order given.
public struct CouncilRecord: Sendable, Encodable {
    public struct Member: Sendable, Encodable {
        public var id: Int64
        public var personId: Int64?
        /// The person's full name, or the outsider's name as given.
        public var name: String
        public var title: String?
        public var role: CouncilRole
    }
    public var id: Int64
    public var unitId: Int64
    public var unitName: String
    public var name: String
    public var sitsFrom: CalendarDate?
    public var sitsUntil: CalendarDate?
    public var members: [Member]
}

/// Councils (Hội đồng Thi đua – Khen thưởng) of the units in scope. A council is written by the
/// officers whose scope holds its unit, and read by those who may read that unit.
public struct CouncilStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, unitId: Int64, name: String, sitsFrom: String?, sitsUntil: String?
    }

    struct MemberRow: Decodable {
        let councilId: Int64, id: Int64, personId: Int64?, name: String?, title: String?, role: String, fullName: String?
    }

    public func create(_ draft: CouncilDraft, as identity: Identity) async throws -> CouncilRecord {
        try Permissions.requireWrite(identity)
        let problems = draft.problems()
        guard problems.isEmpty else { throw ValidationErrors(problems) }
        return try await database.transaction { db in
            let unit = try await UnitStore.fetchInScope(db, id: draft.unitId, scope: identity.scope, field: "unitId")
            for (index, seat) in draft.seats.enumerated() {
                guard let person = seat.personId else { continue }
                do {
                    _ = try await PersonStore.fetchInScope(db, id: person, identity: identity)
                } catch let error as DomainError where error.kind == .notFound {
                    throw DomainError(.notFound, "error.person_not_found", field: "members[\(index)].personId")
                }
            }
            let now = Clock.timestamp()
            guard
                let id = try await db.insert(into: "councils")
                    .columns("unit_id", "name", "sits_from", "sits_until", "created_at", "updated_at")
                    .values(
                        SQLBind(draft.unitId), SQLBind(draft.name), SQLBind(draft.sitsFrom?.description),
                        SQLBind(draft.sitsUntil?.description), SQLBind(now), SQLBind(now)
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            for (position, seat) in draft.seats.enumerated() {
                try await db.insert(into: "council_members").columns("council_id", "person_id", "name", "title", "role", "position")
                    .values(
                        SQLBind(id), SQLBind(seat.personId), SQLBind(seat.name), SQLBind(seat.title), SQLBind(seat.role.rawValue),
                        SQLBind(position)
                    ).run()
            }
            let record = try await Self.record(db, id: id)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "council", entityId: id, unitPath: unit.path,
                before: CouncilRecord?.none, after: record)
            return record
        }
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> CouncilRecord {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            try await Self.readable(db, id: id, identity: identity)
            return try await Self.record(db, id: id)
        }
    }

    /// The councils of the units in scope, or of one unit of it.
    public func list(unitId: Int64?, as identity: Identity) async throws -> [CouncilRecord] {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            var query = db.select().column(SQLColumn("id", table: "c")).from(SQLAlias(SQLIdentifier("councils"), as: "c"))
                .join(
                    SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "c"), .equal,
                    SQLColumn("id", table: "u")
                )
                .whereScope(SQLColumn("path", table: "u"), identity.scope)
            if let unitId { query = query.where(SQLColumn("unit_id", table: "c"), .equal, SQLBind(unitId)) }
            let ids = try await query.orderBy(SQLColumn("id", table: "c")).limit(500).all(decodingColumn: "id", as: Int64.self)
            return try await Self.records(db, ids: ids)
        }
    }

    /// The council's unit, if the identity may read it; otherwise "not found", as for a council that does not exist.
    @discardableResult
    static func readable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> OrgUnit {
        guard
            let unitId = try await db.select().column("unit_id").from("councils").where("id", .equal, SQLBind(id))
                .first(decodingColumn: "unit_id", as: Int64.self),
            let unit = try await UnitStore.fetch(db, id: unitId), identity.scope.contains(unit.unitPath)
        else { throw DomainError(.notFound, "error.council_not_found") }
        return unit
    }

    static func record(_ db: any SQLDatabase, id: Int64) async throws -> CouncilRecord {
        guard let record = try await records(db, ids: [id]).first else { throw DomainError(.notFound, "error.council_not_found") }
        return record
    }

    /// Councils in the order of `ids`, with one query per table whatever their number.
    static func records(_ db: any SQLDatabase, ids: [Int64]) async throws -> [CouncilRecord] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().columns("id", "unit_id", "name", "sits_from", "sits_until").from("councils")
            .where("id", .in, SQLBind.group(ids)).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let members = try await db.select()
            .columns(
                SQLColumn("council_id", table: "m"), SQLColumn("id", table: "m"), SQLColumn("person_id", table: "m"),
                SQLColumn("name", table: "m"), SQLColumn("title", table: "m"), SQLColumn("role", table: "m"),
                SQLAlias(SQLColumn("full_name", table: "p"), as: "full_name")
            )
            .from(SQLAlias(SQLIdentifier("council_members"), as: "m"))
            .join(
                SQLAlias(SQLIdentifier("people"), as: "p"), method: SQLJoinMethod.left, on: SQLColumn("person_id", table: "m"), .equal,
                SQLColumn("id", table: "p")
            )
            .where(SQLColumn("council_id", table: "m"), .in, SQLBind.group(ids)).orderBy(SQLColumn("position", table: "m"))
            .all(decoding: MemberRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let membersBy = Dictionary(grouping: members, by: \.councilId)
        let names = try await Lookup.unitNames(db, rows.map(\.unitId))
        let byId = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try ids.compactMap { id -> CouncilRecord? in
            guard let row = byId[id] else { return nil }
            return CouncilRecord(
                id: row.id, unitId: row.unitId, unitName: names[row.unitId] ?? "", name: row.name,
                sitsFrom: try row.sitsFrom.map { try StoredDate.read($0, "councils.sits_from") },
                sitsUntil: try row.sitsUntil.map { try StoredDate.read($0, "councils.sits_until") },
                members: try (membersBy[id] ?? []).map { member in
                    .init(
                        id: member.id, personId: member.personId, name: member.fullName ?? member.name ?? "", title: member.title,
                        role: try StoredChoice.read(member.role, "council_members.role"))
                })
        }
    }
}
