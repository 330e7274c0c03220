import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDomain
import LaurelServer
import LaurelStore
import LaurelTestSupport
import NIOCore
import SQLKit
import Testing

/// `/api/v1/nominations` on both databases: a school's dossier climbs to its commune, is returned,
/// corrected and approved for decision; each refusal of the issue is named and writes nothing.
@Suite struct NominationAPITests {
    static func upload(
        _ client: any TestClientProtocol, _ id: Int, token: String, kind: String, candidateId: Int? = nil,
        file: Data = Data("%PDF-1.4\nTờ trình\n%%EOF\n".utf8)
    ) async throws -> (HTTPResponse.Status, JSONBody) {
        let boundary = "laurel-\(UUID().uuidString)"
        var body = Data()
        var fields = [("kind", kind)]
        if let candidateId { fields.append(("candidateId", String(candidateId))) }
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tai-lieu.pdf\"\r\n\r\n".utf8) + file
                + Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let (status, data) = try await client.execute(
            uri: "/api/v1/nominations/\(id)/documents", method: .post, headers: headers, body: ByteBuffer(data: body)
        ) { ($0.status, Data(buffer: $0.body)) }
        return (status, JSONBody(value: (try? JSONSerialization.jsonObject(with: data)) ?? [:]))
    }

    /// A school (HN-X1-TH) under a commune (HN-X1): two of its teachers, one rated excellent in 2025.
    struct Setup {
        let hanoi: String, commune: String, school: Int64, communeId: Int64, eligible: Int, ineligible: Int
    }

    static func setUp(_ client: any TestClientProtocol) async throws -> Setup {
        let admin = try await client.token("admin", "laurel-admin")
        let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
        let school = try await client.unitId(code: "HN-X1-TH", token: hanoi)
        let communeId = try await client.unitId(code: "HN-X1", token: hanoi)
        let (created, _) = try await client.json(
            .post, "/api/v1/accounts", token: admin,
            body: ["username": "canbo.xa1", "password": "laurel-commune", "role": "officer", "unitId": communeId])
        #expect(created == .created)
        let commune = try await client.token("canbo.xa1", "laurel-commune")
        let (_, people) = try await client.json(.get, "/api/v1/people?unitId=\(school)&per=2", token: hanoi)
        let ids = (people["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        try #require(ids.count == 2)
        for (id, rating) in [(ids[0], "excellent"), (ids[1], "incomplete")] {
            let (status, _) = try await client.json(
                .put, "/api/v1/people/\(id)/assessments/2025", token: hanoi, body: ["rating": rating, "discipline": nil, "notes": nil])
            #expect(status.code < 300)
        }
        return Setup(hanoi: hanoi, commune: commune, school: school, communeId: communeId, eligible: ids[0], ineligible: ids[1])
    }

    @Test(arguments: TestDatabases.kinds)
    func aSchoolsDossierClimbsToItsCommuneIsReturnedCorrectedAndApproved(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind, configuration: .init(bcryptCost: 4, signInFirstDelay: 60, clock: .fixed(CalendarDate("2026-03-10")!))) {
            client, database in
            let s = try await Self.setUp(client)
            let (status, dossier) = try await client.json(
                .post, "/api/v1/nominations", token: s.hanoi,
                body: [
                    "proposerUnitId": s.school, "code": "LDTT", "year": 2025, "kind": "regular",
                    "candidates": [["personId": s.eligible, "achievement": "Dạy giỏi cấp huyện"]],
                ])
            #expect(status == .created)
            let id = try #require(dossier["id"] as? Int)
            #expect(dossier["status"] as? String == "draft")
            #expect(dossier["deciderUnitId"] as? Int == Int(s.communeId))
            let candidates = try #require(dossier["candidates"] as? [[String: Any]])
            #expect(candidates.first?["personId"] as? Int == s.eligible && candidates.first?["eligible"] as? Bool == true)
            let candidateId = try #require(candidates.first?["id"] as? Int)

            // Nothing attached yet: each missing document is named.
            let (missing, refusal) = try await client.json(.post, "/api/v1/nominations/\(id)/submit", token: s.hanoi)
            #expect(missing == .unprocessableContent)
            #expect((refusal.error["errors"] as? [[String: Any]])?.count == 3, "\(refusal.error)")
            // A text file posing as a PDF is refused by its content.
            #expect(
                try await Self.upload(client, id, token: s.hanoi, kind: "proposal", file: Data("not a pdf".utf8)).0 == .unprocessableContent
            )
            for (kind, candidate) in [("proposal", nil), ("achievement_report", candidateId), ("council_minutes", nil)] {
                let (uploaded, _) = try await Self.upload(client, id, token: s.hanoi, kind: kind, candidateId: candidate)
                #expect(uploaded == .created)
            }
            let (submitted, sent) = try await client.json(.post, "/api/v1/nominations/\(id)/submit", token: s.hanoi)
            #expect(submitted == .ok)
            #expect(sent["status"] as? String == "submitted" && sent["stageUnitId"] as? Int == Int(s.communeId))

            // It waits on the commune's dashboard, due 20 working days after it arrived.
            let communeCookie = try await PageTests.signIn(client, "canbo.xa1", "laurel-commune")
            let dashboard = try await PageTests.request(client, .get, "/", cookie: communeCookie).html
            #expect(dashboard.contains("Xử lý hồ sơ đề nghị khen thưởng: LDTT 2025 — #\(id)") && dashboard.contains("/nominations/\(id)"))
            #expect(dashboard.contains("2026-04-07"), "10 March 2026 + 20 working days")

            // The province's officer does not act in the commune's place; another province sees nothing.
            #expect(try await client.json(.post, "/api/v1/nominations/\(id)/approve", token: s.hanoi).0 == .forbidden)
            let danang = try await client.token("canbo.danang", "laurel-demo")
            #expect(try await client.json(.get, "/api/v1/nominations/\(id)", token: danang).0 == .notFound)
            #expect(try await client.json(.post, "/api/v1/nominations/\(id)/approve", token: danang).0 == .notFound)

            // The commune reviews, returns with a reason, the school resubmits, the commune approves.
            #expect(
                try await client.json(.post, "/api/v1/nominations/\(id)/review", token: s.commune).1["status"] as? String == "in_review")
            #expect(
                try await client.json(.post, "/api/v1/nominations/\(id)/return", token: s.commune, body: ["reason": " "]).0
                    == .unprocessableContent)
            let (returned, back) = try await client.json(
                .post, "/api/v1/nominations/\(id)/return", token: s.commune, body: ["reason": "Bổ sung minh chứng sáng kiến"])
            #expect(returned == .ok && back["status"] as? String == "returned" && back["stageUnitId"] == nil)
            let again = try await client.json(.post, "/api/v1/nominations/\(id)/submit", token: s.hanoi).1
            #expect(again["status"] as? String == "submitted" && again["round"] as? Int == 2)
            let (approved, done) = try await client.json(.post, "/api/v1/nominations/\(id)/approve", token: s.commune)
            #expect(approved == .ok && done["status"] as? String == "approved_for_decision")
            let timeline = (done["timeline"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? "")/\($0["round"] ?? "")" }
            #expect(timeline == ["submitted/1", "review_started/1", "returned/1", "submitted/2", "approved_for_decision/2"])
            #expect(try await client.json(.post, "/api/v1/nominations/\(id)/approve", token: s.commune).0 == .conflict)

            let (listed, list) = try await client.json(.get, "/api/v1/nominations?status=approved_for_decision&year=2025", token: s.hanoi)
            #expect(listed == .ok && (list["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(s.hanoi)"
            headers[.acceptLanguage] = "vi"
            let (exported, type, csv) = try await client.execute(
                uri: "/api/v1/nominations/export?format=csv&year=2025", method: .get, headers: headers, body: nil
            ) { ($0.status, $0.headers[.contentType] ?? "", String(buffer: $0.body)) }
            #expect(exported == .ok && type.hasPrefix("text/csv"))
            #expect(csv.contains("Năm") && csv.contains("LDTT") && csv.contains("Chờ quyết định"), "\(csv)")
            let audited = try await database.read { db in
                try await db.select().column("id").from("audit_events").where("entity", .equal, "nomination").all().count
            }
            #expect(audited == 9)  // created, 3 documents, submitted, review, returned, resubmitted, approved
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func anIneligibleCandidateOrOneProposedElsewhereIsRefused(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind, configuration: .init(bcryptCost: 4, signInFirstDelay: 60, clock: .fixed(CalendarDate("2026-03-10")!))) {
            client, database in
            let s = try await Self.setUp(client)
            func propose(
                _ person: Int, kind: String = "regular", code: String = "LDTT", achievement: String? = nil
            ) async throws -> (
                HTTPResponse.Status, JSONBody
            ) {
                var candidate: [String: Any] = ["personId": person]
                if let achievement { candidate["achievement"] = achievement }
                return try await client.json(
                    .post, "/api/v1/nominations", token: s.hanoi,
                    body: ["proposerUnitId": s.school, "code": code, "year": 2025, "kind": kind, "candidates": [candidate]])
            }
            let (_, ineligible) = try await propose(s.ineligible)
            let id = try #require(ineligible["id"] as? Int)
            #expect((ineligible["candidates"] as? [[String: Any]])?.first?["eligible"] as? Bool == false)
            let (refused, why) = try await client.json(.post, "/api/v1/nominations/\(id)/submit", token: s.hanoi)
            #expect(refused == .unprocessableContent)
            let fields = (why.error["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains("candidates[0]"), "\(why.error)")

            // The same person for the same award and year in a second open dossier: 409, nothing written.
            let before = try await database.read { db in try await db.select().column("id").from("nominations").all().count }
            let (taken, error) = try await propose(s.ineligible)
            #expect(taken == .conflict && error.error["field"] as? String == "candidates[0]")
            // A collective award for a person, an unknown code, a person of another province.
            #expect(try await propose(s.eligible, code: "TTLDTT").0 == .unprocessableContent)
            #expect(try await propose(s.eligible, code: "NO_SUCH").0 == .unprocessableContent)
            let after = try await database.read { db in try await db.select().column("id").from("nominations").all().count }
            #expect(after == before)

            // An ad hoc award does not chain: the officer states the achievement instead.
            let (_, adHoc) = try await propose(s.eligible, kind: "ad_hoc", code: "GK", achievement: "Cứu hai học sinh trong lũ")
            let adHocId = try #require(adHoc["id"] as? Int)
            let adHocCandidate = try #require((adHoc["candidates"] as? [[String: Any]])?.first?["id"] as? Int)
            for (kind, candidate) in [("proposal", nil), ("achievement_report", adHocCandidate)] {
                #expect(try await Self.upload(client, adHocId, token: s.hanoi, kind: kind, candidateId: candidate).0 == .created)
            }
            #expect(try await client.json(.post, "/api/v1/nominations/\(adHocId)/submit", token: s.hanoi).0 == .ok)
            // An auditor writes nothing.
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            #expect(try await client.json(.post, "/api/v1/nominations/\(adHocId)/approve", token: auditor).0 == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aCommuneSendsTheDossiersItApprovedUpInOneSubmission(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind, configuration: .init(bcryptCost: 4, signInFirstDelay: 60, clock: .fixed(CalendarDate("2026-03-10")!))) {
            client, database in
            let s = try await Self.setUp(client)
            let province = try await client.unitId(code: "HN", token: s.hanoi)
            var ids: [Int] = []
            for person in [s.eligible, s.ineligible] {
                let (created, dossier) = try await client.json(
                    .post, "/api/v1/nominations", token: s.hanoi,
                    body: [
                        "proposerUnitId": s.school, "code": "BK_BO", "year": 2025, "kind": "ad_hoc",
                        "candidates": [["personId": person, "achievement": "Cứu người trong lũ"]],
                    ])
                #expect(created == .created)
                #expect(dossier["route"] as? [Int] == [Int(s.communeId), Int(province)])
                let id = try #require(dossier["id"] as? Int)
                let candidate = try #require((dossier["candidates"] as? [[String: Any]])?.first?["id"] as? Int)
                _ = try await Self.upload(client, id, token: s.hanoi, kind: "proposal")
                _ = try await Self.upload(client, id, token: s.hanoi, kind: "achievement_report", candidateId: candidate)
                #expect(try await client.json(.post, "/api/v1/nominations/\(id)/submit", token: s.hanoi).0 == .ok)
                ids.append(id)
            }
            let send: [String: Any?] = [
                "fromUnitId": s.communeId, "toUnitId": province, "number": "12/TTr-UBND", "date": "2026-03-10", "nominationIds": ids,
            ]
            // Not approved yet: the whole submission is refused and nothing moves.
            #expect(try await client.json(.post, "/api/v1/submissions", token: s.commune, body: send).0 == .conflict)
            for id in ids {
                let (approved, body) = try await client.json(.post, "/api/v1/nominations/\(id)/approve", token: s.commune)
                #expect(approved == .ok && body["status"] as? String == "approved" && body["stageUnitId"] as? Int == Int(s.communeId))
            }
            // Only the commune sends what it holds, to the level the route names next.
            #expect(try await client.json(.post, "/api/v1/submissions", token: s.hanoi, body: send).0 == .forbidden)
            var wrong = send
            wrong["toUnitId"] = s.school
            #expect(try await client.json(.post, "/api/v1/submissions", token: s.commune, body: wrong).0 == .unprocessableContent)
            let (sent, submission) = try await client.json(.post, "/api/v1/submissions", token: s.commune, body: send)
            #expect(sent == .created && submission["nominationIds"] as? [Int] == ids)
            for id in ids {
                let (_, dossier) = try await client.json(.get, "/api/v1/nominations/\(id)", token: s.hanoi)
                #expect(dossier["status"] as? String == "submitted" && dossier["stageUnitId"] as? Int == Int(province))
            }
            // The province returns one dossier of the bundle without the other.
            let (returned, back) = try await client.json(
                .post, "/api/v1/nominations/\(ids[1])/return", token: s.hanoi, body: ["reason": "Thiếu xác nhận của xã"])
            #expect(returned == .ok && back["status"] as? String == "returned")
            #expect(try await client.json(.get, "/api/v1/nominations/\(ids[0])", token: s.hanoi).1["status"] as? String == "submitted")
            let items = try await database.read { db in try await db.select().column("nomination_id").from("submission_items").all().count }
            #expect(items == 2)
        }
    }
}
