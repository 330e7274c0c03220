extension BallotError: ReportableError {
    /// Every refusal of a ballot, as the API and the pages report it.
    public var reported: any Error { refusal }

    public var refusal: DomainError {
        switch self {
        case .emptyPurpose: .invalid("error.required", field: "purpose")
        case .noCandidates: .invalid("error.required", field: "candidates")
        case .duplicateCandidate(let id): .invalid("error.ballot_duplicate_candidate", field: "candidates", String(id))
        case .noEligibleVoters: .invalid("error.required", field: "voters")
        case .invalidSeats: .invalid("error.ballot_invalid_seats", field: "seats")
        case .invalidMaxRounds: .invalid("error.ballot_invalid_rounds", field: "maxRounds")
        case .closed: DomainError(.conflict, "error.ballot_closed")
        case .notAnEligibleVoter: DomainError(.forbidden, "error.ballot_not_a_voter", field: "voter")
        case .alreadyVoted: DomainError(.conflict, "error.ballot_already_voted", field: "voter")
        case .notACandidate(let id): .invalid("error.ballot_not_a_candidate", field: "choices", String(id))
        case .duplicateChoice(let id): .invalid("error.ballot_duplicate_choice", field: "choices", String(id))
        case .tooManyChoices(_, let allowed): .invalid("error.ballot_too_many_choices", field: "choices", String(allowed))
        case .noTieToResolve: DomainError(.conflict, "error.ballot_no_tie")
        case .roundLimitReached: DomainError(.conflict, "error.ballot_round_limit")
        case .roundStillOpen(_, let cast, let eligible):
            DomainError(.conflict, "error.ballot_round_still_open", arguments: [String(cast), String(eligible)])
        case .inconsistentRecords: DomainError(.conflict, "error.ballot_inconsistent")
        }
    }
}
