extension Movement {
    /// Rebuilds a stored movement at the step it had reached.
    public init(
        restoring movement: Movement, status: MovementStatus, launchedOn: CalendarDate?,
        interimReviews: [CalendarDate], finalReviewedOn: CalendarDate?, closedOn: CalendarDate?
    ) {
        self = movement
        self.status = status
        self.launchedOn = launchedOn
        self.interimReviews = interimReviews
        self.finalReviewedOn = finalReviewedOn
        self.closedOn = closedOn
    }

    /// Draft → launched (phát động). Refused while the content has problems.
    public mutating func launch(on date: CalendarDate) throws(MovementError) {
        try advance(to: .launched, on: date)
    }

    /// Launched or interim-reviewed → interim-reviewed: records a sơ kết (there may be several).
    public mutating func recordInterimReview(on date: CalendarDate) throws(MovementError) {
        try advance(to: .interimReviewed, on: date)
    }

    /// → final-reviewed (tổng kết); straight from launched only when no interim review is required.
    public mutating func recordFinalReview(on date: CalendarDate) throws(MovementError) {
        try advance(to: .finalReviewed, on: date)
    }

    /// Final-reviewed → closed.
    public mutating func close(on date: CalendarDate) throws(MovementError) {
        try advance(to: .closed, on: date)
    }

    /// The statuses `advance(to:on:)` would accept now (for the buttons a page shows).
    public var allowedNextStatuses: [MovementStatus] {
        MovementStatus.allCases.filter { (try? checkTransition(to: $0)) != nil }
    }

    /// The one transition function: checks the step is legal and dated no earlier than the last.
    public mutating func advance(to next: MovementStatus, on date: CalendarDate) throws(MovementError) {
        try checkTransition(to: next)
        if let previous = lastStepDate, date < previous { throw .dateBeforePreviousStep(previous: previous) }
        switch next {
        case .draft: break
        case .launched: launchedOn = date
        case .interimReviewed: interimReviews.append(date)
        case .finalReviewed: finalReviewedOn = date
        case .closed: closedOn = date
        }
        status = next
    }

    private var lastStepDate: CalendarDate? {
        closedOn ?? finalReviewedOn ?? interimReviews.last ?? launchedOn
    }

    private func checkTransition(to next: MovementStatus) throws(MovementError) {
        switch (status, next) {
        case (.draft, .launched):
            let found = problems
            guard found.isEmpty else { throw .invalid(found) }
        case (.launched, .interimReviewed), (.interimReviewed, .interimReviewed):
            break
        case (.launched, .finalReviewed):
            guard !requiresInterimReview else { throw .interimReviewRequired }
        case (.interimReviewed, .finalReviewed), (.finalReviewed, .closed):
            break
        default:
            throw .illegalTransition(from: status, to: next)
        }
    }
}
