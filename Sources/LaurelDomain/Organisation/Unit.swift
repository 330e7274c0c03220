/// A node of the organisation tree (đơn vị).
public struct OrgUnit: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var level: UnitLevel
    public var parentId: Int64?
    public var path: String
    public var active: Bool
    public var activeFrom: String?
    public var activeTo: String?
    public var mergedIntoId: Int64?

    public init(
        id: Int64, code: String, name: String, kind: UnitKind, level: UnitLevel, parentId: Int64?, path: String,
        active: Bool, activeFrom: String?, activeTo: String?, mergedIntoId: Int64?
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.level = level
        self.parentId = parentId
        self.path = path
        self.active = active
        self.activeFrom = activeFrom
        self.activeTo = activeTo
        self.mergedIntoId = mergedIntoId
    }

    public var unitPath: UnitPath { UnitPath(value: path) }
}

/// What it takes to create or change a unit, already validated.
public struct UnitDraft: Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var level: UnitLevel
    public var parentId: Int64?
    public var activeFrom: String?

    public init(code: String, name: String, kind: UnitKind, level: UnitLevel, parentId: Int64?, activeFrom: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.level = level
        self.parentId = parentId
        self.activeFrom = activeFrom
    }
}
