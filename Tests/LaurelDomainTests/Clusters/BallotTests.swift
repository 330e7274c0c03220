import Foundation
import Testing

@testable import LaurelDomain

@Suite("Ballots")
struct BallotTests {
    /// Voters 1…count.
    static func ballot(
        candidates: [Int64] = [101, 102, 103], voters count: Int64 = 10, seats: Int = 1,
        threshold: Proportion = .half, quorum: Proportion = .none, maxRounds: Int = 2
    ) throws -> Ballot {
        try Ballot(
            purpose: "Đề nghị Cờ thi đua", candidates: candidates, eligibleVoters: Set(1...count), seats: seats,
            threshold: threshold, quorum: quorum, maxRounds: maxRounds)
    }

    /// Casts papers from voters 1, 2, 3, … in order.
    static func castAll(_ papers: [[Int64]], into ballot: inout Ballot, firstVoter: Int64 = 1) throws {
        for (offset, choices) in papers.enumerated() {
            try ballot.cast(voter: firstVoter + Int64(offset), choices: choices)
        }
    }

    @Test(
        "threshold is a share of all eligible voters",
        arguments: [
            (votes: 8, threshold: Proportion.fourFifths, elected: true),
            (7, .fourFifths, false),
            (9, .nineTenths, true),
            (8, .nineTenths, false),
            (5, .half, true),  // ≥, not >
            (4, .half, false),
        ])
    func thresholds(votes: Int, threshold: Proportion, elected: Bool) throws {
        var ballot = try Self.ballot(threshold: threshold)
        // Every voter casts; the ones not voting for 101 hand in blank papers.
        try Self.castAll(Array(repeating: [101], count: votes) + Array(repeating: [], count: 10 - votes), into: &ballot)
        let tally = ballot.tally()
        #expect(tally.cast == 10)
        #expect(tally.blank == 10 - votes)
        #expect(tally.results.first { $0.candidate == 101 }?.elected == elected)
        #expect(tally.results.first { $0.candidate == 101 }?.share == Double(votes) / 10)
    }

    @Test func quorumNotMetElectsNobody() throws {
        var ballot = try Self.ballot(voters: 9, quorum: .twoThirds)
        try Self.castAll([[101], [101], [101], [101], [101]], into: &ballot)  // 5 of 9 < 2/3
        var tally = ballot.tally()
        #expect(!tally.quorumMet)
        #expect(tally.elected.isEmpty)
        #expect(tally.results.first?.votes == 5)
        try ballot.cast(voter: 6, choices: [])  // 6 of 9 = 2/3
        tally = ballot.tally()
        #expect(tally.quorumMet)
        #expect(tally.elected == [101])  // 5 of 9 ≥ 1/2
    }

    @Test func tieAtTheLastSeatGoesToASecondRoundAmongTheTied() throws {
        var ballot = try Self.ballot(candidates: [101, 102, 103, 104], seats: 2)
        try Self.castAll(
            [[101, 102], [101, 102], [101, 102], [101, 103], [101, 103], [101, 103], [101], [101], [104], []],
            into: &ballot)
        let first = ballot.tally()
        #expect(first.results.map(\.candidate) == [101, 102, 103, 104])
        #expect(first.results.map(\.votes) == [8, 3, 3, 1])
        #expect(first.elected == [101])
        #expect(first.tie.isEmpty)  // 102 and 103 tie below the threshold: nothing to settle

        var close = try Self.ballot(candidates: [101, 102, 103], seats: 2)
        try Self.castAll(
            [
                [101, 102], [101, 102], [101, 102], [101, 102], [101, 102], [101, 103], [101, 103], [101, 103], [101, 103],
                [103],
            ],
            into: &close)
        let round1 = close.tally()
        #expect(round1.results.map(\.votes) == [9, 5, 5])
        #expect(round1.elected == [101])
        #expect(round1.tie == [102, 103])
        #expect(round1.results.first { $0.candidate == 102 }?.elected == false)

        let next = try close.startNextRound()
        #expect(next.number == 2)
        #expect(next.candidates == [102, 103])
        #expect(next.seats == 1)
        #expect(throws: BallotError.notACandidate(101)) { try close.cast(voter: 1, choices: [101]) }
        #expect(throws: BallotError.tooManyChoices(given: 2, allowed: 1)) { try close.cast(voter: 1, choices: [102, 103]) }
        try Self.castAll([[102], [102], [102], [102], [102], [102], [103], [103], [103], [103]], into: &close)
        let round2 = close.tally()
        #expect(round2.round == 2)
        #expect(round2.elected == [102])
        let outcome = close.outcome()
        #expect(outcome.elected == [101, 102])
        #expect(outcome.tie.isEmpty)
        #expect(outcome.seatsUnfilled == 0)
        #expect(close.tally(round: 1) == round1)
        #expect(close.tally(round: 3) == nil)
    }

