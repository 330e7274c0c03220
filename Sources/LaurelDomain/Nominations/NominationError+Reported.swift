extension NominationError: ReportableError {
    /// A move the status does not allow or out of date order is 409; acting on a dossier another
    /// level holds is 403 (issue 9's API); a missing reason is the request's field error.
    public var reported: any Error {
        switch self {
        case .illegalAction(let action, let status):
            DomainError(.conflict, "error.nomination_illegal_action", arguments: [action.rawValue, status.rawValue])
        case .notHoldingStage: DomainError(.forbidden, "error.nomination_not_holding")
        case .reasonRequired: DomainError.invalid("error.required", field: "reason")
        case .dateBeforePreviousEvent(let previous):
            DomainError(.conflict, "error.nomination_date_before_previous", arguments: [previous.description])
        case .emptyRoute, .duplicateStage: DomainError.invalid("error.nomination_no_decider", field: "proposerUnitId")
        }
    }
}

extension NominationRouteError: ReportableError {
    /// No unit above the proposer may decide this award (LAW_FACTS §4.1): the code does not fit
    /// the proposer's place in the tree.
    public var reported: any Error {
        DomainError.invalid("error.nomination_no_decider", field: "code")
    }
}
