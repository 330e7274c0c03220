/// The kind of a season's score sheet, as stored (`season_scores.sheet`).
public enum ScoreSheetKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A member's score of itself.
    case selfScore = "self"
    /// The leader's or deputy's verified score of a member.
    case verified
    /// One member's score of another (cross mode).
    case cross
}

/// That a sheet exists, without its marks: who scored whom, of which kind.
public struct SubmittedSheet: Hashable, Sendable {
    public var kind: ScoreSheetKind
    public var targetUnitId: Int64
    public var scorerUnitId: Int64

    public init(kind: ScoreSheetKind, targetUnitId: Int64, scorerUnitId: Int64) {
        self.kind = kind
        self.targetUnitId = targetUnitId
        self.scorerUnitId = scorerUnitId
    }
}

/// What one member unit still owes in an open season (the dashboard's work list):
/// - verification mode: its own self-score, and — for the leader and the deputy — the members'
///   self-scores waiting for its verification (self-scored, not verified yet by anyone);
/// - cross mode: the other members it has not scored yet.
public struct ScoringObligations: Hashable, Sendable {
    /// Its self-score is still to be submitted.
    public var selfScore: Bool
    /// Members whose self-score waits for this unit's verification.
    public var toVerify: Int
    /// Members this unit has still to cross-score.
    public var toCrossScore: Int

    public init(selfScore: Bool = false, toVerify: Int = 0, toCrossScore: Int = 0) {
        self.selfScore = selfScore
        self.toVerify = toVerify
        self.toCrossScore = toCrossScore
    }

    /// The obligations of `unit` given the sheets that exist. A unit that is not a member owes nothing.
    public init(of unit: Int64, mode: ScoringMode, members: [Int64], leadership: ClusterLeadership, sheets: [SubmittedSheet]) {
        self.init()
        guard members.contains(unit) else { return }
        switch mode {
        case .cross:
            let scored = Set(sheets.filter { $0.kind == .cross && $0.scorerUnitId == unit }.map(\.targetUnitId))
            toCrossScore = members.filter { $0 != unit && !scored.contains($0) }.count
        case .verification:
            selfScore = !sheets.contains { $0.kind == .selfScore && $0.targetUnitId == unit }
            let selfScored = Set(sheets.filter { $0.kind == .selfScore }.map(\.targetUnitId))
            let verified = Set(sheets.filter { $0.kind == .verified }.map(\.targetUnitId))
            toVerify =
                members.filter {
                    Season.verifiers(of: $0, leader: leadership.leaderUnitId, deputy: leadership.deputyUnitId).contains(unit)
                        && selfScored.contains($0) && !verified.contains($0)
                }.count
        }
    }
}
