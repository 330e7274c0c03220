import Foundation
import LaurelDomain
import SQLKit

/// A quota as a unit sets it: where it is set, and whether the unit asked about inherits it.
public struct QuotaSetting: Codable, Sendable, Equatable {
    public var code: String
    public var percent: Int
    public var ofCode: String
    /// The unit whose setting this is (the unit asked about, or its nearest ancestor with one).
    public var unitId: Int64
    public var unitName: String
    /// Set at an ancestor, not at the unit asked about.
    public var inherited: Bool

    public var quota: AwardQuota { AwardQuota(code: code, percent: percent, ofCode: ofCode) }
}

/// Award quotas an organisation sets for itself (none by law since 2024; some ministries and
/// provinces cap CSTDCS at a share of the unit's LDTT). Stored in the per-unit `settings` table
/// as key `quota.<CODE>` and a JSON value `{"percent":15,"ofCode":"LDTT"}`; a setting applies to
/// the unit's whole subtree and the nearest ancestor's setting wins, as for the registration
/// settings.
public struct QuotaStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    static let prefix = "quota."

    /// What the `value` column holds.
    struct Value: Codable, Equatable {
        var percent: Int
        var ofCode: String
    }

    struct Row: Decodable {
        let unitId: Int64
        let key: String
        let value: String
        let name: String
        let path: String
    }

    /// Quota rows joined to their units; `keys` nil for every quota.
    static func rows(_ db: any SQLDatabase, unitIds: [Int64]?, key: String?) async throws -> [Row] {
        var query = db.select()
            .columns(
                SQLColumn("unit_id", table: "s"), SQLColumn("key", table: "s"), SQLColumn("value", table: "s"),
                SQLColumn("name", table: "u"), SQLColumn("path", table: "u")
            )
            .from(SQLAlias(SQLIdentifier("settings"), as: "s"))
            .join(
                SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "s"), .equal,
                SQLColumn("id", table: "u"))
        if let key {
            query = query.where(SQLColumn("key", table: "s"), .equal, SQLBind(key))
        } else {
            // The prefix is a constant without LIKE wildcards other than the trailing one.
            query = query.where(SQLColumn("key", table: "s"), .like, SQLBind(prefix + "%"))
        }
        if let unitIds { query = query.where(SQLColumn("unit_id", table: "s"), .in, SQLBind.group(unitIds)) }
        return try await query.all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// A stored row as a quota; nil when the value cannot be read (then it is ignored, as if unset).
    static func setting(_ row: Row, askedFor unitId: Int64) -> QuotaSetting? {
        guard row.key.hasPrefix(prefix), let value = try? JSONDecoder().decode(Value.self, from: Data(row.value.utf8)) else { return nil }
        return QuotaSetting(
            code: String(row.key.dropFirst(prefix.count)), percent: value.percent, ofCode: value.ofCode,
            unitId: row.unitId, unitName: row.name, inherited: row.unitId != unitId)
    }

    /// Every quota in force for a unit: for each code, its own setting or else its nearest
    /// ancestor's, in code order.
    static func inForce(_ db: any SQLDatabase, unit: OrgUnit) async throws -> [QuotaSetting] {
        let ids = unit.unitPath.ids
        guard !ids.isEmpty else { return [] }
        let rows = try await rows(db, unitIds: ids, key: nil)
        var nearest: [String: (depth: Int, setting: QuotaSetting)] = [:]
        for row in rows {
            guard let setting = setting(row, askedFor: unit.id), let depth = ids.firstIndex(of: row.unitId) else { continue }
            if let known = nearest[setting.code], known.depth > depth { continue }
            nearest[setting.code] = (depth, setting)
        }
        return nearest.values.map(\.setting).sorted { $0.code < $1.code }
    }

    public func inForce(unitId: Int64, as identity: Identity) async throws -> [QuotaSetting] {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            try await Self.inForce(db, unit: try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope))
        }
    }

    /// Whether any unit sets a quota for `code`: the page checks this before loading a subtree's
    /// records a second time.
    public func isSet(code: String) async throws -> Bool {
        try await database.read { db in
            try await db.select().column("unit_id").from("settings").where("key", .equal, SQLBind(Self.prefix + code)).limit(1)
                .first() != nil
        }
    }

    /// The quota for `code` in force at each of the given units (keyed by unit id), in three
    /// queries whatever their number: the page checks a whole subtree, unit by unit. The ids come
    /// from a scope-checked read; nothing of a unit outside them is returned but the name of the
    /// ancestor whose setting applies.
    public func inForce(code: String, unitIds: [Int64]) async throws -> [Int64: QuotaSetting] {
        guard !unitIds.isEmpty else { return [:] }
        return try await database.read { db in
            let rows = try await Self.rows(db, unitIds: nil, key: Self.prefix + code)
            guard !rows.isEmpty else { return [:] }
            struct UnitRow: Decodable {
                let id: Int64
                let path: String
            }
            var units: [UnitRow] = []
            // Chunks keep the bind list under every database's limit.
            for start in stride(from: 0, to: unitIds.count, by: 5000) {
                let chunk = Array(unitIds[start..<min(start + 5000, unitIds.count)])
                units += try await db.select().columns("id", "path").from("units").where("id", .in, SQLBind.group(chunk)).all(
                    decoding: UnitRow.self)
            }
            let byUnit = Dictionary(rows.map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
            var result: [Int64: QuotaSetting] = [:]
            for unit in units {
                guard let row = UnitPath(value: unit.path).ids.reversed().lazy.compactMap({ byUnit[$0] }).first,
                    let setting = Self.setting(row, askedFor: unit.id)
                else { continue }
                result[unit.id] = setting
            }
            return result
        }
    }

    /// Sets (or replaces) the unit's own quota for `quota.code`.
    public func set(_ quota: AwardQuota, unitId: Int64, as identity: Identity) async throws -> QuotaSetting {
        try Permissions.requireWrite(identity)
        // The quota's invariants are the domain's (`AwardQuota(validating:…)`), against the stored catalogue.
        try quota.validate(in: try await CatalogueStore(database: database).catalogue())
        let key = Self.prefix + quota.code
        let value = Value(percent: quota.percent, ofCode: quota.ofCode)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // the same quota is always stored as the same text
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        return try await database.transaction { db in
            let unit = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope)
            let before = try await Self.own(db, unitId: unitId, key: key).map(Self.readable)
            try await db.delete(from: "settings").where("unit_id", .equal, SQLBind(unitId)).where("key", .equal, SQLBind(key)).run()
            try await db.insert(into: "settings").columns("unit_id", "key", "value").values(SQLBind(unitId), SQLBind(key), SQLBind(text))
                .run()
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "set_" + key, entity: "setting", entityId: unitId,
                unitPath: unit.path, before: before, after: value)
            return QuotaSetting(
                code: quota.code, percent: quota.percent, ofCode: quota.ofCode, unitId: unit.id, unitName: unit.name, inherited: false)
        }
    }

    /// Removes the unit's own quota for `code` (an inherited one is removed where it is set).
    public func remove(code: String, unitId: Int64, as identity: Identity) async throws {
        try Permissions.requireWrite(identity)
        // Only catalogue codes are ever stored; anything else (even a NUL, which PostgreSQL
        // refuses in text) is simply not found.
        guard let code = try await CatalogueStore(database: database).catalogue().entry(for: code)?.code else {
            throw DomainError(.notFound, "error.quota_not_found")
        }
        let key = Self.prefix + code
        try await database.transaction { db in
            let unit = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope)
            guard let before = try await Self.own(db, unitId: unitId, key: key) else {
                throw DomainError(.notFound, "error.quota_not_found")
            }
            try await db.delete(from: "settings").where("unit_id", .equal, SQLBind(unitId)).where("key", .equal, SQLBind(key)).run()
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "remove_" + key, entity: "setting", entityId: unitId,
                unitPath: unit.path, before: Self.readable(before), after: Optional<Value>.none)
        }
    }

    /// A stored value for the audit log: the quota when it reads, else the text as stored.
    static func readable(_ text: String) -> Stored {
        (try? JSONDecoder().decode(Value.self, from: Data(text.utf8))).map(Stored.quota) ?? .text(text)
    }

    enum Stored: Encodable {
        case quota(Value)
        case text(String)
        func encode(to encoder: any Encoder) throws {
            switch self {
            case .quota(let value): try value.encode(to: encoder)
            case .text(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            }
        }
    }

    /// The unit's own stored value for a key, as it reads (an unreadable one is kept as text).
    static func own(_ db: any SQLDatabase, unitId: Int64, key: String) async throws -> String? {
        try await db.select().column("value").from("settings").where("unit_id", .equal, SQLBind(unitId))
            .where("key", .equal, SQLBind(key)).first(decodingColumn: "value", as: String.self)
    }
}
