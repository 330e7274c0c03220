/// The path of one dossier from its proposer up to the unit that decides (issue 9, point 4): a
/// state machine over `NominationStatus`, with a timeline that keeps every round.
///
/// - `route`: the stages that review it, ordered from the first level above the proposer to the
///   deciding unit (last); see `NominationRoute.plan`.
/// - Only the stage that holds the dossier acts on it; a draft or returned dossier is held by
///   the proposer, whose officers submit it.
/// - A returned dossier, once corrected, goes back to the stage that returned it, not to the
///   first stage: the stages below it have approved it already, and the returning stage is the
///   one that knows what it asked for. Each resubmission opens a new round.
///
/// ```swift
/// var dossier = try Nomination(route: [commune])
/// try dossier.submit(on: day, by: officer)                 // submitted at the commune
/// try dossier.startReview(by: commune, actor: clerk, on: day)
/// try dossier.approve(by: commune, actor: chair, on: day)  // approved_for_decision
/// try dossier.decide(by: commune, actor: chair, on: day)   // decided
/// ```
public struct Nomination: Hashable, Sendable {
    /// Stage unit ids, first reviewing level to the decider (last); never empty.
    public let route: [Int64]
    /// Index in `route` of the stage the dossier is at, or will be resubmitted to.
    public internal(set) var stageIndex: Int
    public internal(set) var status: NominationStatus
    /// 1 for the first submission, one more for each resubmission after a return.
    public internal(set) var round: Int
    /// Every transition, oldest first.
    public internal(set) var timeline: [NominationEvent]

    /// A new draft on `route`.
    public init(route: [Int64]) throws(NominationError) {
        guard !route.isEmpty else { throw .emptyRoute }
        var seen = Set<Int64>()
        for unit in route where !seen.insert(unit).inserted { throw .duplicateStage(unit) }
        self.route = route
        self.stageIndex = 0
        self.status = .draft
        self.round = 1
        self.timeline = []
    }

    /// Rebuilds a stored dossier as it was; the store wrote only states this type produced.
    public init(
        restoring route: [Int64], stageIndex: Int, status: NominationStatus, round: Int,
        timeline: [NominationEvent]
    ) {
        self.route = route
        self.stageIndex = stageIndex
        self.status = status
        self.round = round
        self.timeline = timeline
    }

    /// The unit that decides: the last stage.
    public var deciderUnitId: Int64 { route[route.count - 1] }

    /// The stage the dossier is at (or returns to after a correction).
    public var stageUnitId: Int64 { route[stageIndex] }

    /// Whether the current stage is the deciding unit.
    public var isAtDecider: Bool { stageIndex == route.count - 1 }

    /// The stage that may act now; nil when the proposer holds the dossier (draft, returned) or
    /// when nobody acts any more (rejected, decided).
    public var holdingUnitId: Int64? {
        switch status {
        case .draft, .returned, .rejected, .decided: nil
        case .submitted, .inReview, .approved, .approvedForDecision: stageUnitId
        }
    }

    /// The actions `unitId` may take now; pass nil for the proposer (for the buttons a page shows).
    public func allowedActions(by unitId: Int64?) -> [NominationAction] {
        guard unitId == holdingUnitId else { return [] }
        return NominationAction.allCases.filter { Self.isAllowed($0, from: status) }
    }

    /// The transition table: which action is legal from which status.
    static func isAllowed(_ action: NominationAction, from status: NominationStatus) -> Bool {
        switch (action, status) {
        case (.submit, .draft), (.submit, .returned): true
        case (.startReview, .submitted): true
        case (.approve, .submitted), (.approve, .inReview): true
        case (.returnToProposer, .submitted), (.returnToProposer, .inReview): true
        case (.reject, .submitted), (.reject, .inReview): true
        case (.forward, .approved): true
        case (.decide, .approvedForDecision): true
        default: false
        }
    }
}
