/// Why a dossier refused a change. Mapping for the server: `notHoldingStage` → 403 (or 404 when
/// the caller may not see the dossier); `illegalAction`, `dateBeforePreviousEvent` → 409;
/// `reasonRequired` → 422; the route errors are programming or configuration errors → 500/422.
public enum NominationError: Error, Hashable, Sendable {
    /// The action is not allowed from the dossier's status.
    case illegalAction(NominationAction, from: NominationStatus)
    /// Only the stage that holds a dossier acts on it (issue 9, point 10). `holder` is nil when
    /// the proposer holds it (draft, returned) or nobody does (rejected, decided).
    case notHoldingStage(unitId: Int64, holder: Int64?)
    /// A return or a rejection states its reason, which goes back to the proposer.
    case reasonRequired
    /// Events happen in date order.
    case dateBeforePreviousEvent(previous: CalendarDate)
    /// A route has at least one stage: its deciding unit.
    case emptyRoute
    /// A unit reviews a dossier once on its way up.
    case duplicateStage(Int64)
}
