/// Yearly task rating (xếp loại mức độ hoàn thành nhiệm vụ), ordered from best to worst.
public enum Rating: String, Codable, Sendable, CaseIterable, Comparable {
    case excellent  // hoàn thành xuất sắc nhiệm vụ
    case good  // hoàn thành tốt nhiệm vụ
    case complete  // hoàn thành nhiệm vụ
    case incomplete  // không hoàn thành nhiệm vụ

    /// Higher is better: excellent = 3 … incomplete = 0.
    public var rank: Int {
        switch self {
        case .excellent: 3
        case .good: 2
        case .complete: 1
        case .incomplete: 0
        }
    }

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rank < rhs.rank }
}

/// Discipline imposed in a year (kỷ luật), ordered by severity.
public enum Discipline: String, Codable, Sendable, CaseIterable, Comparable {
    case reprimand  // khiển trách
    case warning  // cảnh cáo
    case demotion  // hạ bậc lương / giáng chức
    case dismissal  // cách chức / buộc thôi việc

    public var severity: Int {
        switch self {
        case .reprimand: 1
        case .warning: 2
        case .demotion: 3
        case .dismissal: 4
        }
    }

    public static func < (lhs: Discipline, rhs: Discipline) -> Bool { lhs.severity < rhs.severity }
}

/// The level at which an initiative's effect was recognised (phạm vi ảnh hưởng).
public enum InitiativeLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case grassroots
    case ministerialProvincial = "ministerial_provincial"
    case national

    public var rank: Int {
        switch self {
        case .grassroots: 1
        case .ministerialProvincial: 2
        case .national: 3
        }
    }

    public static func < (lhs: InitiativeLevel, rhs: InitiativeLevel) -> Bool { lhs.rank < rhs.rank }
}

/// Who can receive an award.
public enum SubjectKind: String, Codable, Sendable, CaseIterable {
    case individual, collective, household
}

/// Kind of commendation (loại hình khen thưởng), Law 06/2022 Art 8.
public enum AwardKind: String, Codable, Sendable, CaseIterable {
    case merit
    case adHoc = "ad_hoc"
    case thematic
    case contribution
    case seniority
    case foreign
}

/// Status of a row of the award register.
public enum AwardStatus: String, Codable, Sendable, CaseIterable {
    case valid, revoked, corrected
}

/// Where a register row came from.
public enum AwardSource: String, Codable, Sendable, CaseIterable {
    case entered, imported, decision
}
