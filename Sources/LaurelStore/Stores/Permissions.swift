import LaurelDomain

/// Role checks shared by the stores, so no route can write without them.
public enum Permissions {
    public static func requireWrite(_ identity: Identity) throws {
        guard identity.canWrite else { throw DomainError(.forbidden, "error.read_only_role") }
    }

    public static func requireAdmin(_ identity: Identity) throws {
        guard identity.role == .admin else { throw DomainError(.forbidden, "error.admin_only") }
    }
}

extension Identity {
    var auditActor: AuditActor { AuditActor(id: account.id, name: account.username) }
}

extension Permissions {
    /// Staff see their own record only; every other role browses its scope.
    public static func requireBrowse(_ identity: Identity) throws {
        guard identity.role != .staff else { throw DomainError(.forbidden, "error.staff_own_record_only") }
    }
}
