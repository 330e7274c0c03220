import Foundation
import Testing

@testable import LaurelDomain

/// One `expect` row of law/cases.json.
struct WorkedCase: Sendable, CustomTestStringConvertible {
    var subject: String
    var code: String
    var year: Int
    var eligible: Bool
    var eligibleFrom: Int?
    var bonusVND: Int?
    var why: String

    var testDescription: String { "\(subject) \(code) \(year): \(why)" }

    static func load() throws -> (input: Data, cases: [WorkedCase]) {
        let object = try JSONSerialization.jsonObject(with: Data(WorkedCasesJSON.text.utf8))
        guard let root = object as? [String: Any], let input = root["input"], let expect = root["expect"] as? [[String: Any]]
        else { throw CocoaError(.fileReadCorruptFile) }
        let cases = expect.map { row in
            WorkedCase(
                subject: row["subject"] as? String ?? "", code: row["code"] as? String ?? "",
                year: row["year"] as? Int ?? 0, eligible: row["eligible"] as? Bool ?? false,
                eligibleFrom: row["eligibleFrom"] as? Int, bonusVND: row["bonusVND"] as? Int,
                why: row["why"] as? String ?? "")
        }
        return (try JSONSerialization.data(withJSONObject: input), cases)
    }

    static let all: [WorkedCase] = (try? load().cases) ?? []
}

@Suite("Worked cases of law/cases.json")
struct WorkedCasesTests {
    @Test("the file holds the eleven worked cases")
    func casesLoad() throws {
        #expect(try WorkedCase.load().cases.count == 11)
    }

    @Test("verdict matches", arguments: WorkedCase.all)
    func verdictMatches(_ expected: WorkedCase) throws {
        // setup
        let input = try WorkedCase.load().input
        // MUT
        let verdicts = try EligibilityCheckRun.verdicts(input: input).get()
        // validate
        let verdict = try #require(
            verdicts.first {
                $0.subject == expected.subject && $0.code == expected.code && $0.year == expected.year
            })
        #expect(verdict.eligible == expected.eligible, "\(verdict.conditions)")
        if let from = expected.eligibleFrom { #expect(verdict.eligibleFrom == from) }
        if expected.eligible { #expect(verdict.eligibleFrom == nil) }
        if let bonus = expected.bonusVND { #expect(verdict.bonusVND == bonus) }
    }

    @Test("the check run prints one line per check of the input")
    func oneLinePerCheck() throws {
        let lines = try EligibilityCheckRun.run(input: WorkedCase.load().input).get()
        #expect(lines.count == 11)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["subject"] is String)
            #expect(object["conditions"] is [Any])
            #expect(object.keys.contains("eligibleFrom") && object.keys.contains("bonusVND"))
        }
    }
}
