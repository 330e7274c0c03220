import Testing

@testable import LaurelDomain

@Suite("ScoringObligations: what a member still owes in a season")
struct ScoringObligationsTests {
    static let leadership = ClusterLeadership(leaderUnitId: 1, deputyUnitId: 2)
    static let members: [Int64] = [1, 2, 3, 4]

    static func sheet(_ kind: ScoreSheetKind, _ target: Int64, by scorer: Int64) -> SubmittedSheet {
        SubmittedSheet(kind: kind, targetUnitId: target, scorerUnitId: scorer)
    }

    static func owed(_ unit: Int64, _ mode: ScoringMode, _ sheets: [SubmittedSheet], members: [Int64] = members) -> ScoringObligations {
        ScoringObligations(of: unit, mode: mode, members: members, leadership: leadership, sheets: sheets)
    }

    @Test func anEmptyVerificationSeasonOwesEveryoneItsSelfScoreAndNothingToVerify() {
        for unit in Self.members { #expect(Self.owed(unit, .verification, []) == ScoringObligations(selfScore: true)) }
    }

    @Test func theLeaderAndTheDeputyOweTheSelfScoredMembersNotYetVerified() {
        let sheets = [
            Self.sheet(.selfScore, 1, by: 1), Self.sheet(.selfScore, 3, by: 3), Self.sheet(.selfScore, 4, by: 4),
            Self.sheet(.verified, 4, by: 2),
        ]
        // The leader: 3 waits (4 is verified, by the deputy; its own self-score is not its to verify).
        #expect(Self.owed(1, .verification, sheets) == ScoringObligations(selfScore: false, toVerify: 1))
        // The deputy: 1 (the leader's unit) and 3 wait; its own self-score is missing.
        #expect(Self.owed(2, .verification, sheets) == ScoringObligations(selfScore: true, toVerify: 2))
        #expect(Self.owed(3, .verification, sheets) == ScoringObligations())
        #expect(Self.owed(4, .verification, sheets) == ScoringObligations())
    }

    @Test func crossSheetsAndOtherUnitsSheetsDoNotCountInVerificationMode() {
        let sheets = [Self.sheet(.cross, 1, by: 3), Self.sheet(.selfScore, 4, by: 4)]
        #expect(Self.owed(3, .verification, sheets) == ScoringObligations(selfScore: true))
    }

    @Test func crossModeOwesEveryOtherMemberNotScoredYetAndNoSelfScore() {
        #expect(Self.owed(3, .cross, []) == ScoringObligations(toCrossScore: 3))
        let sheets = [
            Self.sheet(.cross, 1, by: 3), Self.sheet(.cross, 2, by: 3), Self.sheet(.cross, 3, by: 1),
            Self.sheet(.selfScore, 4, by: 3), Self.sheet(.cross, 4, by: 2),
        ]
        #expect(Self.owed(3, .cross, sheets) == ScoringObligations(toCrossScore: 1))
        #expect(Self.owed(1, .cross, sheets) == ScoringObligations(toCrossScore: 2), "it scored 3; leaders verify nothing in cross mode")
        let done = Self.members.filter { $0 != 4 }.map { Self.sheet(.cross, $0, by: 4) }
        #expect(Self.owed(4, .cross, done) == ScoringObligations())
    }

    @Test func aUnitThatIsNotAMemberOwesNothing() {
        #expect(Self.owed(9, .verification, []) == ScoringObligations())
        #expect(Self.owed(9, .cross, []) == ScoringObligations())
        #expect(Self.owed(1, .cross, [], members: []) == ScoringObligations())
    }

    @Test func sheetKindsReadTheStoredNamesOnly() {
        #expect(ScoreSheetKind(rawValue: "self") == .selfScore)
        #expect(ScoreSheetKind(rawValue: "verified") == .verified && ScoreSheetKind(rawValue: "cross") == .cross)
        for bad in ["", "selfScore", "Self", "verify", "crossed"] { #expect(ScoreSheetKind(rawValue: bad) == nil, "\(bad)") }
    }
}