    @Test func aThirdRoundIsRefusedByDefaultAndTheTieGoesToTheLeaders() throws {
        var ballot = try Self.ballot(candidates: [101, 102], voters: 4)
        try Self.castAll([[101], [101], [102], [102]], into: &ballot)
        #expect(ballot.tally().tie == [101, 102])
        #expect(!ballot.outcome().tieGoesToLeaders)
        try ballot.startNextRound()
        try Self.castAll([[101], [102], [101], [102]], into: &ballot)
        #expect(ballot.tally().tie == [101, 102])
        #expect(throws: BallotError.roundLimitReached(maxRounds: 2)) { try ballot.startNextRound() }
        let outcome = ballot.outcome()
        #expect(outcome.elected.isEmpty)
        #expect(outcome.tie == [101, 102])
        #expect(outcome.tieGoesToLeaders)
        #expect(outcome.roundsHeld == 2)

        var longer = try Self.ballot(candidates: [101, 102], voters: 2, maxRounds: 3)
        for _ in 1...2 {
            try Self.castAll([[101], [102]], into: &longer)
            try longer.startNextRound()
        }
        #expect(longer.currentRound == 3)
    }

    @Test func noTieNoNextRound() throws {
        var ballot = try Self.ballot()
        // Every elector votes: until then the count, and so whether there is a tie, is secret.
        try Self.castAll([[101], [101], [101], [101], [101], [101], [], [], [], []], into: &ballot)
        #expect(throws: BallotError.noTieToResolve) { try ballot.startNextRound() }
    }

    @Test func oneVotePerVoterPerRound() throws {
        var ballot = try Self.ballot(candidates: [101, 102], voters: 2)
        try ballot.cast(voter: 1, choices: [101])
        #expect(throws: BallotError.alreadyVoted(voterId: 1, round: 1)) { try ballot.cast(voter: 1, choices: [102]) }
        try ballot.cast(voter: 2, choices: [102])
        try ballot.startNextRound()
        try ballot.cast(voter: 1, choices: [102])  // a new round is a new vote
        #expect(ballot.tally().cast == 1)
        #expect(ballot.tally(round: 1)?.cast == 2)
    }

