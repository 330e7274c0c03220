import Testing

@testable import LaurelDomain

@Suite("Cross scoring")
struct CrossScoringTests {
    typealias F = ClusterFixtures

    @Test func nobodyScoresItself() {
        var season = F.season(mode: .cross, members: 3)
        #expect(throws: SeasonError.ownUnit(2)) { try season.submitCrossScore(scorer: 2, target: 2, sheet: F.sheet(50)) }
        #expect(season.crossScores.isEmpty)
    }

    @Test func finalIsTheMeanOfTheOthersRoundedToHundredths() throws {
        var season = F.season(mode: .cross, members: 4)
        // Unit 1 receives 70.00, 70.00, 70.01 → 70.0033 → 70.00.
        try season.submitCrossScore(scorer: 2, target: 1, sheet: F.sheet(50, 20))
        try season.submitCrossScore(scorer: 3, target: 1, sheet: F.sheet(50, 20))
        try season.submitCrossScore(scorer: 4, target: 1, sheet: F.sheet(50, 20.01))
        // Unit 2 receives 80.00 and 80.01 → 80.005 → 80.01 (halves away from zero).
        try season.submitCrossScore(scorer: 1, target: 2, sheet: F.sheet(50, 30))
        try season.submitCrossScore(scorer: 3, target: 2, sheet: F.sheet(50, 30, 0.01))
        let ranking = season.ranking()
        #expect(ranking.rows.map(\.unitId) == [2, 1])
        #expect(ranking.rows.map(\.final) == [80.01, 70])
        #expect(ranking.rows[0].sections == ["I": 80, "II": 0.01, "B": 0, "D": 0])  // 0.005 → 0.01
        #expect(ranking.pending == [3, 4].map { Ranking.PendingUnit(unitId: $0, reason: .notScored) })
        #expect(season.missingCrossScores.count == 12 - 5)
        #expect(season.missingCrossScores.first == CrossScoreGap(scorerUnitId: 1, targetUnitId: 3))
    }

    @Test func aSelfScoreFedInDirectlyIsIgnored() {
        let totals = SheetTotals(total: 100, sections: [:])
        let low = SheetTotals(total: 50, sections: [:])
        let results = CrossScoring(totals: [1: [1: totals, 2: low]]).results
        #expect(results[1]?.raw == 50)
        #expect(results[1]?.scorerCount == 1)
    }

    /// Scorer 1 gives 2 → 80, 3 → 60 (z = +1, −1); scorer 2 gives 1 → 90, 3 → 70 (z = +1, −1);
    /// scorer 3 gives everyone 50 (zero variance: z = 0).
    @Test func normalisationWithAZeroVarianceScorer() throws {
        var season = F.season(mode: .cross, members: 3)
        try season.submitCrossScore(scorer: 1, target: 2, sheet: F.sheet(50, 30))
        try season.submitCrossScore(scorer: 1, target: 3, sheet: F.sheet(50, 10))
        try season.submitCrossScore(scorer: 2, target: 1, sheet: F.sheet(50, 30, 10))
        try season.submitCrossScore(scorer: 2, target: 3, sheet: F.sheet(50, 20))
        try season.submitCrossScore(scorer: 3, target: 1, sheet: F.sheet(50))
        try season.submitCrossScore(scorer: 3, target: 2, sheet: F.sheet(50))

        let raw = season.ranking(basis: .raw)
        #expect(raw.rows.map(\.unitId) == [1, 2, 3])
        #expect(raw.rows.map(\.final) == [70, 65, 65])
        #expect(raw.rows.map(\.rank) == [1, 2, 2])

        let normalised = season.ranking(basis: .normalised)
        #expect(normalised.basis == .normalised)
        #expect(normalised.rows.map(\.unitId) == [1, 2, 3])
        #expect(normalised.rows.map(\.normalised) == [0.5, 0.5, -1])
        #expect(normalised.rows.map(\.rank) == [1, 1, 3])
        #expect(normalised.rows.map(\.final) == [70, 65, 65])  // raw stays visible
    }

    @Test(
        "z-scores per scorer",
        arguments: [
            (given: [70.0, 80, 90], expected: [-1.2247, 0, 1.2247]),
            (given: [60.0, 80], expected: [-1, 1]),
            (given: [75.0, 75, 75], expected: [0, 0, 0]),  // zero variance
            (given: [75.0], expected: [0]),  // a single target
        ])
    func zScores(given: [Double], expected: [Double]) {
        let totals = Dictionary(
            uniqueKeysWithValues: given.enumerated().map { index, total in
                (Int64(index + 10), [Int64(1): Points(floatLiteral: total)])
            })
        let z = CrossScoring.zScores(totals)[1] ?? [:]
        let rounded = (0..<given.count).map { ((z[Int64($0 + 10)] ?? .nan) * 10_000).rounded() / 10_000 }
        #expect(rounded == expected)
    }

    @Test func crossModeRefusesVerification() {
        var season = F.season(mode: .cross)
        #expect(throws: SeasonError.wrongMode(required: .verification)) {
            try season.verify(target: 3, by: 1, sheet: F.sheet(1))
        }
    }
}
