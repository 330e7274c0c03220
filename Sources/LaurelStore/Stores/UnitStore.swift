import Foundation
import LaurelDomain
import SQLKit

/// Filters of the unit list.
public struct UnitFilter: Sendable {
    public var parentId: Int64?
    public var query: String?
    public var kind: UnitKind?
    public var includeInactive: Bool
    public var sort: UnitSort

    public init(parentId: Int64? = nil, query: String? = nil, kind: UnitKind? = nil, includeInactive: Bool = true, sort: UnitSort = .name) {
        self.parentId = parentId
        self.query = query
        self.kind = kind
        self.includeInactive = includeInactive
        self.sort = sort
    }
}

public enum UnitSort: String, Sendable, CaseIterable {
    case name, code
    case nameDescending = "-name"
    case codeDescending = "-code"
}

/// Units of the organisation tree. Every method takes the acting identity and works only inside
/// its scope; a unit outside the scope is reported as not found, so its existence does not leak.
public struct UnitStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, code: String, name: String, kind: UnitKind, level: UnitLevel, parentId: Int64?, path: String
        let active: Bool, activeFrom: String?, activeTo: String?, mergedIntoId: Int64?

        var unit: OrgUnit {
            OrgUnit(
                id: id, code: code, name: name, kind: kind, level: level,
                parentId: parentId, path: path, active: active, activeFrom: activeFrom, activeTo: activeTo, mergedIntoId: mergedIntoId)
        }
    }

    static let columns = [
        "id", "code", "name", "kind", "level", "parent_id", "path", "active", "active_from", "active_to", "merged_into_id",
    ]

    static func fetch(_ db: any SQLDatabase, id: Int64) async throws -> OrgUnit? {
        try await db.select().columns(columns).from("units").where("id", .equal, SQLBind(id))
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.unit
    }

    /// The unit if it exists and lies in the scope, else `notFound`.
    static func fetchInScope(_ db: any SQLDatabase, id: Int64, scope: Scope, field: String? = nil) async throws -> OrgUnit {
        guard let unit = try await fetch(db, id: id), scope.contains(unit.unitPath) else {
            throw DomainError(.notFound, "error.unit_not_found", field: field)
        }
        return unit
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> OrgUnit {
        try await database.read { db in try await Self.fetchInScope(db, id: id, scope: identity.scope) }
    }

    public func list(_ filter: UnitFilter, paging: Paging, as identity: Identity) async throws -> Page<OrgUnit> {
        try await database.read { db in
            func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
                var query = query.from("units").whereScope(column: "path", identity.scope)
                if let parentId = filter.parentId { query = query.where("parent_id", .equal, SQLBind(parentId)) }
                if let kind = filter.kind { query = query.where("kind", .equal, SQLBind(kind.rawValue)) }
                if !filter.includeInactive { query = query.where("active", .equal, SQLBind(true)) }
                if let q = filter.query.map(VietnameseText.searchKey), !q.isEmpty {
                    query = query.where { group in
                        group.whereContains(SQLColumn("name_search"), q).orWhere(
                            LikeContains(column: SQLFunction("LOWER", args: SQLColumn("code")), pattern: likeContains(q)))
                    }
                }
                return query
            }
            let total =
                try await filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
                .first(decodingColumn: "n", as: Int.self) ?? 0
            var query = filtered(db.select().columns(Self.columns))
            switch filter.sort {
            case .name: query = query.orderBy("name_sort", .ascending)
            case .nameDescending: query = query.orderBy("name_sort", .descending)
            case .code: query = query.orderBy("code", .ascending)
            case .codeDescending: query = query.orderBy("code", .descending)
            }
            let rows = try await query.orderBy("id").limit(paging.per).offset(paging.offset)
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(items: rows.map(\.unit), total: total, page: paging.page, per: paging.per)
        }
    }

    /// Every unit of a subtree (its root included), in tree order: one range query on the path.
    public func subtree(of id: Int64, as identity: Identity) async throws -> [OrgUnit] {
        try await database.read { db in
            let root = try await Self.fetchInScope(db, id: id, scope: identity.scope)
            return try await db.select().columns(Self.columns).from("units")
                .whereScope(column: "path", .subtree(root.unitPath))
                .orderBy("path")
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.unit)
        }
    }

    public func create(_ draft: UnitDraft, as identity: Identity) async throws -> OrgUnit {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            var parentPath: UnitPath?
            if let parentId = draft.parentId {
                let parent = try await Self.fetchInScope(db, id: parentId, scope: identity.scope, field: "parentId")
                guard parent.active else { throw DomainError.invalid("error.parent_inactive", field: "parentId") }
                parentPath = parent.unitPath
            } else if identity.scope != .everything {
                throw DomainError(.forbidden, "error.root_unit_admin_only", field: "parentId")
            }
            try await Self.requireFreeCode(db, draft.code, except: nil)
            let now = Clock.timestamp()
            guard
                let id = try await db.insert(into: "units")
                    .columns(
                        "code", "name", "name_search", "name_sort", "kind", "level", "parent_id", "path", "active", "active_from",
                        "created_at", "updated_at"
                    )
                    .values(
                        SQLBind(draft.code), SQLBind(draft.name), SQLBind(VietnameseText.searchKey(draft.name)),
                        SQLBind(VietnameseText.sortKey(draft.name)),
                        SQLBind(draft.kind.rawValue), SQLBind(draft.level.rawValue), SQLBind(draft.parentId), SQLBind("/"), SQLBind(true),
                        SQLBind(draft.activeFrom), SQLBind(now), SQLBind(now)
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            let path = parentPath.map { $0.child(id) } ?? .root(id)
            try await db.update("units").set("path", to: SQLBind(path.value)).where("id", .equal, SQLBind(id)).run()
            guard let unit = try await Self.fetch(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "unit", entityId: id,
                unitPath: unit.path, before: OrgUnit?.none, after: unit)
            return unit
        }
    }

    /// Changes the unit's fields; a new `parentId` moves the unit with its whole subtree.
    public func update(_ id: Int64, with draft: UnitDraft, as identity: Identity) async throws -> OrgUnit {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let before = try await Self.fetchInScope(db, id: id, scope: identity.scope)
            if draft.code != before.code { try await Self.requireFreeCode(db, draft.code, except: id) }
            let now = Clock.timestamp()
            try await db.update("units")
                .set("code", to: SQLBind(draft.code)).set("name", to: SQLBind(draft.name))
                .set("name_search", to: SQLBind(VietnameseText.searchKey(draft.name)))
                .set("name_sort", to: SQLBind(VietnameseText.sortKey(draft.name)))
                .set("kind", to: SQLBind(draft.kind.rawValue)).set("level", to: SQLBind(draft.level.rawValue))
                .set("active_from", to: SQLBind(draft.activeFrom)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            if draft.parentId != before.parentId {
                try await Self.move(db, unit: before, to: draft.parentId, identity: identity)
            }
            guard let after = try await Self.fetch(db, id: id) else { throw DomainError(.notFound, "error.unit_not_found") }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: draft.parentId != before.parentId ? "move" : "update",
                entity: "unit", entityId: id, unitPath: after.path, before: before, after: after)
            return after
        }
    }

    static func move(_ db: any SQLDatabase, unit: OrgUnit, to newParentId: Int64?, identity: Identity) async throws {
        var newPath: UnitPath
        if let newParentId {
            let parent = try await fetchInScope(db, id: newParentId, scope: identity.scope, field: "parentId")
            try UnitTreeRules.checkMove(unit: unit.unitPath, newParent: parent.unitPath)
            guard parent.active else { throw DomainError.invalid("error.parent_inactive", field: "parentId") }
            newPath = parent.unitPath.child(unit.id)
        } else {
            guard identity.scope == .everything else { throw DomainError(.forbidden, "error.root_unit_admin_only", field: "parentId") }
            newPath = .root(unit.id)
        }
        if case .subtree(let root) = identity.scope, root == unit.unitPath {
            throw DomainError(.forbidden, "error.cannot_move_scope_root", field: "parentId")
        }
        try await db.update("units").set("parent_id", to: SQLBind(newParentId)).where("id", .equal, SQLBind(unit.id)).run()
        try await rewritePaths(db, from: unit.unitPath, to: newPath, includingRoot: true)
    }

    /// Replaces the prefix `old` by `new` in the paths of a subtree, in one statement.
    static func rewritePaths(_ db: any SQLDatabase, from old: UnitPath, to new: UnitPath, includingRoot: Bool) async throws {
        let lower = includingRoot ? ">=" : ">"
        try await db.raw(
            """
            UPDATE units SET path = \(bind: new.value) || substr(path, CAST(\(bind: old.value.count + 1) AS INTEGER))
            WHERE path \(unsafeRaw: lower) \(bind: old.value) AND path < \(bind: old.subtreeUpperBound)
            """
        ).run()
        // `lower` is one of two fixed operators above, never user input.
    }

    static func requireFreeCode(_ db: any SQLDatabase, _ code: String, except id: Int64?) async throws {
        var query = db.select().column("id").from("units").where("code", .equal, SQLBind(code))
        if let id { query = query.where("id", .notEqual, SQLBind(id)) }
        if try await query.first() != nil {
            throw DomainError(.conflict, "error.code_taken", field: "code")
        }
    }

    /// Ends a unit's active period. A unit with active units below it cannot be deactivated.
    public func deactivate(_ id: Int64, on date: CalendarDate, as identity: Identity) async throws -> OrgUnit {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let before = try await Self.fetchInScope(db, id: id, scope: identity.scope)
            guard before.active else { throw DomainError(.conflict, "error.unit_already_inactive") }
            if case .subtree(let root) = identity.scope, root == before.unitPath {
                throw DomainError(.forbidden, "error.cannot_change_scope_root")
            }
            let children =
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("units")
                .where("parent_id", .equal, SQLBind(id)).where("active", .equal, SQLBind(true))
                .first(decodingColumn: "n", as: Int.self) ?? 0
            if children > 0 { throw DomainError(.conflict, "error.unit_has_active_children") }
            try await db.update("units").set("active", to: SQLBind(false)).set("active_to", to: SQLBind(date.description))
                .set("updated_at", to: SQLBind(Clock.timestamp())).where("id", .equal, SQLBind(id)).run()
            guard let after = try await Self.fetch(db, id: id) else { throw DomainError(.notFound, "error.unit_not_found") }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "deactivate", entity: "unit", entityId: id,
                unitPath: after.path, before: before, after: after)
            return after
        }
    }

    /// Merges `sourceId` into `targetId` (the 2025 reform merged provinces and ended districts):
    /// the source's child units and people move to the target, the source is closed and points to
    /// the target, and both keep their history.
    public func merge(_ sourceId: Int64, into targetId: Int64, on date: CalendarDate, as identity: Identity) async throws -> MergeResult {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let source = try await Self.fetchInScope(db, id: sourceId, scope: identity.scope)
            let target = try await Self.fetchInScope(db, id: targetId, scope: identity.scope, field: "targetId")
            try UnitTreeRules.checkMerge(
                source: source.unitPath, sourceActive: source.active, target: target.unitPath, targetActive: target.active)
            if case .subtree(let root) = identity.scope, root == source.unitPath {
                throw DomainError(.forbidden, "error.cannot_change_scope_root")
            }
            let children = try await db.select().column("id").from("units").where("parent_id", .equal, SQLBind(sourceId))
                .all(decodingColumn: "id", as: Int64.self)
            try await db.update("units").set("parent_id", to: SQLBind(targetId)).where("parent_id", .equal, SQLBind(sourceId)).run()
            try await Self.rewritePaths(db, from: source.unitPath, to: target.unitPath, includingRoot: false)
            let moved =
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("people")
                .where("unit_id", .equal, SQLBind(sourceId)).first(decodingColumn: "n", as: Int.self) ?? 0
            try await db.raw(
                """
                INSERT INTO person_transfers (person_id, from_unit_id, to_unit_id, on_date, reason, account_id)
                SELECT id, \(bind: sourceId), \(bind: targetId), \(bind: date.description), \(bind: "merge"), \(bind: identity.account.id)
                FROM people WHERE unit_id = \(bind: sourceId)
                """
            ).run()
            try await db.update("people").set("unit_id", to: SQLBind(targetId)).set("updated_at", to: SQLBind(Clock.timestamp()))
                .where("unit_id", .equal, SQLBind(sourceId)).run()
            try await db.update("units").set("active", to: SQLBind(false)).set("active_to", to: SQLBind(date.description))
                .set("merged_into_id", to: SQLBind(targetId)).set("updated_at", to: SQLBind(Clock.timestamp()))
                .where("id", .equal, SQLBind(sourceId)).run()
            try await db.insert(into: "unit_merges").columns(
                "source_id", "target_id", "on_date", "people_moved", "units_moved", "account_id"
            )
            .values(
                SQLBind(sourceId), SQLBind(targetId), SQLBind(date.description), SQLBind(moved), SQLBind(children.count),
                SQLBind(identity.account.id)
            )
            .run()
            guard let after = try await Self.fetch(db, id: sourceId) else { throw DomainError(.notFound, "error.unit_not_found") }
            let result = MergeResult(source: after, targetId: targetId, peopleMoved: moved, unitsMoved: children.count)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "merge", entity: "unit", entityId: sourceId,
                unitPath: target.path, before: source, after: result)
            return result
        }
    }

    /// Counts for the dashboard, within the scope.
    public func count(as identity: Identity, activeOnly: Bool = true) async throws -> Int {
        try await database.read { db in
            var query = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("units").whereScope(
                column: "path", identity.scope)
            if activeOnly { query = query.where("active", .equal, SQLBind(true)) }
            return try await query.first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Code → (id, path) of every unit: used by imports and the demo loader.
    public func names(ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { db in
            let rows = try await db.select().columns("id", "name").from("units").where("id", .in, SQLBind.group(ids))
                .all(decoding: IdName.self)
            return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        }
    }
}

struct IdName: Decodable {
    let id: Int64
    let name: String
}

public struct MergeResult: Codable, Sendable, Equatable {
    public var source: OrgUnit
    public var targetId: Int64
    public var peopleMoved: Int
    public var unitsMoved: Int
}
