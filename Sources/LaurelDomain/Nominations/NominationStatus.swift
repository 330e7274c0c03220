/// Where a dossier (hồ sơ đề nghị khen thưởng) stands on its way up (issue 9, point 4). Raw
/// values are the API codes.
public enum NominationStatus: String, Codable, Sendable, CaseIterable {
    /// Being prepared by the proposing unit.
    case draft
    /// Received by the stage that now holds it, not opened yet.
    case submitted
    /// Under review by the holding stage (its council, its office).
    case inReview = "in_review"
    /// Approved by a stage below the decider. `Nomination.approve` forwards at once, so a
    /// dossier rests in `submitted` at the next stage; the value names the timeline's event
    /// and stays for stores that hold a dossier between approval and forwarding.
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
    case returnToProposer = "return"
    case reject
    case decide
}
