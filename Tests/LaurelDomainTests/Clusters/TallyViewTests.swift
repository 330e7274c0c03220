import Foundation
import Testing

@testable import LaurelDomain

/// A running round shows how many voted and, to a voter, whether its own units have; never the
/// counts, the blank papers or the list of voters. Once it takes no more papers, everything.
@Suite("Tally views")
struct TallyViewTests {
    static func ballot(voters: Int64 = 4, seats: Int = 1) throws -> Ballot {
        try Ballot(purpose: "Đề nghị Cờ thi đua", candidates: [101, 102], eligibleVoters: Set(1...voters), seats: seats)
    }

    static func json(_ view: TallyView) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(view)) as? [String: Any] ?? [:]
    }

    @Test func aRunningRoundShowsOnlyHowManyVoted() throws {
        var ballot = try Self.ballot()
        try ballot.cast(voter: 1, choices: [101])
        try ballot.cast(voter: 2, choices: [])
        let view = ballot.tallyView(readerVotesFor: [2])
        guard case .running(let running) = view else {
            Issue.record("count shown while open")
            return
        }
        #expect(running.cast == 2 && running.eligible == 4 && running.round == 1 && running.candidates == [101, 102])
        #expect(running.youHaveVoted == true && running.votedBy == [2])
        let json = try Self.json(view)
        #expect(Set(json.keys) == ["round", "eligible", "cast", "seats", "candidates", "open", "youHaveVoted", "votedBy"])
        #expect(json["open"] as? Bool == true)
        #expect(ballot.disclosedOutcome() == nil)
        #expect(ballot.countedTallies().isEmpty)
    }

    static let readers: [(reader: Set<Int64>, youHaveVoted: Bool?, votedBy: [Int64])] = [
        ([3], false, []),
        ([1], true, [1]),
        ([1, 3], false, [1]),
        ([], nil, []),
        ([99], nil, []),  // not an elector
    ]

    @Test("what a reader is told of its own units", arguments: readers)
    func theReaderLearnsOnlyAboutItsOwnUnits(reader: Set<Int64>, youHaveVoted: Bool?, votedBy: [Int64]) throws {
        var ballot = try Self.ballot()
        try ballot.cast(voter: 1, choices: [101])
        guard case .running(let running) = ballot.tallyView(readerVotesFor: reader) else {
            Issue.record("count shown")
            return
        }
        #expect(running.youHaveVoted == youHaveVoted && running.votedBy == votedBy)
    }

    @Test func theCountIsShownOnceTheRoundTakesNoMorePapers() throws {
        var everyone = try Self.ballot(voters: 2)
        try everyone.cast(voter: 1, choices: [101])
        try everyone.cast(voter: 2, choices: [101])
        #expect(everyone.tallyView(readerVotesFor: []) == .counted(everyone.tally()))
        #expect(everyone.disclosedOutcome()?.elected == [101])

        var closed = try Self.ballot()
        try closed.cast(voter: 1, choices: [101])
        try closed.close()
        let json = try Self.json(closed.tallyView(readerVotesFor: [1]))
        // The pinned shape of a counted round, unchanged.
        #expect(Set(json.keys) == ["round", "eligible", "cast", "blank", "seats", "quorumMet", "voters", "results", "tie"])
        #expect(closed.disclosedOutcome() == closed.outcome())
        #expect(closed.countedTallies() == [closed.tally()])
    }

    @Test func anEarlierRoundIsCountedWhileTheNextRuns() throws {
        var ballot = try Self.ballot()
        for (voter, choice) in [(1, 101), (2, 101), (3, 102), (4, 102)] as [(Int64, Int64)] {
            try ballot.cast(voter: voter, choices: [choice])
        }
        try ballot.startNextRound()
        try ballot.cast(voter: 1, choices: [102])
        #expect(ballot.tallyView(round: 1, readerVotesFor: []) == .counted(try #require(ballot.tally(round: 1))))
        #expect(ballot.tallyView(round: 2, readerVotesFor: [])?.counted == nil)
        #expect(ballot.tallyView(round: 3, readerVotesFor: []) == nil)
        #expect(ballot.countedTallies().map(\.round) == [1])
        #expect(ballot.disclosedOutcome() == nil)
    }

    @Test func noRoundOpensOnATieNobodyMaySeeYet() throws {
        var ballot = try Ballot(
            purpose: "Bầu cụm trưởng", candidates: [101, 102], eligibleVoters: Set(1...4),
            threshold: try #require(Proportion("1/4")))
        try ballot.cast(voter: 1, choices: [101])
        try ballot.cast(voter: 2, choices: [102])
        #expect(ballot.tally().tie == [101, 102])
        #expect(throws: BallotError.roundStillOpen(round: 1, cast: 2, eligible: 4)) { try ballot.startNextRound() }
        try ballot.close()
        #expect(ballot.outcome().tieGoesToLeaders)
    }
}
