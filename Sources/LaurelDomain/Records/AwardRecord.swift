/// A row of the award register (sổ khen thưởng): one title or commendation received.
public struct AwardRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var personId: Int64?
    public var unitId: Int64?
    public var code: String
    public var year: Int
    public var endYear: Int?
    public var kind: AwardKind
    public var decisionNumber: String?
    public var decisionDate: String?
    public var authority: String?
    public var source: AwardSource
    public var status: AwardStatus
    public var statusReason: String?

    public init(
        id: Int64, personId: Int64?, unitId: Int64?, code: String, year: Int, endYear: Int?, kind: AwardKind,
        decisionNumber: String?, decisionDate: String?, authority: String?, source: AwardSource,
        status: AwardStatus, statusReason: String?
    ) {
        self.id = id
        self.personId = personId
        self.unitId = unitId
        self.code = code
        self.year = year
        self.endYear = endYear
        self.kind = kind
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.authority = authority
        self.source = source
        self.status = status
        self.statusReason = statusReason
    }
}

/// A validated register row to write.
public struct AwardDraft: Sendable, Equatable {
    public var code: String
    public var year: Int
    public var endYear: Int?
    public var kind: AwardKind
    public var decisionNumber: String?
    public var decisionDate: CalendarDate?
    public var authority: String?
    public var status: AwardStatus

    public init(
        code: String, year: Int, endYear: Int? = nil, kind: AwardKind, decisionNumber: String?, decisionDate: CalendarDate?,
        authority: String?, status: AwardStatus = .valid
    ) {
        self.code = code
        self.year = year
        self.endYear = endYear
        self.kind = kind
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.authority = authority
        self.status = status
    }
}
