/// A person (cá nhân) of a unit.
public struct Person: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var fullName: String
    public var gender: Gender
    public var birthDate: String?
    public var unitId: Int64
    public var position: String?
    public var staffCategory: StaffCategory
    public var holdsManagementPost: Bool
    public var ethnicity: String?
    public var activeFrom: String?
    public var activeTo: String?

    public init(
        id: Int64, fullName: String, gender: Gender, birthDate: String?, unitId: Int64, position: String?,
        staffCategory: StaffCategory, holdsManagementPost: Bool, ethnicity: String?, activeFrom: String?, activeTo: String?
    ) {
        self.id = id
        self.fullName = fullName
        self.gender = gender
        self.birthDate = birthDate
        self.unitId = unitId
        self.position = position
        self.staffCategory = staffCategory
        self.holdsManagementPost = holdsManagementPost
        self.ethnicity = ethnicity
        self.activeFrom = activeFrom
        self.activeTo = activeTo
    }
}

/// What it takes to create or change a person, already validated.
public struct PersonDraft: Sendable, Equatable {
    public var fullName: String
    public var gender: Gender
    public var birthDate: CalendarDate?
    public var unitId: Int64
    public var position: String?
    public var staffCategory: StaffCategory
    public var holdsManagementPost: Bool
    public var ethnicity: String?

    public init(
        fullName: String, gender: Gender, birthDate: CalendarDate?, unitId: Int64, position: String?,
        staffCategory: StaffCategory, holdsManagementPost: Bool, ethnicity: String?
    ) {
        self.fullName = fullName
        self.gender = gender
        self.birthDate = birthDate
        self.unitId = unitId
        self.position = position
        self.staffCategory = staffCategory
        self.holdsManagementPost = holdsManagementPost
        self.ethnicity = ethnicity
    }
}

/// A move of a person from one unit to another (điều động, luân chuyển); history is kept.
public struct PersonTransfer: Codable, Sendable, Equatable {
    public var fromUnitId: Int64
    public var toUnitId: Int64
    public var onDate: String
    public var reason: String?

    public init(fromUnitId: Int64, toUnitId: Int64, onDate: String, reason: String?) {
        self.fromUnitId = fromUnitId
        self.toUnitId = toUnitId
        self.onDate = onDate
        self.reason = reason
    }
}
