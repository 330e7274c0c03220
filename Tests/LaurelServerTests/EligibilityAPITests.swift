import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

@Suite struct EligibilityAPITests {
    static let input = """
        {"subjects": [{"id": "p-1", "kind": "individual", "staffCategory": "civil_servant", "holdsManagementPost": false,
          "years": [{"year": 2024, "rating": "good", "discipline": null, "initiatives": [{"level": "grassroots"}]}], "awards": [],
          "check": [{"code": "CSTDCS", "year": 2024}, {"code": "LDTT", "year": 2024, "decisionDate": "2025-01-15"}]}]}
        """

    @Test func verdictsExplainEveryCondition() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let (status, body) = try await client.json(.post, "/api/v1/eligibility/check", token: token, raw: Self.input)
            #expect(status == .ok)
            let verdicts = try #require(body["verdicts"] as? [[String: Any]])
            #expect(verdicts.map { $0["code"] as? String } == ["CSTDCS", "LDTT"])
            #expect(verdicts.allSatisfy { $0["eligible"] as? Bool == true })
            #expect((verdicts[0]["conditions"] as? [[String: Any]])?.isEmpty == false)
            // 0.3 × 2,340,000 VND = 702,000, rounded up to the next 10,000 (Decree 152 Art 49(2)).
            #expect(verdicts[1]["bonusVND"] as? Int == 710_000)
        }
    }

    @Test func badInputIsReportedBySubjectAndField() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let bad = Self.input.replacingOccurrences(of: "\"good\"", with: "\"great\"").replacingOccurrences(of: "CSTDCS", with: "NOPE")
            let (status, body) = try await client.json(.post, "/api/v1/eligibility/check", token: token, raw: bad)
            #expect(status == .unprocessableContent)
            let problems = try #require(body.error["problems"] as? [[String: Any]])
            #expect(problems.count == 2)
            #expect(problems.contains { $0["subject"] as? String == "p-1" && ($0["field"] as? String)?.contains("rating") == true })
            #expect(try await client.json(.post, "/api/v1/eligibility/check", raw: Self.input).0 == .unauthorized)
        }
    }
}

extension EligibilityAPITests {
    @Test(arguments: TestDatabases.kinds)
    func recordsInTheDatabaseAreJudged(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S2", token: officer)
            let (created, person) = try await client.json(
                .post, "/api/v1/people", token: officer,
                body: [
                    "fullName": "Lò Văn Xét", "gender": "male", "unitId": unit, "staffCategory": "civil_servant",
                    "holdsManagementPost": false,
                ])
            #expect(created == .created)
            let id = try #require(person["id"] as? Int)
            for year in 2022...2024 {
                #expect(
                    try await client.json(
                        .put, "/api/v1/people/\(id)/assessments/\(year)", token: officer,
                        body: ["rating": "excellent", "discipline": nil, "notes": nil]
                    ).0.code < 300)
            }
            let (status, body) = try await client.json(.get, "/api/v1/people/\(id)/eligibility?year=2024", token: officer)
            #expect(status == .ok)
            let verdicts = try #require(body["verdicts"] as? [[String: Any]])
            #expect(verdicts.first { $0["code"] as? String == "LDTT" }?["eligible"] as? Bool == true)
            // Three excellent years but no CSTDCS held: CSTD_BO is not met, and says so.
            let cstdBo = try #require(verdicts.first { $0["code"] as? String == "CSTD_BO" })
            #expect(cstdBo["eligible"] as? Bool == false)

            let (unitStatus, report) = try await client.json(.get, "/api/v1/units/\(unit)/eligibility?code=LDTT&year=2024", token: officer)
            #expect(unitStatus == .ok)
            let rows = try #require(report["rows"] as? [[String: Any]])
            #expect(rows.contains { $0["subjectId"] as? Int == id && $0["eligible"] as? Bool == true })
            // Another province's unit is not there for this officer.
            let admin = try await client.token("admin", "laurel-admin")
            let danang = try await client.unitId(code: "DN", token: admin)
            #expect(try await client.json(.get, "/api/v1/units/\(danang)/eligibility?code=LDTT&year=2024", token: officer).0 == .notFound)
            #expect(
                try await client.json(.get, "/api/v1/units/\(unit)/eligibility?code=NOPE&year=2024", token: officer).0
                    == .unprocessableContent)
        }
    }
}
