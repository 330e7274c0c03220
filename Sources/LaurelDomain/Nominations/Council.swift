/// A role on an emulation and reward council (Hội đồng Thi đua – Khen thưởng).
public enum CouncilRole: String, Codable, Sendable, CaseIterable {
    /// Chủ tịch: the head of the unit (LAW_FACTS §4.3: at the grassroots, the unit's head chairs).
    case chair
    /// Phó Chủ tịch.
    case viceChair = "vice_chair"
    /// Ủy viên thường trực.
    case standing
    /// Ủy viên.
    case member
    /// Thư ký.
    case secretary
}

/// A seat on a council: a person of the organisation, or an outsider named in full.
public struct CouncilSeat: Hashable, Sendable {
    public var personId: Int64?
    public var name: String?
    public var title: String?
    public var role: CouncilRole

    public init(personId: Int64?, name: String?, title: String? = nil, role: CouncilRole) {
        self.personId = personId
        self.name = name
        self.title = title
        self.role = role
    }
}

/// What a council may be: the unit whose proposals it reviews (Law Art 83; LAW_FACTS §4.3), one
/// chair, members named once, and the period it sits.
public struct CouncilDraft: Hashable, Sendable {
    public var unitId: Int64
    public var name: String
    public var seats: [CouncilSeat]
    public var sitsFrom: CalendarDate?
    public var sitsUntil: CalendarDate?

    public init(unitId: Int64, name: String, seats: [CouncilSeat], sitsFrom: CalendarDate? = nil, sitsUntil: CalendarDate? = nil) {
        self.unitId = unitId
        self.name = name
        self.seats = seats
        self.sitsFrom = sitsFrom
        self.sitsUntil = sitsUntil
    }

    /// Every problem at once, keyed by the request's fields. A council has exactly one chair (the
    /// chair may delegate to a vice-chair, who is a member of their own), a seat is a person or a
    /// name, and a person sits once: a second seat would count their vote twice.
    public func problems() -> [DomainError] {
        var errors: [DomainError] = []
        if seats.isEmpty { errors.append(.invalid("error.required", field: "members")) }
        let chairs = seats.filter { $0.role == .chair }.count
        if !seats.isEmpty, chairs != 1 { errors.append(.invalid("error.council_one_chair", field: "members", String(chairs))) }
        var people: Set<Int64> = []
        for (index, seat) in seats.enumerated() {
            let field = "members[\(index)]"
            switch (seat.personId, seat.name) {
            case (nil, nil): errors.append(.invalid("error.council_member_person_or_name", field: field))
            case (.some, .some): errors.append(.invalid("error.council_member_person_or_name", field: field))
            case (.some(let person), nil):
                if !people.insert(person).inserted { errors.append(.invalid("error.council_member_twice", field: field, String(person))) }
            case (nil, .some): break
            }
        }
        if let from = sitsFrom, let until = sitsUntil, until < from {
            errors.append(.invalid("error.council_period", field: "sitsUntil"))
        }
        return errors
    }
}
