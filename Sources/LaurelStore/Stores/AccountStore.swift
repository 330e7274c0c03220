import Foundation
import LaurelDomain
import SQLKit

/// An account as lists show it: with the name of its unit.
public struct AccountListItem: Codable, Sendable, Equatable {
    public var account: Account
    public var unitName: String
}

public struct AccountDraft: Sendable {
    public var username: String
    public var passwordHash: String
    public var role: Role
    public var unitId: Int64
    public var personId: Int64?

    public init(username: String, passwordHash: String, role: Role, unitId: Int64, personId: Int64?) {
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.unitId = unitId
        self.personId = personId
    }
}

/// Accounts, their tokens (sessions and API tokens, stored as hashes) and the identity behind a token.
public struct AccountStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, username: String, role: Role, unitId: Int64, personId: Int64?, active: Bool
        let unitName: String?, unitPath: String?

        var account: Account {
            Account(id: id, username: username, role: role, unitId: unitId, personId: personId, active: active)
        }
    }

    static func baseQuery(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .columns(["id", "username", "role", "unit_id", "person_id", "active"].map { SQLColumn($0, table: "a") })
            .column(SQLColumn("name", table: "u"), as: "unit_name").column(SQLColumn("path", table: "u"), as: "unit_path")
            .from(SQLAlias(SQLIdentifier("accounts"), as: "a"))
            .join(
                SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "a"), .equal,
                SQLColumn("id", table: "u"))
    }

    /// Admins see every account; officers those of their subtree; other roles only their own.
    static func fetchInScope(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> (Account, UnitPath) {
        guard
            let row = try await baseQuery(db).where(SQLColumn("id", table: "a"), .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase), let path = row.unitPath
        else { throw DomainError(.notFound, "error.account_not_found") }
        let visible =
            switch identity.role {
            case .admin: true
            case .officer: identity.scope.contains(UnitPath(value: path)) && (row.role != .admin)
            default: identity.account.id == id
            }
        guard visible else { throw DomainError(.notFound, "error.account_not_found") }
        return (row.account, UnitPath(value: path))
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> AccountListItem {
        try await database.read { db in
            let (account, path) = try await Self.fetchInScope(db, id: id, identity: identity)
            let name =
                try await db.select().column("name").from("units").where("path", .equal, SQLBind(path.value))
                .first(decodingColumn: "name", as: String.self) ?? ""
            return AccountListItem(account: account, unitName: name)
        }
    }

    public func list(query: String?, paging: Paging, as identity: Identity) async throws -> Page<AccountListItem> {
        guard identity.role == .admin || identity.role == .officer else { throw DomainError(.forbidden, "error.accounts_admin_only") }
        return try await database.read { db in
            func filtered(_ q: SQLSelectBuilder) -> SQLSelectBuilder {
                var q = q.whereScope(SQLColumn("path", table: "u"), identity.scope)
                if identity.role != .admin { q = q.where(SQLColumn("role", table: "a"), .notEqual, SQLBind(Role.admin.rawValue)) }
                if let text = query?.lowercased().trimmingCharacters(in: .whitespaces), !text.isEmpty {
                    q = q.whereContains(SQLColumn("username", table: "a"), text)
                }
                return q
            }
            let countQuery = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(SQLAlias(SQLIdentifier("accounts"), as: "a"))
                .join(
                    SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "a"), .equal,
                    SQLColumn("id", table: "u"))
            let total = try await filtered(countQuery).first(decodingColumn: "n", as: Int.self) ?? 0
            let rows = try await filtered(Self.baseQuery(db)).orderBy(SQLColumn("username", table: "a"))
                .limit(paging.per).offset(paging.offset)
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(
                items: rows.map { AccountListItem(account: $0.account, unitName: $0.unitName ?? "") }, total: total, page: paging.page,
                per: paging.per)
        }
    }

    /// Admins create any account; officers create non-admin accounts inside their subtree.
    public func create(_ draft: AccountDraft, as identity: Identity?) async throws -> Account {
        if let identity {
            guard identity.role == .admin || (identity.role == .officer && draft.role != .admin) else {
                throw DomainError(.forbidden, "error.account_role_not_allowed", field: "role")
            }
        }
        return try await database.transaction { db in
            let unit: OrgUnit
            if let identity {
                unit = try await UnitStore.fetchInScope(db, id: draft.unitId, scope: identity.scope, field: "unitId")
            } else {
                guard let found = try await UnitStore.fetch(db, id: draft.unitId) else {
                    throw DomainError(.notFound, "error.unit_not_found", field: "unitId")
                }
                unit = found
            }
            if let personId = draft.personId {
                guard
                    let person = try await db.select().column("unit_id").from("people").where("id", .equal, SQLBind(personId))
                        .first(decodingColumn: "unit_id", as: Int64.self)
                else { throw DomainError(.notFound, "error.person_not_found", field: "personId") }
                guard let personUnit = try await UnitStore.fetch(db, id: person),
                    unit.unitPath.contains(personUnit.unitPath) || personUnit.id == unit.id
                else {
                    throw DomainError.invalid("error.person_outside_unit", field: "personId")
                }
            }
            if try await db.select().column("id").from("accounts").where("username", .equal, SQLBind(draft.username)).first() != nil {
                throw DomainError(.conflict, "error.username_taken", field: "username")
            }
            guard
                let id = try await db.insert(into: "accounts")
                    .columns("username", "password_hash", "role", "unit_id", "person_id", "active", "created_at")
                    .values(
                        SQLBind(draft.username), SQLBind(draft.passwordHash), SQLBind(draft.role.rawValue), SQLBind(draft.unitId),
                        SQLBind(draft.personId), SQLBind(true), SQLBind(Clock.timestamp())
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            let account = Account(
                id: id, username: draft.username, role: draft.role, unitId: draft.unitId, personId: draft.personId, active: true)
            try await AuditLog.append(
                db, actor: identity?.auditActor ?? .system, action: "create", entity: "account", entityId: id,
                unitPath: unit.path, before: Account?.none, after: account)
            return account
        }
    }

    /// Changes role, unit, activity or password; nil, or the value the account already has, leaves a
    /// field as it is. Nobody changes their own role, unit or activity (an officer who moved their own
    /// account into a sub-unit would lose the rest of their scope for good), nor their own password
    /// here: that takes the current password (`changeOwnPassword`). The account's sessions and API
    /// tokens are dropped only when something really changed, so saving a page unchanged signs no one out.
    public func update(
        _ id: Int64, role: Role?, unitId: Int64?, active: Bool?, passwordHash: String?, as identity: Identity
    ) async throws -> Account {
        guard identity.role == .admin || identity.role == .officer else { throw DomainError(.forbidden, "error.accounts_admin_only") }
        return try await database.transaction { db in
            let (before, path) = try await Self.fetchInScope(db, id: id, identity: identity)
            let role = role.flatMap { $0 == before.role ? nil : $0 }
            let unitId = unitId.flatMap { $0 == before.unitId ? nil : $0 }
            let active = active.flatMap { $0 == before.active ? nil : $0 }
            if id == identity.account.id {
                if role != nil { throw DomainError(.forbidden, "error.cannot_change_own_role", field: "role") }
                if unitId != nil { throw DomainError(.forbidden, "error.cannot_change_own_unit", field: "unitId") }
                if active != nil { throw DomainError(.forbidden, "error.cannot_deactivate_self", field: "active") }
                if passwordHash != nil { throw DomainError(.forbidden, "error.own_password_needs_current", field: "password") }
            }
            if role == .admin && identity.role != .admin { throw DomainError(.forbidden, "error.account_role_not_allowed", field: "role") }
            var newPath = path
            if let unitId {
                newPath = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId").unitPath
            }
            guard role != nil || unitId != nil || active != nil || passwordHash != nil else { return before }
            var update = db.update("accounts").where("id", .equal, SQLBind(id))
            if let role { update = update.set("role", to: SQLBind(role.rawValue)) }
            if let unitId { update = update.set("unit_id", to: SQLBind(unitId)) }
            if let active { update = update.set("active", to: SQLBind(active)) }
            if let passwordHash { update = update.set("password_hash", to: SQLBind(passwordHash)) }
            try await update.run()
            // Each of these changes what the account may do or who can be it: its tokens go.
            try await db.delete(from: "auth_tokens").where("account_id", .equal, SQLBind(id)).run()
            let (after, _) = try await Self.fetchInScope(
                db, id: id, identity: Identity(account: identity.account, scope: .everything, scopeRootId: nil))
            try await AuditLog.append(
                db, actor: identity.auditActor, action: passwordHash != nil ? "update_password" : "update", entity: "account",
                entityId: id, unitPath: newPath.value, before: before, after: after)
            return after
        }
    }

    /// The stored hash of an account's password, to check the current one before a change.
    public func passwordHash(of accountId: Int64) async throws -> String? {
        try await database.read { db in
            try await db.select().column("password_hash").from("accounts").where("id", .equal, SQLBind(accountId))
                .first(decodingColumn: "password_hash", as: String.self)
        }
    }

    /// The signed-in user's own new password (the caller has checked the current one). Every other
    /// session and API token of the account is dropped; the one given (the caller's) is kept.
    public func changeOwnPassword(_ identity: Identity, passwordHash: String, keepingTokenHash keep: String?) async throws {
        try await database.transaction { db in
            let id = identity.account.id
            let everything = Identity(account: identity.account, scope: .everything, scopeRootId: nil)
            let (account, path) = try await Self.fetchInScope(db, id: id, identity: everything)
            try await db.update("accounts").set("password_hash", to: SQLBind(passwordHash)).where("id", .equal, SQLBind(id)).run()
            var drop = db.delete(from: "auth_tokens").where("account_id", .equal, SQLBind(id))
            if let keep { drop = drop.where("token_hash", .notEqual, SQLBind(keep)) }
            try await drop.run()
            // The account as it is, never the password nor its hash.
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "password_changed", entity: "account", entityId: id,
                unitPath: path.value, before: Account?.none, after: account)
        }
    }

    // MARK: Authentication

    public struct Credentials: Sendable {
        public let account: Account
        public let passwordHash: String
    }

    public func credentials(username: String) async throws -> Credentials? {
        try await database.read { db in
            struct Row: Decodable {
                let id: Int64, username: String, role: Role, unitId: Int64, personId: Int64?, active: Bool, passwordHash: String
            }
            guard
                let row = try await db.select().columns("id", "username", "role", "unit_id", "person_id", "active", "password_hash")
                    .from("accounts").where("username", .equal, SQLBind(username))
                    .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { return nil }
            let account = Account(
                id: row.id, username: row.username, role: row.role, unitId: row.unitId, personId: row.personId,
                active: row.active)
            return Credentials(account: account, passwordHash: row.passwordHash)
        }
    }

    public func storeToken(hash: String, accountId: Int64, kind: String, csrf: String, expiresAt: Int64) async throws {
        try await database.transaction { db in
            try await db.delete(from: "auth_tokens").where("expires_at", .lessThan, SQLBind(Clock.epochSeconds())).run()
            try await db.insert(into: "auth_tokens").columns("token_hash", "account_id", "kind", "csrf", "expires_at", "created_at")
                .values(SQLBind(hash), SQLBind(accountId), SQLBind(kind), SQLBind(csrf), SQLBind(expiresAt), SQLBind(Clock.timestamp()))
                .run()
        }
    }

    /// Drops a token (signing out). With an identity, the owner revoked it from the API: that is audited.
    public func revokeToken(hash: String, auditedAs identity: Identity? = nil) async throws {
        try await database.transaction { db in
            try await db.delete(from: "auth_tokens").where("token_hash", .equal, SQLBind(hash)).run()
            if let identity {
                let path = try await db.select().column("path").from("units").where("id", .equal, SQLBind(identity.account.unitId))
                    .first(decodingColumn: "path", as: String.self)
                try await AuditLog.append(
                    db, actor: identity.auditActor, action: "token_revoked", entity: "account", entityId: identity.account.id,
                    unitPath: path, before: Account?.none, after: Account?.none)
            }
        }
    }

    /// The identity behind a live token of the given kind, with its CSRF secret.
    public func identity(tokenHash: String, kind: String) async throws -> (Identity, csrf: String)? {
        try await database.read { db in
            struct Row: Decodable {
                let id: Int64, username: String, role: Role, unitId: Int64, personId: Int64?, active: Bool
                let unitPath: String, csrf: String, expiresAt: Int64
            }
            guard
                let row = try await db.select()
                    .columns(["id", "username", "role", "unit_id", "person_id", "active"].map { SQLColumn($0, table: "a") })
                    .column(SQLColumn("path", table: "u"), as: "unit_path")
                    .column(SQLColumn("csrf", table: "t")).column(SQLColumn("expires_at", table: "t"))
                    .from(SQLAlias(SQLIdentifier("auth_tokens"), as: "t"))
                    .join(
                        SQLAlias(SQLIdentifier("accounts"), as: "a"), method: SQLJoinMethod.inner, on: SQLColumn("account_id", table: "t"),
                        .equal, SQLColumn("id", table: "a")
                    )
                    .join(
                        SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "a"),
                        .equal, SQLColumn("id", table: "u")
                    )
                    .where(SQLColumn("token_hash", table: "t"), .equal, SQLBind(tokenHash))
                    .where(SQLColumn("kind", table: "t"), .equal, SQLBind(kind))
                    .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase),
                row.active, row.expiresAt > Clock.epochSeconds()
            else { return nil }
            let account = Account(
                id: row.id, username: row.username, role: row.role, unitId: row.unitId, personId: row.personId,
                active: row.active)
            let scope: Scope = account.role == .admin ? .everything : .subtree(UnitPath(value: row.unitPath))
            return (Identity(account: account, scope: scope, scopeRootId: account.role == .admin ? nil : account.unitId), row.csrf)
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("accounts").first(
                decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}
