import Foundation
import HummingbirdTesting
import LaurelStore
import LaurelTestSupport
import SQLKit
import Testing

/// `/api/v1/councils` on both databases: the shape, each problem named, scope kept.
@Suite struct CouncilAPITests {
    static func people(_ client: any TestClientProtocol, unit: Int64, token: String) async throws -> [Int64] {
        let (_, body) = try await client.json(.get, "/api/v1/people?unitId=\(unit)&per=3", token: token)
        return (body["items"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? Int).map(Int64.init) }
    }

    @Test(arguments: TestDatabases.kinds)
    func aUnitsCouncilIsSetUpWithPeopleAndAnOutsider(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, database in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: hanoi)
            let people = try await Self.people(client, unit: unit, token: hanoi)
            try #require(people.count >= 2)
            let (status, council) = try await client.json(
                .post, "/api/v1/councils", token: hanoi,
                body: [
                    "unitId": unit, "name": "Hội đồng Thi đua – Khen thưởng Sở Nội vụ", "sitsFrom": "2026-01-01",
                    "members": [
                        ["personId": people[0], "role": "chair"], ["personId": people[1], "role": "secretary"],
                        ["name": "Trần Văn Bình", "title": "Chủ tịch Công đoàn", "role": "member"],
                    ],
                ])
            #expect(status == .created)
            let id = try #require(council["id"] as? Int)
            let members = council["members"] as? [[String: Any]] ?? []
            #expect(members.count == 3)
            #expect(members.allSatisfy { $0["id"] is Int })
            #expect(members.map { $0["role"] as? String } == ["chair", "secretary", "member"])
            #expect(members[2]["name"] as? String == "Trần Văn Bình")
            #expect((members[0]["name"] as? String)?.isEmpty == false)

            let (got, read) = try await client.json(.get, "/api/v1/councils/\(id)", token: hanoi)
            #expect(got == .ok && read["unitId"] as? Int == Int(unit))
            let (_, listed) = try await client.json(.get, "/api/v1/councils?unitId=\(unit)", token: hanoi)
            #expect((listed["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
            let audited = try await database.read { db in
                try await db.select().column("id").from("audit_events").where("entity", .equal, "council").all().count
            }
            #expect(audited == 1)

            // Another province sees nothing of it; an auditor cannot write.
            let danang = try await client.token("canbo.danang", "laurel-demo")
            #expect(try await client.json(.get, "/api/v1/councils/\(id)", token: danang).0 == .notFound)
            #expect(((try await client.json(.get, "/api/v1/councils", token: danang).1["items"]) as? [Any])?.isEmpty == true)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            let refused = try await client.json(
                .post, "/api/v1/councils", token: auditor,
                body: ["unitId": unit, "name": "X", "members": [["personId": people[0], "role": "chair"]]])
            #expect(refused.0 == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func badCouncilsAreRefusedWithEveryProblemAndNothingWritten(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, database in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: hanoi)
            let people = try await Self.people(client, unit: unit, token: hanoi)
            let (status, body) = try await client.json(
                .post, "/api/v1/councils", token: hanoi,
                body: [
                    "unitId": unit, "name": "", "sitsFrom": "2026-06-01", "sitsUntil": "2026-01-01",
                    "members": [
                        ["personId": people[0], "role": "chair"], ["personId": people[1], "role": "chair"],
                        ["personId": people[0], "role": "member"], ["role": "member"], ["personId": people[1], "role": "tea_lady"],
                    ],
                ])
            #expect(status == .unprocessableContent)
            let fields = (body.error["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(
                Set(fields).isSuperset(of: ["name", "members[4].role", "members", "members[2]", "members[3]", "sitsUntil"]), "\(fields)")

            // A person of another province cannot sit on a Hà Nội council.
            let danang = try await client.token("canbo.danang", "laurel-demo")
            let dnUnit = try await client.unitId(code: "DN-S1", token: danang)
            let outsider = try await Self.people(client, unit: dnUnit, token: danang)[0]
            let (foreign, error) = try await client.json(
                .post, "/api/v1/councils", token: hanoi,
                body: ["unitId": unit, "name": "Hội đồng", "members": [["personId": outsider, "role": "chair"]]])
            #expect(foreign == .notFound)
            #expect(error.error["field"] as? String == "members[0].personId")
            let councils = try await database.read { db in try await db.select().column("id").from("councils").all().count }
            #expect(councils == 0)
        }
    }
}