    @Test func refusedPapers() throws {
        var ballot = try Self.ballot(seats: 2)
        #expect(throws: BallotError.notAnEligibleVoter(11)) { try ballot.cast(voter: 11, choices: [101]) }
        #expect(throws: BallotError.notACandidate(999)) { try ballot.cast(voter: 1, choices: [999]) }
        #expect(throws: BallotError.tooManyChoices(given: 3, allowed: 2)) {
            try ballot.cast(voter: 1, choices: [101, 102, 103])
        }
        #expect(throws: BallotError.duplicateChoice(101)) { try ballot.cast(voter: 1, choices: [101, 101]) }
        #expect(ballot.tally().cast == 0)
        try ballot.cast(voter: 1, choices: [102, 101])
    }

    @Test func closedBallotIsImmutable() throws {
        var ballot = try Self.ballot()
        try Self.castAll([[101], [101], [101], [101], [101], [101]], into: &ballot)
        try ballot.close()
        let before = ballot
        #expect(throws: BallotError.closed) { try ballot.cast(voter: 9, choices: [101]) }
        #expect(throws: BallotError.closed) { try ballot.startNextRound() }
        #expect(throws: BallotError.closed) { try ballot.close() }
        #expect(ballot == before)
        #expect(ballot.outcome().isFinal)
        #expect(ballot.outcome().elected == [101])
    }

    @Test func theTallySaysWhoVotedNeverForWhom() throws {
        var one = try Self.ballot(seats: 2)
        var other = try Self.ballot(seats: 2)
        try one.cast(voter: 3, choices: [101])
        try one.cast(voter: 7, choices: [102, 103])
        try one.cast(voter: 5, choices: [])
        // The same votes by other voters, in another order: the stored state is identical.
        try other.cast(voter: 5, choices: [103, 102])
        try other.cast(voter: 3, choices: [])
        try other.cast(voter: 7, choices: [101])
        #expect(one.rounds == other.rounds)
        #expect(one.rounds[0].papers.map(\.choices) == [[], [101], [102, 103]])

        let tally = one.tally()
        #expect(tally.voters == [3, 5, 7])
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(tally)) as? [String: Any]
        let results = json?["results"] as? [[String: Any]] ?? []
        #expect(Set(results.flatMap(\.keys)) == ["candidate", "votes", "share", "elected"])
        let record = try one.cast(voter: 1, choices: [101])
        #expect(record.mark == VoterMark(voterId: 1, round: 1))
        #expect(record.paper == BallotPaper(round: 1, choices: [101]))
    }

    @Test func setUpErrors() {
        #expect(throws: BallotError.noCandidates) { try Self.ballot(candidates: []) }
        #expect(throws: BallotError.duplicateCandidate(101)) { try Self.ballot(candidates: [101, 101]) }
        #expect(throws: BallotError.invalidSeats(4)) { try Self.ballot(seats: 4) }
        #expect(throws: BallotError.invalidSeats(0)) { try Self.ballot(seats: 0) }
        #expect(throws: BallotError.invalidMaxRounds(0)) { try Self.ballot(maxRounds: 0) }
        #expect(throws: BallotError.emptyPurpose) {
            try Ballot(purpose: " ", candidates: [1], eligibleVoters: [1])
        }
        #expect(throws: BallotError.noEligibleVoters) {
            try Ballot(purpose: "x", candidates: [1], eligibleVoters: [])
        }
    }

    @Test func restoringReplaysTheStoredRows() throws {
        var live = try Self.ballot(candidates: [101, 102], voters: 4)
        var marks: [VoterMark] = []
        var papers: [BallotPaper] = []
        for (voter, choice) in [(1, 101), (2, 101), (3, 102), (4, 102)] as [(Int64, Int64)] {
            let record = try live.cast(voter: voter, choices: [choice])
            marks.append(record.mark)
            papers.append(record.paper)
        }
        try live.startNextRound()
        let record = try live.cast(voter: 2, choices: [102])
        marks.append(record.mark)
        papers.append(record.paper)

        func restore(marks: [VoterMark], papers: [BallotPaper]) throws -> Ballot {
            try Ballot(
                restoring: "Đề nghị Cờ thi đua", candidates: [101, 102], eligibleVoters: Set(1...4), seats: 1,
                threshold: .half, quorum: .none, maxRounds: 2, roundsStarted: 2, marks: marks, papers: papers,
                isClosed: false)
        }
        #expect(try restore(marks: marks, papers: papers.reversed()) == live)
        #expect(throws: BallotError.inconsistentRecords(round: 2)) {
            try restore(marks: marks, papers: Array(papers.dropLast()))
        }
        #expect(throws: BallotError.inconsistentRecords(round: 2)) {
            try restore(marks: Array(marks.dropLast()) + [VoterMark(voterId: 9, round: 2)], papers: papers)
        }
    }

    @Test(
        "proportions",
        arguments: [
            ("2/3", Proportion.twoThirds), ("0.8", .fourFifths), ("80%", .fourFifths), ("90%", .nineTenths),
            ("0.5", .half), ("1", .all), ("0", .none),
        ])
    func proportionParsing(text: String, expected: Proportion) {
        #expect(Proportion(text) == expected)
    }

    @Test func proportionRefusals() {
        #expect(Proportion("3/2") == nil)
        #expect(Proportion("1/0") == nil)
        #expect(Proportion("-1/2") == nil)
        #expect(Proportion("abc") == nil)
        #expect(Proportion("120%") == nil)
        #expect(Proportion.twoThirds.isReached(by: 6, of: 9))
        #expect(!Proportion.twoThirds.isReached(by: 5, of: 9))
    }
}
