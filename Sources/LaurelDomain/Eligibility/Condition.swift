/// The vocabulary rules are written in. Each case is one kind of test on a subject's history
/// for the year being judged (Y); windows count back from Y. Codes are catalogue codes.
///
/// Conditions are data (Codable): an administrator may write a rule for a configurable title
/// or form with them, and the engine compiles it like the standard ones.
public indirect enum Condition: Hashable, Sendable, Codable {
    /// The subject is of one of these kinds.
    case subjectKind([SubjectKind])
    /// The person's staff category is one of these; `unknownMeets` decides an unrecorded one.
    case staffCategory([StaffCategory], unknownMeets: Bool)
    /// The rating is at least `atLeast` in every year of the window.
    case ratingInEach(atLeast: Rating, window: YearWindow)
    /// The rating is at least `atLeast` in `times` years of the window or more.
    case ratingTimes(atLeast: Rating, times: Int, window: YearWindow)
    /// No discipline of severity `atLeast` or heavier in any year of the window.
    case noDiscipline(atLeast: Discipline, window: YearWindow)
    /// Holds `code` in each of these years (offsets from Y): `[-2, -1, 0]` is three in a row.
    case heldInYears(code: String, offsets: [Int])
    /// Holds `code` in `times` years of the window or more; with `consecutive`, in a run of them.
    case heldTimes(code: String, times: Int, window: YearWindow, consecutive: Bool)
    /// Holds `code` in some year before the window starts: "the years … all come after B".
    case heldBefore(code: String, window: YearWindow)
    /// Initiatives recognised at `atLeast` or higher and usable for the code judged: `count` or
    /// more in the window, or, with `inEachYear`, at least `count` in every year of it.
    case initiatives(atLeast: InitiativeLevel, count: Int, window: YearWindow, inEachYear: Bool)
    /// At least `percent` % of the collective's head count hold `code` in Y.
    case memberShareHolding(code: String, percent: Int)
    /// At least `count` members hold `code` in Y.
    case membersHolding(code: String, count: Int)
    /// Every member is rated `atLeast` or better in Y (and every member is on record).
    case everyMemberRating(atLeast: Rating)
    /// No member has discipline of severity `atLeast` or heavier in Y.
    case noMemberDiscipline(atLeast: Discipline)
    /// One of the alternatives holds, each a list of conditions that must all hold.
    case anyOf([[RuleCondition]])
    /// A criterion the record cannot show (a council vote, a cluster ranking, criteria a
    /// ministry sets): never met automatically. The text says what a person must judge.
    case manual(String)
}

/// A condition of a rule with its stable id (`cstd_bo.cstdcs_3_consecutive`), the id a verdict
/// reports it under.
public struct RuleCondition: Hashable, Sendable, Codable {
    public var id: String
    public var condition: Condition

    public init(_ id: String, _ condition: Condition) {
        self.id = id
        self.condition = condition
    }
}
