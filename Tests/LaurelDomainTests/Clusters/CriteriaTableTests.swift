import Foundation
import Testing

@testable import LaurelDomain

@Suite("Criteria table and score sheets")
struct CriteriaTableTests {
    let table = ClusterFixtures.table

    struct SheetCase: CustomTestStringConvertible, Sendable {
        let name: String
        let scores: [String: Points]
        let expected: [ScoreIssue]
        var testDescription: String { name }
    }

    static let sheetCases: [SheetCase] = [
        SheetCase(name: "valid sheet", scores: ["1.1": 50, "1.2": 29.5, "B1": 10, "B2": 5, "D1": -8], expected: []),
        SheetCase(
            name: "over max", scores: ["1.1": 50.01],
            expected: [ScoreIssue(criterionCode: "1.1", reason: .aboveMax(50))]),
        SheetCase(
            name: "negative regular", scores: ["2.1": -1],
            expected: [ScoreIssue(criterionCode: "2.1", reason: .negative)]),
        SheetCase(
            name: "positive deduction", scores: ["D1": 2],
            expected: [ScoreIssue(criterionCode: "D1", reason: .positiveDeduction)]),
        SheetCase(
            name: "deduction beyond max", scores: ["D1": -8.5],
            expected: [ScoreIssue(criterionCode: "D1", reason: .deductionBeyondMax(8))]),
        SheetCase(
            name: "bonus cap", scores: ["B1": 10, "B2": 5.01],
            expected: [ScoreIssue(criterionCode: nil, reason: .bonusCapExceeded(total: 15.01, cap: 15))]),
        SheetCase(
            name: "unknown code", scores: ["9.9": 1],
            expected: [ScoreIssue(criterionCode: "9.9", reason: .unknownCriterion)]),
        SheetCase(
            name: "several at once, in table order then unknown codes",
            scores: ["zz": 0, "D1": 1, "1.1": 60, "aa": 3],
            expected: [
                ScoreIssue(criterionCode: "1.1", reason: .aboveMax(50)),
                ScoreIssue(criterionCode: "D1", reason: .positiveDeduction),
                ScoreIssue(criterionCode: "aa", reason: .unknownCriterion),
                ScoreIssue(criterionCode: "zz", reason: .unknownCriterion),
            ]),
    ]

    @Test("score sheet validation", arguments: sheetCases)
    func sheetValidation(_ testCase: SheetCase) {
        #expect(table.issues(in: ScoreSheet(testCase.scores)) == testCase.expected)
    }

    @Test func validateThrowsEveryIssue() {
        #expect(throws: ScoreSheetError(issues: [ScoreIssue(criterionCode: "1.2", reason: .aboveMax(30))])) {
            try table.validate(ScoreSheet(["1.2": 31]))
        }
    }

    @Test func leftOutCriteriaAreMissingOnlyWhenCompletenessIsRequired() {
        let sheet = ScoreSheet(["1.1": 40, "1.2": 20, "2.1": 10, "B1": 0, "B2": 0])
        #expect(table.issues(in: sheet).isEmpty)
        #expect(table.issues(in: sheet, requireComplete: true) == [ScoreIssue(criterionCode: "D1", reason: .missing)])
    }

    @Test func totalsAndSectionSubtotals() {
        let totals = table.totals(of: ScoreSheet(["1.1": 45.5, "1.2": 20, "2.1": 18.25, "B1": 7, "B2": 3, "D1": -8]))
        #expect(totals.sections == ["I": 65.5, "II": 18.25, "B": 10, "D": -8])
        #expect(totals.total == 85.75)
    }

    @Test func maxTotalCountsTheBonusCapNotTheBonusMaxima() {
        #expect(table.maxTotal == 115)  // 50 + 30 + 20 + min(10 + 10, 15)
    }

    @Test func tableShapeErrors() {
        #expect(throws: CriteriaTableError.duplicateCriterionCode("x")) {
            try CriteriaTable(sections: [
                CriteriaSection(code: "A", title: "A", criteria: [ScoringCriterion(code: "x", title: "", maxPoints: 1)]),
                CriteriaSection(code: "B", title: "B", criteria: [ScoringCriterion(code: "x", title: "", maxPoints: 1)]),
            ])
        }
        #expect(throws: CriteriaTableError.nonPositiveMaximum(criterionCode: "x")) {
            try CriteriaTable(sections: [
                CriteriaSection(code: "A", title: "A", criteria: [ScoringCriterion(code: "x", title: "", maxPoints: 0)])
            ])
        }
        #expect(throws: CriteriaTableError.noCriteria) { try CriteriaTable(sections: []) }
        #expect(throws: CriteriaTableError.duplicateSectionCode("A")) {
            try CriteriaTable(sections: [
                CriteriaSection(code: "A", title: "A", criteria: [ScoringCriterion(code: "x", title: "", maxPoints: 1)]),
                CriteriaSection(code: "A", title: "A", criteria: [ScoringCriterion(code: "y", title: "", maxPoints: 1)]),
            ])
        }
    }

    @Test func jsonRoundTripAndDecodingValidates() throws {
        let data = try JSONEncoder().encode(table)
        #expect(try JSONDecoder().decode(CriteriaTable.self, from: data) == table)
        let bad = Data(
            #"{"sections":[{"code":"A","title":"","criteria":[{"code":"x","title":"","maxPoints":-1,"kind":"regular"}]}],"bonusCap":0}"#
                .utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(CriteriaTable.self, from: bad) }
    }
}

@Suite("Points")
struct PointsTests {
    @Test(
        "parsing",
        arguments: [
            ("95", 9500), ("95.5", 9550), ("95.25", 9525), ("-8", -800), ("0.07", 7), ("+1.5", 150),
        ])
    func parses(text: String, hundredths: Int) {
        #expect(Points(text) == Points(hundredths: hundredths))
    }

    @Test("refused text", arguments: ["", "-", "1.234", "1e2", "1.", ".5", "1.-5", "abc", "1,5"])
    func refuses(text: String) {
        #expect(Points(text) == nil)
    }

    @Test(
        "mean rounds halves away from zero",
        arguments: [
            ([9000, 9001], 9001), ([7000, 7000, 7001], 7000), ([-1, -2], -2), ([100, 200, 200], 167), ([5], 5),
        ])
    func mean(hundredths: [Int], expected: Int) {
        #expect(Points.mean(hundredths.map(Points.init(hundredths:))) == Points(hundredths: expected))
    }

    @Test func descriptionAndJSON() throws {
        #expect(Points(hundredths: 9550).description == "95.5")
        #expect(Points(hundredths: -25).description == "-0.25")
        #expect(Points(hundredths: 800).description == "8")
        let json = String(decoding: try JSONEncoder().encode(ScoreSheet(["a": 95.5])), as: UTF8.self)
        #expect(json == #"{"a":95.5}"#)
        #expect(try JSONDecoder().decode(Points.self, from: Data("12.34".utf8)) == Points(hundredths: 1234))
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Points.self, from: Data("12.345".utf8)) }
    }
}
