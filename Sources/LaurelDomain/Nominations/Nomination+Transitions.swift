extension Nomination {
    /// Draft → submitted at the first stage; returned → submitted again at the stage that
    /// returned it, in a new round. The proposer holds the dossier, so no unit is checked here:
    /// the caller checks that `actor` writes for the proposing unit.
    public mutating func submit(on date: CalendarDate, by actor: Int64) throws(NominationError) {
        try check(.submit, on: date)
        if status == .returned { round += 1 }
        status = .submitted
        record(.submitted, on: date, by: actor)
    }

    /// Submitted → in review, by the stage that holds it.
    public mutating func startReview(by unitId: Int64, actor: Int64, on date: CalendarDate) throws(NominationError) {
        try check(.startReview, by: unitId, on: date)
        status = .inReview
        record(.reviewStarted, on: date, by: actor)
    }

    /// Approves at the holding stage. At the decider the dossier becomes approved for decision;
    /// below it, it waits at this level, approved, until the level sends it up in a submission
    /// (tờ trình, issue 9 point 5) with others (`forward`).
    public mutating func approve(by unitId: Int64, actor: Int64, on date: CalendarDate) throws(NominationError) {
        try check(.approve, by: unitId, on: date)
        if isAtDecider {
            status = .approvedForDecision
            record(.approvedForDecision, on: date, by: actor)
        } else {
            status = .approved
            record(.approved, on: date, by: actor)
        }
    }

    /// Approved at a level → submitted at the next one: what a submission does to each dossier
    /// it bundles.
    public mutating func forward(by unitId: Int64, actor: Int64, on date: CalendarDate) throws(NominationError) {
        try check(.forward, by: unitId, on: date)
        stageIndex += 1
        status = .submitted
        record(.submitted, on: date, by: actor)
    }

    /// Sends the dossier back to the proposer to correct; the reason is required because the
    /// proposer must know what to correct.
    public mutating func returnToProposer(
        reason: String, by unitId: Int64, actor: Int64, on date: CalendarDate
    ) throws(NominationError) {
        try check(.returnToProposer, by: unitId, on: date)
        let reason = try Self.stated(reason)
        status = .returned
        record(.returned, reason: reason, on: date, by: actor)
    }

    /// Refuses the dossier for good, with the reason.
    public mutating func reject(reason: String, by unitId: Int64, actor: Int64, on date: CalendarDate) throws(NominationError) {
        try check(.reject, by: unitId, on: date)
        let reason = try Self.stated(reason)
        status = .rejected
        record(.rejected, reason: reason, on: date, by: actor)
    }

    /// Approved for decision → decided, by the deciding unit.
    public mutating func decide(by unitId: Int64, actor: Int64, on date: CalendarDate) throws(NominationError) {
        try check(.decide, by: unitId, on: date)
        status = .decided
        record(.decided, on: date, by: actor)
    }

    /// A stage's act: legal from the status first (409), then by the holder (403), then dated
    /// in order.
    private func check(_ action: NominationAction, by unitId: Int64, on date: CalendarDate) throws(NominationError) {
        guard Self.isAllowed(action, from: status) else { throw .illegalAction(action, from: status) }
        guard unitId == holdingUnitId else { throw .notHoldingStage(unitId: unitId, holder: holdingUnitId) }
        try checkDate(date)
    }

    /// The proposer's act (submit).
    private func check(_ action: NominationAction, on date: CalendarDate) throws(NominationError) {
        guard Self.isAllowed(action, from: status) else { throw .illegalAction(action, from: status) }
        try checkDate(date)
    }

    private func checkDate(_ date: CalendarDate) throws(NominationError) {
        if let previous = timeline.last?.date, date < previous { throw .dateBeforePreviousEvent(previous: previous) }
    }

    /// The reason without surrounding white space; blank is refused.
    private static func stated(_ reason: String) throws(NominationError) -> String {
        let trimmed = reason.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        guard !trimmed.isEmpty else { throw .reasonRequired }
        return String(trimmed)
    }

    private mutating func record(
        _ kind: NominationEvent.Kind, reason: String? = nil, on date: CalendarDate, by actor: Int64
    ) {
        timeline.append(
            NominationEvent(
                kind: kind, stageUnitId: stageUnitId, round: round, reason: reason, date: date,
                actorAccountId: actor))
    }
}
