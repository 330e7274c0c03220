/// Who a movement's criteria are written for (đối tượng thi đua). The named groups follow the
/// usual layout of a national movement's plan; `other` holds any free-text group
/// ("Các trường đại học", "Hộ gia đình", …). JSON: the raw value as a string, e.g.
/// `"front_and_organisations"` or the free text itself.
public enum ParticipantGroup: Hashable, Sendable, Codable {
    case ministries
    case provinces
    /// Mặt trận Tổ quốc and the socio-political organisations.
    case frontAndOrganisations
    case enterprises
    case collectives
    case individuals
    case other(String)

    public static let named: [ParticipantGroup] = [
        .ministries, .provinces, .frontAndOrganisations, .enterprises, .collectives, .individuals,
    ]

    /// A named group's code, or an `other` group's text.
    public var rawValue: String {
        switch self {
        case .ministries: "ministries"
        case .provinces: "provinces"
        case .frontAndOrganisations: "front_and_organisations"
        case .enterprises: "enterprises"
        case .collectives: "collectives"
        case .individuals: "individuals"
        case .other(let text): text
        }
    }

    /// A named group when `rawValue` is one of the codes, `other` otherwise.
    public init(rawValue: String) {
        self = Self.named.first { $0.rawValue == rawValue } ?? .other(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The criteria a movement sets for one participant group.
public struct GroupCriteria: Hashable, Sendable, Codable {
    public var group: ParticipantGroup
    public var criteria: [String]

    public init(group: ParticipantGroup, criteria: [String]) {
        self.group = group
        self.criteria = criteria
    }
}

/// One numbered content of a movement ("1. Đẩy mạnh cải cách hành chính …").
public struct MovementContent: Hashable, Sendable, Codable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// A report participants owe the launcher by a date (e.g. the interim report, the final report).
public struct ReportDeadline: Hashable, Sendable, Codable {
    /// Unique within the movement; submitted reports refer to it.
    public var code: String
    public var title: String
    public var dueDate: CalendarDate

    public init(code: String, title: String, dueDate: CalendarDate) {
        self.code = code
        self.title = title
        self.dueDate = dueDate
    }
}
