import Foundation

/// One year of a cluster or block (cụm/khối thi đua): its members, leader and deputy, criteria
/// table, scores, registered targets, and whether it is locked (LAW_FACTS §5).
///
/// A value: every change is a `mutating` method that either applies fully or throws a
/// `SeasonError` and leaves the season as it was. The store loads a season with
/// `init(clusterId:year:…)` (passing what it persisted), calls one method, and writes the
/// difference back in one transaction.
///
/// ```swift
/// var season = try Season(clusterId: 7, year: 2025, members: [1, 2, 3, 4],
///                         leadership: ClusterLeadership(leaderUnitId: 1, deputyUnitId: 2),
///                         table: table, mode: .verification)
/// try season.submitSelfScore(unit: 3, sheet: sheet)
/// try season.verify(target: 3, by: 1, sheet: reScored)    // or acceptSelfScore(target: 3, by: 1)
/// let ranking = season.ranking()                           // rows + pending
/// try season.finalise()
/// try season.reopen(reason: "Sai sót điểm tiêu chí 2.3")
/// ```
public struct Season: Hashable, Sendable {
    public let clusterId: Int64
    public let year: Int
    /// Member unit ids, ascending, no duplicates.
    public let members: [Int64]
    public let leadership: ClusterLeadership
    public let mode: ScoringMode
    public internal(set) var table: CriteriaTable
    /// Self-scores by unit (both modes; informational in cross mode).
    public internal(set) var selfScores: [Int64: ScoreSheet]
    /// Verified scores by unit (verification mode).
    public internal(set) var verifiedScores: [Int64: VerifiedScore]
    /// Cross scores: target unit → scorer unit → sheet (cross mode).
    public internal(set) var crossScores: [Int64: [Int64: ScoreSheet]]
    public internal(set) var targets: [RegisteredTarget]
    public internal(set) var status: SeasonStatus
    /// Reasons given each time the season was reopened, oldest first.
    public internal(set) var reopenReasons: [String]

    /// A new season, or a stored one rebuilt by the store. Checks members and leadership; scores,
    /// targets and status passed in are trusted as they were accepted when written.
    public init(
        clusterId: Int64, year: Int, members: [Int64], leadership: ClusterLeadership, table: CriteriaTable,
        mode: ScoringMode, selfScores: [Int64: ScoreSheet] = [:], verifiedScores: [Int64: VerifiedScore] = [:],
        crossScores: [Int64: [Int64: ScoreSheet]] = [:], targets: [RegisteredTarget] = [],
        status: SeasonStatus = .open, reopenReasons: [String] = []
    ) throws(SeasonError) {
        let sorted = members.sorted()
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous == next {
            throw .duplicateMember(next)
        }
        guard sorted.count >= 2 else { throw .tooFewMembers }
        guard leadership.leaderUnitId != leadership.deputyUnitId,
            sorted.contains(leadership.leaderUnitId), sorted.contains(leadership.deputyUnitId)
        else { throw .invalidLeadership }
        self.clusterId = clusterId
        self.year = year
        self.members = sorted
        self.leadership = leadership
        self.table = table
        self.mode = mode
        self.selfScores = selfScores
        self.verifiedScores = verifiedScores
        self.crossScores = crossScores
        self.targets = targets
        self.status = status
        self.reopenReasons = reopenReasons
    }

    /// Next year's season for the same cluster: same members, mode and criteria table (copied, to
    /// be edited before scoring starts), new leadership, no scores or targets.
    public func nextSeason(leadership: ClusterLeadership, members: [Int64]? = nil) throws(SeasonError) -> Season {
        try Season(
            clusterId: clusterId, year: year + 1, members: members ?? self.members, leadership: leadership,
            table: table, mode: mode)
    }

    public var isFinalised: Bool { status == .finalised }

    var hasScores: Bool { !selfScores.isEmpty || !verifiedScores.isEmpty || !crossScores.isEmpty }

    func requireOpen() throws(SeasonError) {
        guard status == .open else { throw .finalised }
    }

    func requireMember(_ unit: Int64) throws(SeasonError) {
        guard members.contains(unit) else { throw .notAMember(unit) }
    }

    // MARK: Lifecycle

    /// Locks the season: from now on every write throws `SeasonError.finalised`.
    public mutating func finalise() throws(SeasonError) {
        try requireOpen()
        status = .finalised
    }

    /// Unlocks a finalised season; the reason is kept (trimmed) for the audit trail.
    public mutating func reopen(reason: String) throws(SeasonError) {
        guard status == .finalised else { throw .notFinalised }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyReopenReason }
        reopenReasons.append(trimmed)
        status = .open
    }

    /// Replaces the criteria table, only while no scores have been given.
    public mutating func replaceTable(_ newTable: CriteriaTable) throws(SeasonError) {
        try requireOpen()
        guard !hasScores else { throw .scoresExist }
        table = newTable
    }

    // MARK: Targets

    /// Replaces the targets `unit` registered (codes unique per unit).
    public mutating func registerTargets(_ unitTargets: [RegisteredTarget], for unit: Int64) throws(SeasonError) {
        try requireOpen()
        try requireMember(unit)
        var codes = Set<String>()
        for target in unitTargets {
            guard target.unitId == unit else { throw .notAMember(target.unitId) }
            guard codes.insert(target.code).inserted else { throw .duplicateTargetCode(target.code) }
        }
        targets = targets.filter { $0.unitId != unit } + unitTargets
    }

    /// Records the value `unit` reached for one of its targets (nil clears it).
    public mutating func recordActual(_ actual: Decimal?, unit: Int64, code: String) throws(SeasonError) {
        try requireOpen()
        guard let index = targets.firstIndex(where: { $0.unitId == unit && $0.code == code }) else {
            throw .unknownTarget(unitId: unit, code: code)
        }
        targets[index].actual = actual
    }

    /// "32 of 35 targets met" for one unit, or for the whole cluster when `unit` is nil.
    public func targetSummary(unit: Int64? = nil) -> TargetSummary {
        TargetSummary(unit.map { unit in targets.filter { $0.unitId == unit } } ?? targets)
    }
}
