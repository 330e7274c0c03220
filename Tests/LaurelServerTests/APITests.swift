import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

@Suite struct APITests {
    @Test(arguments: TestDatabases.kinds)
    func tokensAndTheErrorShape(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let (noToken, body) = try await client.json(.get, "/api/v1/units")
            #expect(noToken == .unauthorized)
            #expect(body.error["code"] as? String == "unauthorized")
            #expect(body.error.keys.sorted() == ["code", "field", "message"])
            let (wrong, _) = try await client.json(
                .post, "/api/v1/auth/token", body: ["username": "admin", "password": "not-the-password"])
            #expect(wrong == .unauthorized)
            let (forged, _) = try await client.json(.get, "/api/v1/units", token: "forged-token")
            #expect(forged == .unauthorized)
            let token = try await client.token("admin", "laurel-admin")
            let (ok, list) = try await client.json(.get, "/api/v1/units?per=5", token: token)
            #expect(ok == .ok)
            #expect((list["items"] as? [Any])?.count == 5)
            #expect(list["total"] as? Int == 45)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func badInputGetsAFieldLevelLocalisedErrorAndChangesNothing(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("admin", "laurel-admin")
            let (malformed, m) = try await client.json(.post, "/api/v1/units", token: token, raw: "{\"code\": ")
            #expect(malformed == .badRequest && m.error["code"] as? String == "malformed_json")
            let (unknown, u) = try await client.json(
                .post, "/api/v1/units", token: token,
                body: ["code": "X", "name": "X", "kind": "province", "level": "provincial", "colour": "red"])
            #expect(unknown == .unprocessableContent && u.error["field"] as? String == "colour")
            let (wrongType, w) = try await client.json(
                .post, "/api/v1/units", token: token, body: ["code": "X", "name": 5, "kind": "province", "level": "provincial"])
            #expect(wrongType == .unprocessableContent && w.error["field"] as? String == "name")
            let (empty, e) = try await client.json(
                .post, "/api/v1/units", token: token, body: ["code": "X", "name": "  ", "kind": "province", "level": "provincial"])
            #expect(empty == .unprocessableContent && e.error["field"] as? String == "name")
            #expect(e.error["message"] as? String == "Trường này là bắt buộc.")
            let (_, english) = try await client.json(
                .post, "/api/v1/units", token: token, body: ["code": "X", "name": "", "kind": "province", "level": "provincial"],
                language: "en")
            #expect(english.error["message"] as? String == "This field is required.")
            let hn = try await client.unitId(code: "HN", token: token)
            let (ancestor, a) = try await client.json(
                .patch, "/api/v1/units/\(hn)", token: token, body: ["parentId": try await client.unitId(code: "HN-X1", token: token)])
            #expect(ancestor == .unprocessableContent && a.error["code"] as? String == "invalid")
            let (_, after) = try await client.json(.get, "/api/v1/units?per=1", token: token)
            #expect(after["total"] as? Int == 45)
            let (_, audit) = try await client.json(.get, "/api/v1/audit", token: token)
            // The demo seed and the sign-in above (sign-ins are audited); nothing of the bad input.
            #expect(audit["total"] as? Int == 2)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func createFindAndAuditAPerson(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let (created, person) = try await client.json(
                .post, "/api/v1/people", token: token,
                body: [
                    "fullName": "Quách Thị Ngọc Ánh", "gender": "female", "birthDate": "1990-05-06", "unitId": unit,
                    "position": "Chuyên viên",
                    "staffCategory": "civil_servant", "holdsManagementPost": false, "ethnicity": "Kinh",
                ])
            #expect(created == .created)
            let id = try #require(person["id"] as? Int)
            let (_, found) = try await client.json(.get, "/api/v1/people?q=quach%20thi%20ngoc%20anh", token: token)
            #expect((found["items"] as? [[String: Any]])?.first?["id"] as? Int == id)
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=person&entityId=\(id)", token: token)
            let entry = try #require((audit["items"] as? [[String: Any]])?.first)
            #expect(entry["action"] as? String == "create" && entry["actor"] as? String == "canbo.hanoi")
            #expect((entry["after"] as? [String: Any])?["fullName"] as? String == "Quách Thị Ngọc Ánh")
            let (patched, p) = try await client.json(
                .patch, "/api/v1/people/\(id)", token: token, body: ["position": "Phó Trưởng phòng", "holdsManagementPost": true])
            #expect(patched == .ok && p["position"] as? String == "Phó Trưởng phòng" && p["fullName"] as? String == "Quách Thị Ngọc Ánh")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func anOfficerCannotReadOrChangeAnotherProvince(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let danang = try await client.unitId(code: "DN", token: admin)
            let danangDept = try await client.unitId(code: "DN-S1", token: admin)
            let hanoiDept = try await client.unitId(code: "HN-S1", token: admin)
            #expect(try await client.json(.get, "/api/v1/units/\(danang)", token: hanoi).0 == .notFound)
            let (_, list) = try await client.json(.get, "/api/v1/units?per=500", token: hanoi)
            #expect((list["items"] as? [[String: Any]] ?? []).allSatisfy { ($0["code"] as? String ?? "").hasPrefix("HN") })
            let (_, people) = try await client.json(.get, "/api/v1/people?unitId=\(hanoiDept)&per=1", token: hanoi)
            let personId = try #require((people["items"] as? [[String: Any]])?.first?["id"] as? Int)
            // Moving one of Hanoi's people into Da Nang: refused, nothing changed.
            #expect(try await client.json(.patch, "/api/v1/people/\(personId)", token: hanoi, body: ["unitId": danangDept]).0 == .notFound)
            let (_, unchanged) = try await client.json(.get, "/api/v1/people/\(personId)", token: admin)
            #expect(unchanged["unitId"] as? Int == Int(hanoiDept))
            #expect(
                try await client.json(
                    .post, "/api/v1/units", token: hanoi,
                    body: ["code": "Z", "name": "Z", "kind": "department", "level": "provincial", "parentId": danang]
                ).0 == .notFound)
            #expect(
                try await client.json(
                    .post, "/api/v1/accounts", token: hanoi,
                    body: ["username": "evil.admin", "password": "long-enough-pass", "role": "admin", "unitId": hanoiDept]
                ).0 == .forbidden)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            #expect(try await client.json(.patch, "/api/v1/units/\(hanoiDept)", token: auditor, body: ["name": "Đổi"]).0 == .forbidden)
            #expect(try await client.json(.get, "/api/v1/units/\(hanoiDept)", token: auditor).0 == .ok)
        }
    }

    @Test func everyDocumentedRouteAnswers() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("admin", "laurel-admin")
            let (status, spec) = try await client.json(.get, "/api/v1/openapi.json")
            #expect(status == .ok && spec["openapi"] as? String == "3.1.0")
            let unit = try await client.unitId(code: "LC-X1-TH", token: token)
            let target = try await client.unitId(code: "LC-X2", token: token)
            let (_, people) = try await client.json(.get, "/api/v1/people?per=1", token: token)
            let person = try #require((people["items"] as? [[String: Any]])?.first?["id"] as? Int)
            let paths = try #require(spec["paths"] as? [String: [String: Any]])
            #expect(paths.count >= 12)
            for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                for method in operations.keys.sorted() {
                    var uri = "/api/v1" + path
                    uri = uri.replacingOccurrences(
                        of: "{id}", with: String(path.hasPrefix("/people") ? person : path.hasPrefix("/accounts") ? 1 : Int(unit)))
                    let body: [String: Any?]? =
                        switch (method, path) {
                        case ("post", "/auth/token"): ["username": "admin", "password": "laurel-admin"]
                        case ("post", "/units/{id}/merge"): ["targetId": target]
                        case ("get", _): nil
                        default: [:]
                        }
                    // Revoking the calling token is tried with a token of its own, so the others keep theirs.
                    let caller = (method, path) == ("delete", "/auth/token") ? try await client.token("admin", "laurel-admin") : token
                    let (answer, json) = try await client.json(
                        HTTPRequest.Method(rawValue: method.uppercased())!, uri, token: caller, body: body)
                    // A documented route exists: it never falls through to the catch-all 404.
                    #expect(!(answer == .notFound && json.error["message"] as? String == "Không tìm thấy."), "\(method) \(uri)")
                    #expect(answer.code < 500, "\(method) \(uri) gave \(answer)")
                }
            }
        }
    }
}

extension APITests {
    @Test func anOversizedBodyIs413NotA500() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("admin", "laurel-admin")
            let name = String(repeating: "a", count: 2 << 20)
            let (status, body) = try await client.json(
                .post, "/api/v1/units", token: token, body: ["code": "BIG", "name": name, "kind": "province", "level": "provincial"])
            #expect(status == .contentTooLarge)
            #expect(body.error["code"] as? String == "payload_too_large")
        }
    }
}
