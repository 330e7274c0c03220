import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// The API of movements, registrations, clusters, seasons and ballots, with the shapes other
/// tools rely on, on the demo data.
@Suite struct ClusterAPITests {
    typealias Client = any TestClientProtocol

    func items(_ body: JSONBody, _ key: String) -> [[String: Any]] { body[key] as? [[String: Any]] ?? [] }

    @Test(arguments: TestDatabases.kinds)
    func aMovementCascadesAndCoverageShowsReports(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: admin)
            let department = try await client.unitId(code: "HN-S1", token: admin)
            let (created, movement) = try await client.json(
                .post, "/api/v1/movements", token: hanoi,
                body: [
                    "name": "Thi đua chuyển đổi số 2025", "launcherUnitId": hn, "kind": "thematic", "startDate": "2025-01-01",
                    "endDate": "2025-12-31",
                    "parentId": nil, "contents": [["title": "Số hóa hồ sơ"], ["title": "Dịch vụ công trực tuyến"]],
                    "criteria": [
                        ["group": "collectives", "text": "Hoàn thành 100% hồ sơ"],
                        ["group": "Các trường học", "text": "Ứng dụng học bạ số"],
                    ],
                    "plannedForms": ["CSTDCS", "BK_BO"],
                    "reportDeadlines": [["title": "Sơ kết", "dueDate": "2025-06-30"], ["title": "Tổng kết", "dueDate": "2099-11-30"]],
                ])
            #expect(created == .created)
            let id = try #require(movement["id"] as? Int)
            let deadlines = items(movement, "reportDeadlines")
            #expect(deadlines.count == 2 && deadlines.allSatisfy { $0["id"] is Int })
            #expect(items(movement, "criteria").map { $0["group"] as? String } == ["collectives", "Các trường học"])
            let (badForm, bad) = try await client.json(
                .post, "/api/v1/movements", token: hanoi,
                body: [
                    "name": "X", "launcherUnitId": hn, "kind": "thematic", "startDate": "2025-01-01", "endDate": "2024-12-31",
                    "plannedForms": ["NOPE"],
                ])
            #expect(badForm == .unprocessableContent && bad.error["field"] as? String == "plannedForms.0")
            #expect(try await client.json(.post, "/api/v1/movements/\(id)/launch", token: hanoi, body: [:]).0 == .ok)
            let sonoivu = try await client.token("canbo.sonoivu.hanoi", "laurel-demo")
            let (implemented, child) = try await client.json(
                .post, "/api/v1/movements/\(id)/implementations", token: sonoivu, body: ["unitId": department])
            #expect(implemented == .created && child["parentId"] as? Int == id)
            let childId = try #require(child["id"] as? Int)
            // The department adapts what it inherited while its movement is a draft.
            let (adapted, changed) = try await client.json(
                .put, "/api/v1/movements/\(childId)", token: sonoivu,
                body: [
                    "name": "Sở Nội vụ thi đua chuyển đổi số", "kind": "thematic", "startDate": "2025-02-01", "endDate": "2025-12-31",
                    "contents": [["title": "Số hóa hồ sơ công chức"]], "reportDeadlines": [["title": "Sơ kết", "dueDate": "2025-06-15"]],
                ])
            #expect(adapted == .ok && items(changed, "contents").map { $0["title"] as? String } == ["Số hóa hồ sơ công chức"])
            #expect(changed["parentId"] as? Int == id && changed["launcherUnitId"] as? Int == Int(department))
            #expect(
                try await client.json(
                    .put, "/api/v1/movements/\(id)", token: sonoivu,
                    body: [
                        "name": "X", "kind": "thematic",
                        "startDate": "2025-01-01", "endDate": "2025-12-31",
                    ]
                ).0 == .forbidden)
            #expect(try await client.json(.post, "/api/v1/movements/\(childId)/launch", token: sonoivu, body: [:]).0 == .ok)
            let first = try #require(deadlines.first?["id"] as? Int)
            let (reported, report) = try await client.json(
                .post, "/api/v1/movements/\(id)/reports", token: sonoivu,
                body: [
                    "unitId": department, "deadlineId": first, "text": "Đã số hóa 90% hồ sơ",
                    "figures": ["tap_the_BK": 2, "ca_nhan_CSTDCS": 5],
                ])
            #expect(reported == .created && report["late"] as? Bool == true)  // today is after 2025-06-30: marked, not refused
            let (_, coverage) = try await client.json(.get, "/api/v1/movements/\(id)/coverage", token: hanoi)
            #expect(coverage["total"] as? Int == 8 && coverage["launched"] as? Int == 1)
            let row = try #require(items(coverage, "units").first { $0["unitId"] as? Int == Int(department) })
            #expect(row["launched"] as? Bool == true && row["movementId"] as? Int == childId)
            let statuses = (row["reports"] as? [[String: Any]] ?? []).map { $0["status"] as? String }
            #expect(statuses == ["late", "pending"])
            // Another province sees nothing of it.
            let danang = try await client.token("canbo.danang", "laurel-demo")
            #expect(try await client.json(.get, "/api/v1/movements/\(id)", token: danang).0 == .notFound)
            #expect(try await client.json(.get, "/api/v1/movements/\(id)/coverage", token: danang).0 == .notFound)
            #expect(
                try await client.json(.post, "/api/v1/movements/\(id)/implementations", token: danang, body: ["unitId": department]).0
                    == .notFound)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func registrationsAreScopedAndExported(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: admin)
            let (_, people) = try await client.json(.get, "/api/v1/people?unitId=\(unit)&per=2", token: hanoi)
            let person = try #require(items(people, "items").first?["id"] as? Int)
            let year = Calendar.current.component(.year, from: Date()) + 1  // next year: before its deadline
            let (saved, body) = try await client.json(
                .put, "/api/v1/registrations/\(unit)/\(year)", token: hanoi,
                body: [
                    "collective": ["TTLDXS"], "individuals": [["personId": person, "code": "CSTDCS"]],
                ])
            #expect(saved == .ok && (body["collective"] as? [[String: Any]])?.first?["code"] as? String == "TTLDXS")
            let (_, again) = try await client.json(.get, "/api/v1/registrations/\(unit)/\(year)", token: hanoi)
            #expect((again["individuals"] as? [[String: Any]])?.first?["personId"] as? Int == person)
            #expect(
                try await client.json(.put, "/api/v1/registrations/\(unit)/\(year)", token: hanoi, body: ["collective": ["CSTDCS"]]).0
                    == .unprocessableContent)
            let danang = try await client.token("canbo.danang", "laurel-demo")
            #expect(
                try await client.json(.put, "/api/v1/registrations/\(unit)/\(year)", token: danang, body: ["collective": ["TTLDXS"]]).0
                    == .notFound)
            #expect(try await client.json(.get, "/api/v1/registrations/\(unit)/\(year)", token: danang).0 == .notFound)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            #expect(
                try await client.json(.put, "/api/v1/registrations/\(unit)/\(year)", token: auditor, body: ["collective": []]).0
                    == .forbidden)
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(hanoi)"
            let csv = try await client.execute(
                uri: "/api/v1/registrations/\(unit)/\(year)/export?format=csv", method: .get, headers: headers, body: nil
            ) {
                String(buffer: $0.body)
            }
            #expect(csv.contains("TTLDXS") && csv.contains("CSTDCS"))
        }
    }

    /// The demo block: HN-S1 leads, HN-S2 deputises; HN's officers organise.
    @Test(arguments: TestDatabases.kinds)
    func scoringVerifyingRankingAndLocking(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let (_, clusters) = try await client.json(.get, "/api/v1/clusters", token: hanoi)
            let cluster = try #require(items(clusters, "items").first)
            let seasonId = try #require((cluster["seasons"] as? [[String: Any]])?.first?["id"] as? Int)
            let members = try #require(cluster["memberUnitIds"] as? [Int])
            let (s1, s2, s3) = (members[0], members[1], members[2])
            let leader = try await client.token("canbo.sonoivu.hanoi", "laurel-demo")
            let deputy = try await client.token("canbo.sotaichinh.hanoi", "laurel-demo")
            let third = try await client.token("canbo.sogiaoduc.hanoi", "laurel-demo")
            let sheet: [String: Any] = ["1.1": 29, "1.2": 19.5, "2.1": 15, "T1": 5, "D1": -2]
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/self-scores/\(s1)", token: leader, body: ["scores": sheet]).0
                    == .ok)
            // Someone else's sheet, points over the maximum, a positive deduction, a non-member, a verifier's own unit.
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/self-scores/\(s1)", token: third, body: ["scores": sheet]).0
                    == .forbidden)
            let (over, overBody) = try await client.json(
                .put, "/api/v1/seasons/\(seasonId)/self-scores/\(s3)", token: third, body: ["scores": ["1.1": 31]])
            #expect(over == .unprocessableContent && overBody.error["field"] as? String == "scores.1.1")
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/self-scores/\(s3)", token: third, body: ["scores": ["D1": 3]]).0
                    == .unprocessableContent)
            let admin = try await client.token("admin", "laurel-admin")
            let outsider = try await client.unitId(code: "HN-X1", token: admin)
            #expect(
                try await client.json(
                    .put, "/api/v1/seasons/\(seasonId)/self-scores/\(outsider)", token: admin, body: ["scores": ["1.1": 3]]
                ).0 == .unprocessableContent)
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/verified-scores/\(s1)", token: leader, body: ["scores": sheet]).0
                    == .forbidden)
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/verified-scores/\(s3)", token: third, body: ["scores": sheet]).0
                    == .forbidden)
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/cross-scores/\(s3)/\(s1)", token: third, body: ["scores": sheet]).0
                    == .unprocessableContent)
            // Verification: the deputy verifies the leader, the leader the others.
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/verified-scores/\(s1)", token: deputy, body: ["scores": sheet]).0
                    == .ok)
            #expect(
                try await client.json(
                    .put, "/api/v1/seasons/\(seasonId)/verified-scores/\(s3)", token: leader,
                    body: ["scores": ["1.1": 30, "1.2": 20, "T1": 5]]
                ).0 == .ok)
            let (_, ranking) = try await client.json(.get, "/api/v1/seasons/\(seasonId)/ranking", token: third)
            let rows = items(ranking, "rows")
            #expect(rows.map { $0["unitId"] as? Int } == [s1, s3])
            #expect(rows.map { $0["rank"] as? Int } == [1, 2])
            #expect(rows.first?["final"] as? Double == 66.5 && (rows.first?["sections"] as? [String: Any])?["D"] as? Double == -2)
            #expect(Set(ranking["pending"] as? [Int] ?? []) == Set([s2, members[3]]))
            // Only the organiser locks; a locked season refuses writes with 422; reopening needs a reason.
            #expect(try await client.json(.post, "/api/v1/seasons/\(seasonId)/finalise", token: third, body: [:]).0 == .forbidden)
            #expect(try await client.json(.post, "/api/v1/seasons/\(seasonId)/finalise", token: hanoi, body: [:]).0 == .ok)
            let (locked, lockedBody) = try await client.json(
                .put, "/api/v1/seasons/\(seasonId)/self-scores/\(s3)", token: third, body: ["scores": ["1.1": 1]])
            #expect(locked == .unprocessableContent && lockedBody.error["code"] as? String == "invalid")
            #expect(
                try await client.json(.post, "/api/v1/seasons/\(seasonId)/reopen", token: hanoi, body: ["reason": ""]).0
                    == .unprocessableContent)
            #expect(
                try await client.json(.post, "/api/v1/seasons/\(seasonId)/reopen", token: hanoi, body: ["reason": "Sai sót tiêu chí 1.2"]).0
                    == .ok)
            // Another province: 404 on everything.
            let danang = try await client.token("canbo.danang", "laurel-demo")
            #expect(try await client.json(.get, "/api/v1/seasons/\(seasonId)/ranking", token: danang).0 == .notFound)
            #expect(
                try await client.json(.put, "/api/v1/seasons/\(seasonId)/self-scores/\(s3)", token: danang, body: ["scores": ["1.1": 1]]).0
                    == .notFound)
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(hanoi)"
            let (status, type) = try await client.execute(
                uri: "/api/v1/seasons/\(seasonId)/ranking/export", method: .get, headers: headers, body: nil
            ) {
                ($0.status, $0.headers[.contentType] ?? "")
            }
            #expect(status == .ok && type.contains("spreadsheetml"))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aBallotTakesOneVotePerVoterAndRoundAndClosesForGood(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let hn = try await client.unitId(code: "HN", token: admin)
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let members = try await ["HN-S1", "HN-S2", "HN-S3", "HN-S4"].asyncMap { try await client.unitId(code: $0, token: admin) }
            let (created, cluster) = try await client.json(
                .post, "/api/v1/clusters", token: hanoi,
                body: [
                    "code": "CUM-XA-HN", "name": "Cụm các sở Hà Nội 2", "kind": "cluster", "organiserUnitId": hn, "decisionNumber": "9/QĐ",
                    "decisionDate": "2024-02-01", "memberUnitIds": members,
                ])
            #expect(created == .created)
            let clusterId = try #require(cluster["id"] as? Int)
            let (seasonCreated, season) = try await client.json(
                .post, "/api/v1/clusters/\(clusterId)/seasons", token: hanoi,
                body: [
                    "year": 2025, "leaderUnitId": members[0], "deputyUnitId": members[1], "mode": "verification", "bonusCap": 5,
                    "criteria": [
                        ["code": "K1", "section": "I", "title": "Nhiệm vụ", "maxPoints": 50, "kind": "criterion"],
                        ["code": "K2", "section": "T", "title": "Thưởng", "maxPoints": 5, "kind": "bonus"],
                    ],
                ])
            #expect(seasonCreated == .created)
            let seasonId = try #require(season["id"] as? Int)
            let sonoivu = try await client.token("canbo.sonoivu.hanoi", "laurel-demo")
            #expect(
                try await client.json(
                    .post, "/api/v1/clusters/\(clusterId)/seasons", token: sonoivu,
                    body: [
                        "year": 2026, "leaderUnitId": members[0], "deputyUnitId": members[1], "criteria": [],
                    ]
                ).0 == .forbidden)
            let (made, ballot) = try await client.json(
                .post, "/api/v1/ballots", token: hanoi,
                body: [
                    "purpose": "Đề nghị tặng Cờ thi đua", "subject": ["kind": "season", "id": seasonId],
                    "candidates": [members[2], members[3]],
                    "voters": members, "seats": 1, "threshold": "4/5", "quorum": "2/3",
                ])
            #expect(made == .created)
            let ballotId = try #require(ballot["id"] as? Int)
            let voters = ["canbo.sonoivu.hanoi", "canbo.sotaichinh.hanoi", "canbo.sogiaoduc.hanoi", "canbo.soyte.hanoi"]
            for (index, user) in voters.enumerated() {
                let token = try await client.token(user, "laurel-demo")
                let (voted, _) = try await client.json(
                    .post, "/api/v1/ballots/\(ballotId)/votes", token: token, body: ["voter": members[index], "choices": [members[2]]])
                #expect(voted == .created)
            }
            #expect(
                try await client.json(
                    .post, "/api/v1/ballots/\(ballotId)/votes", token: sonoivu, body: ["voter": members[0], "choices": [members[3]]]
                ).0 == .conflict)
            #expect(
                try await client.json(
                    .post, "/api/v1/ballots/\(ballotId)/votes", token: sonoivu, body: ["voter": members[1], "choices": [members[3]]]
                ).0 == .forbidden)
            #expect(
                try await client.json(
                    .post, "/api/v1/ballots/\(ballotId)/votes", token: admin, body: ["voter": hn, "choices": [members[3]]]
                ).0 == .forbidden)
            #expect(try await client.json(.post, "/api/v1/ballots/\(ballotId)/close", token: sonoivu, body: [:]).0 == .forbidden)
            let (_, tally) = try await client.json(.get, "/api/v1/ballots/\(ballotId)/tally", token: sonoivu)
            #expect(
                tally["round"] as? Int == 1 && tally["eligible"] as? Int == 4 && tally["cast"] as? Int == 4
                    && tally["quorumMet"] as? Bool == true)
            let results = items(tally, "results")
            #expect(
                results.first?["candidate"] as? Int == Int(members[2]) && results.first?["share"] as? Double == 1
                    && results.first?["elected"] as? Bool == true)
            #expect((tally["tie"] as? [Any])?.isEmpty == true)
            #expect(try await client.json(.post, "/api/v1/ballots/\(ballotId)/close", token: hanoi, body: [:]).0 == .ok)
            let soyte = try await client.token("canbo.soyte.hanoi", "laurel-demo")
            #expect(
                try await client.json(.post, "/api/v1/ballots/\(ballotId)/votes", token: soyte, body: ["voter": members[3], "choices": []])
                    .0 == .conflict)
            let (proposed, proposals) = try await client.json(
                .post, "/api/v1/seasons/\(seasonId)/proposals", token: hanoi,
                body: [
                    "unitId": members[2], "code": "CTD_BO", "ballotId": ballotId,
                ])
            #expect(proposed == .created && items(proposals, "items").first?["voteShare"] as? Double == 1)
            let danang = try await client.token("canbo.danang", "laurel-demo")
            #expect(try await client.json(.get, "/api/v1/ballots/\(ballotId)/tally", token: danang).0 == .notFound)
        }
    }
}

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
