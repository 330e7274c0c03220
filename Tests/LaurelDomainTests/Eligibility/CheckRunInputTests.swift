import Foundation
import Testing

@testable import LaurelDomain

@Suite("The check run: input format and bad input")
struct CheckRunInputTests {
    func run(_ json: String, year: Int? = nil) -> Result<[String], CheckInputErrors> {
        EligibilityCheckRun.run(input: Data(json.utf8), year: year)
    }

    func problems(_ json: String, year: Int? = nil) -> [String] {
        guard case .failure(let errors) = run(json, year: year) else { return [] }
        return errors.problems.map(\.description)
    }

    @Test("every problem is reported by subject and field, and nothing is checked")
    func badInput() {
        let json = """
            {"subjects": [
              {"id": "p-1", "kind": "individual", "staffCategory": "wizard",
               "years": [{"year": 2023, "rating": "great", "discipline": "scolding", "initiatives": [{"level": "galactic"}]},
                         {"year": 2023, "rating": "good"}, {"rating": "good"}],
               "awards": [{"code": "NOBEL", "year": 2023, "status": "valid"}, {"code": "LDTT", "status": "lost"}],
               "check": [{"code": "LDTT", "year": 2023, "decisionDate": "2024-02-30"}, {"code": "XYZ"}]},
              {"id": "p-1", "kind": "robot"},
              {"kind": "individual", "years": []}
            ],
             "check": [{"code": "CSTDCS"}]}
            """
        let found = problems(json)
        for expected in [
            "check[0].year: missing",
            "p-1 staffCategory: unknown staff category \"wizard\"",
            "p-1 years[0].rating: unknown rating \"great\"",
            "p-1 years[0].discipline: unknown discipline \"scolding\"",
            "p-1 years[0].initiatives[0].level: unknown initiative level \"galactic\"",
            "p-1 years[1].year: duplicate year 2023",
            "p-1 years[2].year: missing",
            "p-1 awards[0].code: unknown code \"NOBEL\"",
            "p-1 awards[1].year: missing",
            "p-1 awards[1].status: unknown status \"lost\"",
            "p-1 check[0].decisionDate: \"2024-02-30\" is not a date YYYY-MM-DD",
            "p-1 check[1].code: unknown code \"XYZ\"",
            "p-1 check[1].year: missing",
            "p-1 kind: unknown kind \"robot\"",
            "subjects[2] id: missing",
        ] {
            #expect(found.contains(expected), "\(expected) not in \(found)")
        }
    }

    @Test("type errors, members that are not individuals, and a short member count")
    func structuralProblems() {
        #expect(
            problems(#"{"subjects": [{"id": "p", "kind": "individual", "years": [{"year": "2024"}]}]}"#)
                == ["subjects[0] years[0].year: expected an integer"])
        #expect(problems("not json").first?.hasPrefix("input:") == true)
        #expect(problems("{}") == ["subjects: missing"])
        let collective = """
            {"subjects": [{"id": "c", "kind": "collective", "memberCount": 1,
              "years": [{"year": 2024, "rating": "good"}],
              "members": [{"id": "m", "kind": "collective"}, {"id": "m", "kind": "individual"}]}]}
            """
        let found = problems(collective)
        #expect(found.contains("c members[0].kind: a member must be an individual"))
        #expect(found.contains("c members[1].id: duplicate member id"))
        #expect(found.contains("c memberCount: 1 is less than the 2 members listed"))
        #expect(
            problems(#"{"subjects": [{"id": "p", "kind": "individual"}]}"#)
                == ["p years: no record to take the year to check from; give check or a year"])
        #expect(problems(#"{"subjects": []}"#, year: 1200) == ["year: 1200 is outside 1900…2200"])
    }

    @Test("without check, every code for the subject's kind is checked in the last year on record")
    func defaultChecks() throws {
        let json = """
            {"subjects": [{"id": "p", "kind": "individual", "staffCategory": "worker",
              "years": [{"year": 2023, "rating": "good"}, {"year": 2024, "rating": "excellent"}]},
              {"id": "h", "kind": "household", "years": [{"year": 2022, "rating": "good"}]}]}
            """
        let verdicts = try EligibilityCheckRun.verdicts(input: Data(json.utf8)).get()
        let individual = AwardCatalogue.standard.codes(for: .individual)
        let household = AwardCatalogue.standard.codes(for: .household)
        #expect(verdicts.map(\.code) == individual + household)
        #expect(verdicts.filter { $0.subject == "p" }.allSatisfy { $0.year == 2024 })
        #expect(verdicts.filter { $0.subject == "h" }.allSatisfy { $0.year == 2022 })
        let overridden = try EligibilityCheckRun.verdicts(input: Data(json.utf8), year: 2025).get()
        #expect(overridden.allSatisfy { $0.year == 2025 })
    }

    @Test("top-level checks go to subjects of the code's kind; a subject's own checks to it alone")
    func checkPlacement() throws {
        let json = """
            {"subjects": [
              {"id": "p", "kind": "individual", "years": [{"year": 2024, "rating": "good"}],
               "check": [{"code": "GK", "year": 2024}, {"code": "LDTT", "year": 2024}]},
              {"id": "q", "kind": "individual", "years": [{"year": 2024, "rating": "good"}]},
              {"id": "c", "kind": "collective", "years": [{"year": 2024, "rating": "good"}]}],
             "check": [{"code": "LDTT", "year": 2024, "decisionDate": "2025-01-20"}]}
            """
        let verdicts = try EligibilityCheckRun.verdicts(input: Data(json.utf8)).get()
        #expect(verdicts.map { "\($0.subject) \($0.code)" } == ["p LDTT", "p GK", "q LDTT"])
        #expect(verdicts[0].bonusVND == 710_000)  // the top-level entry (with its date) wins over the duplicate
    }

    @Test("output lines keep the key order of the format and escape text")
    func lineFormat() throws {
        let json =
            #"{"subjects": [{"id": "p\"1", "kind": "individual", "years": [{"year": 2024, "rating": "good"}], "check": [{"code": "LDTT", "year": 2024}]}]}"#
        let line = try #require(try run(json).get().first)
        #expect(
            line.hasPrefix(#"{"subject": "p\"1", "code": "LDTT", "year": 2024, "eligible": true, "conditions": [{"id": "subject.kind""#))
        #expect(line.hasSuffix(#", "eligibleFrom": null, "bonusVND": null}"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["subject"] as? String == "p\"1")
    }
}
