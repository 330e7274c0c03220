extension SeasonError: ReportableError {
    /// Every refusal of a season, as the API and the pages report it. A write to a finalised season
    /// is 422 (the issue's API contract); who-you-are refusals are 403.
    public var reported: any Error {
        switch self {
        case .finalised: DomainError.invalid("error.season_finalised")
        case .notFinalised: DomainError(.conflict, "error.season_not_finalised")
        case .emptyReopenReason: DomainError.invalid("error.required", field: "reason")
        case .tooFewMembers: DomainError.invalid("error.season_too_few_members", field: "memberUnitIds")
        case .duplicateMember(let unit): DomainError.invalid("error.season_duplicate_member", field: "memberUnitIds", String(unit))
        case .notAMember(let unit): DomainError.invalid("error.season_not_a_member", field: "unitId", String(unit))
        case .invalidLeadership: DomainError.invalid("error.season_invalid_leadership", field: "deputyUnitId")
        case .wrongMode(let mode): DomainError.invalid("error.season_wrong_mode", field: "mode", mode.rawValue)
        case .ownUnit: DomainError(.forbidden, "error.season_own_unit")
        case .notAVerifier: DomainError(.forbidden, "error.season_not_a_verifier")
        case .noSelfScore: DomainError.invalid("error.season_no_self_score", field: "unitId")
        case .invalidSheet(let issues):
            ValidationErrors(
                issues.map {
                    DomainError.invalid(
                        "error.score_" + $0.reason.code, field: "scores" + ($0.criterionCode.map { "." + $0 } ?? ""), $0.criterionCode ?? ""
                    )
                })
        case .scoresExist: DomainError(.conflict, "error.season_scores_exist")
        case .duplicateTargetCode(let code): DomainError.invalid("error.season_duplicate_target", field: "targets", code)
        case .unknownTarget(_, let code): DomainError.invalid("error.season_unknown_target", field: "targets", code)
        }
    }
}
