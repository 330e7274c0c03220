/// The kind of a node of the organisation tree (đơn vị). Raw values are the API codes.
public enum UnitKind: String, Codable, Sendable, CaseIterable {
    case ministry, province, department, commune, school, enterprise, front, organisation, other
}

/// Where a unit sits in the administrative hierarchy (cấp).
public enum UnitLevel: String, Codable, Sendable, CaseIterable {
    case central, provincial, grassroots
}

/// Staff category of a person (đối tượng): the law treats some titles differently by category.
public enum StaffCategory: String, Codable, Sendable, CaseIterable {
    case cadre
    case civilServant = "civil_servant"
    case publicEmployee = "public_employee"
    case worker
    case armedForces = "armed_forces"
    case other
}

public enum Gender: String, Codable, Sendable, CaseIterable {
    case female, male, other
}

/// Roles of an account. Every account is also scoped to a unit and its subtree.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin
    case officer
    case council
    case leader
    case staff
    case auditor

    /// Roles that may change the organisation's data within their scope.
    public var canWrite: Bool {
        switch self {
        case .admin, .officer: true
        case .council, .leader, .staff, .auditor: false
        }
    }
}
