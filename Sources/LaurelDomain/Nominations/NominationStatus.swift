/// Where a dossier (hồ sơ đề nghị khen thưởng) stands on its way up (issue 9, point 4). Raw
/// values are the API codes.
public enum NominationStatus: String, Codable, Sendable, CaseIterable {
    /// Being prepared by the proposing unit.
    case draft
    /// Received by the stage that now holds it, not opened yet.
    case submitted
    /// Under review by the holding stage (its council, its office).
    case inReview = "in_review"
    /// Approved by a stage below the decider; it waits there until the stage sends it up in a
    /// submission (`Nomination.forward`).
    case approved
    /// Sent back to the proposer with a reason, to correct and resubmit.
    case returned
    /// Refused for good.
    case rejected
    /// Approved by the deciding unit's review; waits for the decision.
    case approvedForDecision = "approved_for_decision"
    /// Decided (the decision itself is issue 10's).
    case decided

    /// Nobody acts on the dossier any more.
    public var isTerminal: Bool { self == .rejected || self == .decided }
}

/// What someone does to a dossier: the name of a transition of `Nomination`.
public enum NominationAction: String, Codable, Sendable, CaseIterable {
    case submit
    case startReview = "start_review"
    case approve
    /// An approved dossier goes up to the next level, in a submission.
    case forward
    case returnToProposer = "return"
    case reject
    case decide
}
