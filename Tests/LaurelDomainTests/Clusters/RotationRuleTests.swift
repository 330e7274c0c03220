import Testing

@testable import LaurelDomain

@Suite("Leader rotation")
struct RotationRuleTests {
    let members: [Int64] = [1, 2, 3, 4, 5]
    let outgoing = ClusterLeadership(leaderUnitId: 1, deputyUnitId: 2)

    func outcome(elected: [Int64], tie: [Int64] = []) -> BallotOutcome {
        BallotOutcome(
            elected: elected, tie: tie, seatsUnfilled: elected.isEmpty ? 1 : 0, roundsHeld: 1,
            tieGoesToLeaders: !tie.isEmpty, isFinal: true)
    }

    @Test func outgoingLeaderCannotBeReelectedAtOnce() throws {
        let rule = RotationRule()
        #expect(rule.eligibleCandidates(for: .leader, members: members, outgoing: outgoing) == [2, 3, 4, 5])
        #expect(rule.eligibleCandidates(for: .deputy, members: members, outgoing: outgoing) == [1, 2, 3, 4, 5])
        #expect(throws: RotationError.notReelectable(post: .leader, unitId: 1)) {
            try rule.validateCandidates([3, 1], for: .leader, members: members, outgoing: outgoing)
        }
        #expect(throws: RotationError.notAMember(9)) {
            try rule.validateCandidates([9], for: .deputy, members: members, outgoing: outgoing)
        }
        #expect(throws: RotationError.notReelectable(post: .leader, unitId: 1)) {
            try rule.nextLeadership(
                outgoing: outgoing, members: members, leaderElection: outcome(elected: [1]),
                deputyElection: outcome(elected: [3]))
        }
        let next = try rule.nextLeadership(
            outgoing: outgoing, members: members, leaderElection: outcome(elected: [3]),
            deputyElection: outcome(elected: [1]))
        #expect(next == ClusterLeadership(leaderUnitId: 3, deputyUnitId: 1))
    }

    @Test func leaderMayServeAgainWhenTheClusterAllowsIt() throws {
        let rule = RotationRule(leaderMayServeConsecutively: true, deputyMayServeConsecutively: false)
        #expect(rule.eligibleCandidates(for: .leader, members: members, outgoing: outgoing) == [1, 2, 3, 4, 5])
        #expect(rule.eligibleCandidates(for: .deputy, members: members, outgoing: outgoing) == [1, 3, 4, 5])
    }

    @Test func deputyBecomesLeader() throws {
        let rule = RotationRule(deputyBecomesLeader: true)
        #expect(rule.eligibleCandidates(for: .leader, members: members, outgoing: outgoing) == [2])
        #expect(rule.eligibleCandidates(for: .deputy, members: members, outgoing: outgoing) == [1, 3, 4, 5])
        let next = try rule.nextLeadership(
            outgoing: outgoing, members: members, leaderElection: nil, deputyElection: outcome(elected: [4]))
        #expect(next == ClusterLeadership(leaderUnitId: 2, deputyUnitId: 4))
        #expect(throws: RotationError.sameUnitForBothPosts(2)) {
            try rule.nextLeadership(
                outgoing: outgoing, members: members, leaderElection: nil, deputyElection: outcome(elected: [2]))
        }
        #expect(throws: RotationError.leaderIsOutgoingDeputy(expected: 2)) {
            try rule.nextLeadership(leader: 3, deputy: 4, outgoing: outgoing, members: members)
        }
    }

    @Test func aTiedElectionIsLeftToTheLeaders() throws {
        let rule = RotationRule()
        #expect(throws: RotationError.unresolvedTie(post: .leader, candidates: [3, 4])) {
            try rule.nextLeadership(
                outgoing: outgoing, members: members, leaderElection: outcome(elected: [], tie: [3, 4]),
                deputyElection: outcome(elected: [5]))
        }
        #expect(throws: RotationError.noOneElected(.deputy)) {
            try rule.nextLeadership(
                outgoing: outgoing, members: members, leaderElection: outcome(elected: [3]),
                deputyElection: outcome(elected: []))
        }
        // The leaders decide for 4.
        let next = try rule.nextLeadership(leader: 4, deputy: 5, outgoing: outgoing, members: members)
        #expect(next == ClusterLeadership(leaderUnitId: 4, deputyUnitId: 5))
    }

    @Test func electionFromBallotToNextSeason() throws {
        let season = ClusterFixtures.season(mode: .verification)
        let rule = RotationRule(deputyBecomesLeader: true)
        let candidates = rule.eligibleCandidates(for: .deputy, members: season.members, outgoing: season.leadership)
        var ballot = try Ballot(
            purpose: "Bầu khối phó 2026", candidates: candidates, eligibleVoters: Set(season.members))
        for voter in season.members { try ballot.cast(voter: voter, choices: [voter == 3 ? 4 : 3]) }
        try ballot.close()
        let leadership = try rule.nextLeadership(
            outgoing: season.leadership, members: season.members, leaderElection: nil,
            deputyElection: ballot.outcome())
        let next = try season.nextSeason(leadership: leadership)
        #expect(next.leadership == ClusterLeadership(leaderUnitId: 2, deputyUnitId: 3))
    }
}
