import Foundation
import LaurelDomain
import SQLKit

/// Who a write is recorded against.
public struct AuditActor: Sendable {
    public let id: Int64?
    public let name: String

    public init(id: Int64?, name: String) {
        self.id = id
        self.name = name
    }

    public static let system = AuditActor(id: nil, name: "system")
}

/// Appends to the audit log inside the caller's transaction. It has no update or delete: the
/// database's triggers refuse both as well.
public enum AuditLog {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public static func append(
        _ db: any SQLDatabase, actor: AuditActor, action: String, entity: String, entityId: Int64?,
        unitPath: String?, before: (some Encodable)?, after: (some Encodable)?
    ) async throws {
        let beforeJSON = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let afterJSON = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try await db.insert(into: "audit_events")
            .columns("at", "actor_id", "actor", "action", "entity", "entity_id", "unit_path", "before_json", "after_json")
            .values(
                SQLBind(Clock.timestamp()), SQLBind(actor.id), SQLBind(actor.name), SQLBind(action), SQLBind(entity),
                SQLBind(entityId), SQLBind(unitPath), SQLBind(beforeJSON), SQLBind(afterJSON)
            )
            .run()
    }
}

/// Filter of the audit log.
public struct AuditFilter: Sendable {
    public var entity: String?
    public var entityId: Int64?
    public var actorId: Int64?

    public init(entity: String? = nil, entityId: Int64? = nil, actorId: Int64? = nil) {
        self.entity = entity
        self.entityId = entityId
        self.actorId = actorId
    }
}

public struct AuditStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    private struct Row: Decodable {
        let id: Int64, at: String, actor: String, actorId: Int64?, action: String, entity: String, entityId: Int64?
        let beforeJson: String?, afterJson: String?
    }

    /// Entries within the scope, newest first. Entries without a unit (accounts of admins, system
    /// events) are visible to admins only.
    public func list(_ filter: AuditFilter, scope: Scope, paging: Paging) async throws -> Page<AuditEvent> {
        try await database.read { db in
            func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
                var query = query.from("audit_events")
                if let entity = filter.entity { query = query.where("entity", .equal, SQLBind(entity)) }
                if let entityId = filter.entityId { query = query.where("entity_id", .equal, SQLBind(entityId)) }
                if let actorId = filter.actorId { query = query.where("actor_id", .equal, SQLBind(actorId)) }
                return query.whereScope(column: "unit_path", scope)
            }
            let total =
                try await filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
                .first(decodingColumn: "n", as: Int.self) ?? 0
            let rows = try await filtered(
                db.select().columns("id", "at", "actor", "actor_id", "action", "entity", "entity_id", "before_json", "after_json")
            )
            .orderBy("id", .descending)
            .limit(paging.per).offset(paging.offset)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            let items = rows.map {
                AuditEvent(
                    id: $0.id, at: $0.at, actor: $0.actor, actorId: $0.actorId, action: $0.action, entity: $0.entity,
                    entityId: $0.entityId, before: $0.beforeJson, after: $0.afterJson)
            }
            return Page(items: items, total: total, page: paging.page, per: paging.per)
        }
    }
}
