/// A login of Laurel: a role, and the unit whose subtree it may see (admins see everything).
public struct Account: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var username: String
    public var role: Role
    public var unitId: Int64
    public var personId: Int64?
    public var active: Bool

    public init(id: Int64, username: String, role: Role, unitId: Int64, personId: Int64?, active: Bool) {
        self.id = id
        self.username = username
        self.role = role
        self.unitId = unitId
        self.personId = personId
        self.active = active
    }
}

/// The part of the organisation tree an account may see.
public enum Scope: Sendable, Equatable {
    case everything
    case subtree(UnitPath)

    public func contains(_ path: UnitPath) -> Bool {
        switch self {
        case .everything: true
        case .subtree(let root): root.contains(path)
        }
    }
}

/// Who is acting, as every route sees it after authentication.
public struct Identity: Sendable, Equatable {
    public let account: Account
    public let scope: Scope
    public let scopeRootId: Int64?

    public init(account: Account, scope: Scope, scopeRootId: Int64?) {
        self.account = account
        self.scope = scope
        self.scopeRootId = scopeRootId
    }

    public var role: Role { account.role }
    public var canWrite: Bool { account.role.canWrite }
}

/// An entry of the audit log (nhật ký).
public struct AuditEvent: Codable, Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var actorId: Int64?
    public var action: String
    public var entity: String
    public var entityId: Int64?
    public var before: String?
    public var after: String?

    public init(
        id: Int64, at: String, actor: String, actorId: Int64?, action: String, entity: String, entityId: Int64?, before: String?,
        after: String?
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.actorId = actorId
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.before = before
        self.after = after
    }
}

/// A page of a list, with the total before paging.
public struct Page<Item: Sendable & Codable>: Sendable, Codable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var per: Int

    public init(items: [Item], total: Int, page: Int, per: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.per = per
    }
}

/// Paging input, clamped to sane bounds.
public struct Paging: Sendable, Equatable {
    public let page: Int
    public let per: Int

    public init(page: Int?, per: Int?) {
        self.page = max(1, min(page ?? 1, 1_000_000))
        self.per = max(1, min(per ?? 50, 500))
    }

    public var offset: Int { (page - 1) * per }
}
