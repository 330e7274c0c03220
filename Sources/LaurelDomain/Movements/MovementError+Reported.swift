extension MovementProblem {
    /// The problem as the request's field error, for the API, the pages and the store alike.
    public var refusal: DomainError {
        switch self {
        case .emptyName: .invalid("error.required", field: "name")
        case .endBeforeStart: .invalid("error.movement_end_before_start", field: "endDate")
        case .duplicateContentNumber(let n): .invalid("error.movement_duplicate_content", field: "contents", String(n))
        case .emptyGroupName: .invalid("error.required", field: "criteria")
        case .duplicateGroup(let group): .invalid("error.movement_duplicate_group", field: "criteria", group)
        case .emptyDeadlineCode, .duplicateDeadlineCode: .invalid("error.movement_bad_deadline", field: "reportDeadlines")
        }
    }
}

extension MovementError: ReportableError {
    /// Content problems are 422 with each field's error; the transition errors are 409.
    public var reported: any Error {
        switch self {
        case .invalid(let problems): ValidationErrors(problems.map(\.refusal))
        case .illegalTransition: DomainError(.conflict, "error.movement_illegal_transition")
        case .interimReviewRequired: DomainError(.conflict, "error.movement_interim_review_required")
        case .dateBeforePreviousStep(let previous):
            DomainError(.invalid, "error.movement_date_before_previous", field: "date", arguments: [previous.description])
        }
    }
}
