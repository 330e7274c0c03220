/// A rule turned into flat integer data for the hot path: no strings, no optionals, no
/// references to follow. Conditions of `anyOf` alternatives live in the same array.
struct CompiledRule: Sendable {
    enum Op: UInt8, Sendable {
        case kindIn, staffIn, ratingEach, ratingTimes, noDiscipline
        case heldInYears, heldTimes, heldBefore, initiatives
        case memberShare, membersHolding, everyMemberRating, noMemberDiscipline
        case anyOf, manual
    }

    struct Step: Sendable {
        var op: Op
        /// Catalogue index of the code a held*/member* condition names.
        var code: Int = 0
        /// Rating rank, discipline severity or initiative rank.
        var level: Int = 0
        var from: Int = 0
        var to: Int = 0
        /// times / count / percent.
        var count: Int = 0
        /// consecutive / inEachYear / unknownMeets / discipline breaks windows.
        var flag: Bool = false
        /// Kinds, staff categories, or held-in-years offsets (bit i = offset −i).
        var mask: UInt64 = 0
        /// For anyOf: alternatives[altStart..<altEnd].
        var altStart: Int = 0
        var altEnd: Int = 0
    }

    let code: Int
    let source: AwardRule
    /// All steps: the top-level ones first (0..<topCount), then those of alternatives.
    var steps: [Step] = []
    /// The source condition and id of each step, for explanations.
    var conditions: [RuleCondition] = []
    var topCount = 0
    /// Ranges into `steps`.
    var alternatives: [Range<Int>] = []
    var kindMask: UInt64 = 0
    /// yyyymmdd of the period of force (0 / Int.max when open).
    var fromKey = 0
    var untilKey = Int.max
    /// Contains a manual condition that every way to satisfy the rule needs.
    var neverAutomatic = false
    /// If every way to satisfy the rule needs an initiative in a window starting at Y+k, the
    /// largest such k: once Y+k passes the last initiative on record the rule cannot hold.
    var initiativeWindowStart: Int?
    /// Codes held in the judged year itself that the rule reads (replay ordering).
    var sameYearCodes: UInt64 = 0
    /// Every code the rule reads from the subject's own awards.
    var readsCodes: UInt64 = 0
    /// Every code the rule reads from members' awards.
    var readsMemberCodes: UInt64 = 0
    /// Where this rule's steps start in the engine's flat `steps`.
    var stepBase = 0
}

extension CalendarDate {
    var key: Int { year * 10_000 + month * 100 + day }
}
