import Testing

@testable import LaurelDomain

@Suite("Ranking")
struct RankingTests {
    typealias F = ClusterFixtures

    @Test(
        "competition ranking: ties share a rank, the next skips",
        arguments: [
            (keys: [90, 80, 80, 70], ranks: [1, 2, 2, 4]),
            (keys: [50, 50, 50], ranks: [1, 1, 1]),
            (keys: [10, 20, 30], ranks: [1, 2, 3]),
            (keys: [5, 5, 4, 4, 3], ranks: [1, 1, 3, 3, 5]),
            (keys: [], ranks: []),
        ])
    func competitionRanks(keys: [Int], ranks: [Int]) {
        let entries = keys.enumerated().map { (unitId: Int64($0.offset + 1), key: $0.element) }
        #expect(Ranking.competitionRanks(entries).map(\.rank) == ranks)
    }

    @Test func verifiedSeasonRanksWithTiesAndSubtotals() throws {
        var season = F.season(mode: .verification, members: 5)
        // Unit 4: 80.1 via I = 60.1; unit 3: 80.10 via I = 50, II = 20, bonus 10.1 — exact tie.
        try season.verify(target: 1, by: 2, sheet: F.sheet(50, 30, 10))  // 90
        try season.verify(target: 3, by: 1, sheet: ScoreSheet(["1.1": 50, "2.1": 20, "B1": 5.1, "B2": 5]))
        try season.verify(target: 4, by: 2, sheet: F.sheet(50, 10.1, 20))  // 80.1
        try season.verify(target: 5, by: 1, sheet: F.sheet(50, 30, 0, deduction: -8))  // 72
        let ranking = season.ranking()
        #expect(ranking.rows.map(\.rank) == [1, 2, 2, 4])
        #expect(ranking.rows.map(\.unitId) == [1, 3, 4, 5])
        #expect(ranking.rows.map(\.final) == [90, 80.1, 80.1, 72])
        #expect(ranking.rows[1].sections == ["I": 50, "II": 20, "B": 10.1, "D": 0])
        #expect(ranking.rows[3].sections["D"] == -8)
        #expect(ranking.pending == [Ranking.PendingUnit(unitId: 2, reason: .notVerified)])
    }
}
