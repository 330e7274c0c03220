/// Why a movement refused a change. Mapping for the server: `invalid` → 422 with the problems as
/// field errors; the transition errors → 409.
public enum MovementError: Error, Hashable, Sendable {
    case invalid([MovementProblem])
    case illegalTransition(from: MovementStatus, to: MovementStatus)
    /// A movement of three years or more holds an interim review (sơ kết) before its final
    /// review (TT 01/2024/TT-BNV Art 3).
    case interimReviewRequired
    /// Steps happen in date order: a step cannot be dated before the step before it.
    case dateBeforePreviousStep(previous: CalendarDate)
}

/// One problem in a movement's content, named after the field at fault.
public enum MovementProblem: Hashable, Sendable {
    case emptyName
    case endBeforeStart
    case duplicateContentNumber(Int)
    case emptyGroupName
    case duplicateGroup(String)
    case emptyDeadlineCode
    case duplicateDeadlineCode(String)
}
