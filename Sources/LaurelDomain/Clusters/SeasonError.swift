/// Why a season refused a change. Mapping for the server: `finalised` → 409, `invalidSheet` → 422
/// with the issues as field errors, `notAVerifier`/`ownUnit` → 403, the rest → 422.
public enum SeasonError: Error, Hashable, Sendable {
    /// The season is finalised (locked); reopen it first.
    case finalised
    /// Reopening or ranking-as-final asked of a season that is still open.
    case notFinalised
    /// Reopening needs a reason (whitespace does not count).
    case emptyReopenReason
    case tooFewMembers
    case duplicateMember(Int64)
    case notAMember(Int64)
    /// Leader and deputy must be two different members.
    case invalidLeadership
    /// The operation belongs to the other scoring mode.
    case wrongMode(required: ScoringMode)
    /// Nobody verifies or cross-scores its own unit.
    case ownUnit(Int64)
    /// Only the leader and the deputy verify.
    case notAVerifier(verifier: Int64, target: Int64)
    case noSelfScore(Int64)
    case invalidSheet([ScoreIssue])
    /// The criteria table cannot change once scores exist.
    case scoresExist
    case duplicateTargetCode(String)
    case unknownTarget(unitId: Int64, code: String)
}
