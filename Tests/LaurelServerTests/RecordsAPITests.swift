import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// Assessments, the register, initiatives, records and the catalogue through the API, with scope.
@Suite struct RecordsAPITests {
    static func firstPerson(_ client: any TestClientProtocol, unit: String, token: String) async throws -> (id: Int, name: String) {
        let unitId = try await client.unitId(code: unit, token: token)
        let (_, list) = try await client.json(.get, "/api/v1/people?unitId=\(unitId)&per=1", token: token)
        let item = try #require((list["items"] as? [[String: Any]])?.first)
        return (try #require(item["id"] as? Int), try #require(item["fullName"] as? String))
    }

    @Test(arguments: TestDatabases.kinds)
    func recordsThroughTheAPIStayInsideTheOfficersProvince(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let person = try await Self.firstPerson(client, unit: "HN-S1", token: hanoi).id
            // setup done: write an assessment, then correct it
            let (created, a) = try await client.json(
                .put, "/api/v1/people/\(person)/assessments/2020", token: hanoi,
                body: ["rating": "good", "discipline": nil, "notes": "đầu năm"])
            #expect(created == .created && a["rating"] as? String == "good")
            let (corrected, _) = try await client.json(
                .put, "/api/v1/people/\(person)/assessments/2020", token: hanoi,
                body: ["rating": "excellent", "discipline": "reprimand", "notes": nil])
            #expect(corrected == .ok)
            let (badRating, br) = try await client.json(
                .put, "/api/v1/people/\(person)/assessments/2020", token: hanoi, body: ["rating": "great"])
            #expect(badRating == .unprocessableContent && br.error["field"] as? String == "rating")
            let (future, _) = try await client.json(
                .put, "/api/v1/people/\(person)/assessments/2999", token: hanoi, body: ["rating": "good"])
            #expect(future == .unprocessableContent)
            // the register
            let award: [String: Any?] = [
                "code": "LDTT", "year": 2020, "kind": "merit", "decisionNumber": "15/QĐ-UBND", "decisionDate": "2020-12-20",
                "authority": "Chủ tịch UBND thành phố", "status": "valid",
            ]
            let (made, w) = try await client.json(.post, "/api/v1/people/\(person)/awards", token: hanoi, body: award)
            #expect(made == .created)
            let awardId = try #require(w["id"] as? Int)
            let (again, _) = try await client.json(.post, "/api/v1/people/\(person)/awards", token: hanoi, body: award)
            #expect(again == .conflict)
            let (unknownCode, _) = try await client.json(
                .post, "/api/v1/people/\(person)/awards", token: hanoi, body: ["code": "XYZ", "year": 2020])
            #expect(unknownCode == .unprocessableContent)
            // an initiative
            let (ini, i) = try await client.json(
                .post, "/api/v1/initiatives", token: hanoi,
                body: [
                    "title": "Phần mềm chấm điểm thi đua", "year": 2020, "level": "ministerial_provincial",
                    "authors": [["personId": person, "share": 100]], "decisionNumber": "3/QĐ-SKHCN",
                ])
            #expect(ini == .created)
            let initiativeId = try #require(i["id"] as? Int)
            let (gotIni, _) = try await client.json(.get, "/api/v1/initiatives/\(initiativeId)", token: hanoi)
            #expect(gotIni == .ok)
            // the record
            let (ok, record) = try await client.json(.get, "/api/v1/people/\(person)/record", token: hanoi)
            #expect(ok == .ok)
            let years = try #require(record["years"] as? [[String: Any]])
            let y2020 = try #require(years.first { $0["year"] as? Int == 2020 })
            #expect(y2020["rating"] as? String == "excellent" && y2020["discipline"] as? String == "reprimand")
            #expect((y2020["awards"] as? [[String: Any]])?.first?["decisionNumber"] as? String == "15/QĐ-UBND")
            #expect((y2020["initiatives"] as? [[String: Any]])?.count == 1)
            #expect(years.contains { $0["year"] as? Int == 2025 })  // the demo history
            // the people list filter
            let (_, has) = try await client.json(.get, "/api/v1/people?awardCode=LDTT&awardYear=2020", token: hanoi)
            #expect(has["total"] as? Int == 1)
            let (_, all) = try await client.json(.get, "/api/v1/people?per=1", token: hanoi)
            let (_, hasNot) = try await client.json(.get, "/api/v1/people?awardCode=LDTT&awardYear=2020&hasAward=false", token: hanoi)
            #expect(hasNot["total"] as? Int == (all["total"] as? Int ?? 0) - 1)
            // another province's officer sees and changes nothing; the auditor reads only
            let danang = try await client.token("canbo.danang", "laurel-demo")
            for (method, uri, body) in [
                (HTTPRequest.Method.get, "/api/v1/people/\(person)/record", nil), (.get, "/api/v1/awards/\(awardId)", nil),
                (.get, "/api/v1/initiatives/\(initiativeId)", nil),
                (.put, "/api/v1/people/\(person)/assessments/2021", ["rating": "incomplete"]),
                (.post, "/api/v1/people/\(person)/awards", ["code": "CSTDCS", "year": 2021]),
                (.post, "/api/v1/awards/\(awardId)/revoke", ["reason": "x"]) as (HTTPRequest.Method, String, [String: Any?]?),
            ] {
                let (status, _) = try await client.json(method, uri, token: danang, body: body)
                #expect(status == .notFound, "\(method) \(uri)")
            }
            let (_, dnAwards) = try await client.json(.get, "/api/v1/awards?year=2020", token: danang)
            #expect(dnAwards["total"] as? Int == 0)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            #expect(try await client.json(.get, "/api/v1/people/\(person)/record", token: auditor).0 == .ok)
            #expect(
                try await client.json(.put, "/api/v1/people/\(person)/assessments/2021", token: auditor, body: ["rating": "good"]).0
                    == .forbidden)
            #expect(try await client.json(.post, "/api/v1/awards/\(awardId)/revoke", token: auditor, body: ["reason": "x"]).0 == .forbidden)
            // revoking keeps the row and says why
            let (revoked, r) = try await client.json(
                .post, "/api/v1/awards/\(awardId)/revoke", token: hanoi, body: ["reason": "Kê khai không đúng"])
            #expect(revoked == .ok && r["status"] as? String == "revoked" && r["statusReason"] as? String == "Kê khai không đúng")
            let (_, after) = try await client.json(.get, "/api/v1/awards/\(awardId)", token: hanoi)
            #expect(after["status"] as? String == "revoked")
        }
    }

    @Test func theCatalogueIsReadByAllAndExtendedByAdmins() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let (ok, list) = try await client.json(.get, "/api/v1/catalogue", token: officer)
            #expect(ok == .ok && (list["items"] as? [[String: Any]])?.contains { $0["code"] as? String == "HCLD3" } == true)
            let medal: [String: Any?] = [
                "code": "KNC_NV", "nameVi": "Kỷ niệm chương Vì sự nghiệp Nội vụ", "nameEn": "Home Affairs medal",
                "subjectKinds": ["individual"], "awardingLevel": "ministry_province", "coefficientIndividual": 0.4,
                "legalBasis": "Thông tư 5/2024/TT-BNV",
            ]
            #expect(try await client.json(.post, "/api/v1/catalogue", token: officer, body: medal).0 == .forbidden)
            let admin = try await client.token("admin", "laurel-admin")
            #expect(try await client.json(.post, "/api/v1/catalogue", token: admin, body: medal).0 == .created)
            #expect(try await client.json(.post, "/api/v1/catalogue", token: admin, body: medal).0 == .conflict)
            let person = try await Self.firstPerson(client, unit: "HN-S2", token: officer).id
            let (made, _) = try await client.json(
                .post, "/api/v1/people/\(person)/awards", token: officer, body: ["code": "KNC_NV", "year": 2024, "kind": "seniority"])
            #expect(made == .created)
        }
    }
}
