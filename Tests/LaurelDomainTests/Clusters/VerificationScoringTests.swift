import Testing

@testable import LaurelDomain

@Suite("Verification scoring")
struct VerificationScoringTests {
    typealias F = ClusterFixtures

    @Test(
        "who may verify whom (leader 1, deputy 2)",
        arguments: [
            (target: Int64(1), verifier: Int64(1), allowed: false),  // nobody verifies its own unit
            (1, 2, true),  // the leader's unit is verified by the deputy
            (2, 1, true),  // the deputy's by the leader
            (2, 2, false),
            (3, 1, true), (3, 2, true),
            (3, 4, false),  // an ordinary member never verifies
            (3, 3, false),
            (99, 1, false),  // not a member
        ])
    func verifierRule(target: Int64, verifier: Int64, allowed: Bool) {
        #expect(F.season(mode: .verification).mayVerify(target, by: verifier) == allowed)
    }

    @Test func verifiersOfEachUnit() {
        let season = F.season(mode: .verification)
        #expect(season.verifiers(of: 1) == [2])
        #expect(season.verifiers(of: 2) == [1])
        #expect(season.verifiers(of: 4) == [1, 2])
    }

    @Test func finalIsTheVerifiedScoreAndUnverifiedMembersArePending() throws {
        var season = F.season(mode: .verification, members: 4)
        try season.submitSelfScore(unit: 3, sheet: F.sheet(50, 30, 20))
        try season.submitSelfScore(unit: 4, sheet: F.sheet(45))
        try season.verify(target: 3, by: 1, sheet: F.sheet(40, 30, 20, bonus: 5, deduction: -8))
        let ranking = season.ranking()
        #expect(ranking.rows.map(\.unitId) == [3])
        #expect(ranking.rows.first?.final == 87)
        #expect(ranking.rows.first?.sections == ["I": 70, "II": 20, "B": 5, "D": -8])
        #expect(ranking.pending == [1, 2, 4].map { Ranking.PendingUnit(unitId: $0, reason: .notVerified) })
        #expect(season.verifiedScores[3]?.verifierUnitId == 1)
    }

    @Test func acceptingASelfScoreCopiesIt() throws {
        var season = F.season(mode: .verification)
        try season.submitSelfScore(unit: 1, sheet: F.sheet(48))
        try season.acceptSelfScore(target: 1, by: 2)
        #expect(season.verifiedScores[1] == VerifiedScore(verifierUnitId: 2, sheet: F.sheet(48)))
        #expect(throws: SeasonError.noSelfScore(3)) { try season.acceptSelfScore(target: 3, by: 1) }
    }

    @Test func reVerificationReplacesTheEarlierOne() throws {
        var season = F.season(mode: .verification)
        try season.verify(target: 3, by: 1, sheet: F.sheet(40))
        try season.verify(target: 3, by: 2, sheet: F.sheet(41))
        #expect(season.verifiedScores[3] == VerifiedScore(verifierUnitId: 2, sheet: F.sheet(41)))
    }

    @Test func refusals() {
        var season = F.season(mode: .verification)
        #expect(throws: SeasonError.ownUnit(1)) { try season.verify(target: 1, by: 1, sheet: F.sheet(1)) }
        #expect(throws: SeasonError.notAVerifier(verifier: 4, target: 3)) {
            try season.verify(target: 3, by: 4, sheet: F.sheet(1))
        }
        #expect(throws: SeasonError.notAMember(42)) { try season.verify(target: 42, by: 1, sheet: F.sheet(1)) }
        #expect(throws: SeasonError.notAMember(42)) { try season.submitSelfScore(unit: 42, sheet: F.sheet(1)) }
        #expect(throws: SeasonError.invalidSheet([ScoreIssue(criterionCode: "1.1", reason: .aboveMax(50))])) {
            try season.verify(target: 3, by: 1, sheet: F.sheet(51))
        }
        #expect(throws: SeasonError.wrongMode(required: .cross)) {
            try season.submitCrossScore(scorer: 3, target: 4, sheet: F.sheet(1))
        }
        #expect(season.verifiedScores.isEmpty)
    }
}
