/// One line of a dossier's timeline: every transition is kept, so the history shows each round
/// of returns and corrections (issue 9, point 4).
public struct NominationEvent: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case submitted
        case reviewStarted = "review_started"
        case approved
        case returned
        case rejected
        case approvedForDecision = "approved_for_decision"
        case decided
    }

    public var kind: Kind
    /// The stage the event happened at: the receiving stage for `submitted`, the acting stage
    /// otherwise.
    public var stageUnitId: Int64
    /// The round of the dossier when it happened (1, then one more per resubmission).
    public var round: Int
    /// Why it was returned or rejected; nil for the other events.
    public var reason: String?
    public var date: CalendarDate
    /// The account that acted.
    public var actorAccountId: Int64

    public init(
        kind: Kind, stageUnitId: Int64, round: Int, reason: String? = nil, date: CalendarDate,
        actorAccountId: Int64
    ) {
        self.kind = kind
        self.stageUnitId = stageUnitId
        self.round = round
        self.reason = reason
        self.date = date
        self.actorAccountId = actorAccountId
    }
}
