import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// The dashboard lists what the officer's own unit has to do, and each item goes away once done.
@Suite struct WorkListTests {
    typealias P = PageTests

    static func dashboard(_ client: any TestClientProtocol, _ user: String) async throws -> String {
        let cookie = try await P.signIn(client, user, "laurel-demo")
        return try await P.request(client, .get, "/", cookie: cookie).html
    }

    static func today() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    static func day(_ offset: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }

    @Test(arguments: TestDatabases.kinds)
    func aReportDueSoonIsListedUntilItIsSubmittedAndALaterOneIsNot(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let province = try await client.unitId(code: "HN", token: hanoi)
            let (created, movement) = try await client.json(
                .post, "/api/v1/movements", token: hanoi,
                body: [
                    "name": "Thi đua cải cách hành chính", "launcherUnitId": province, "kind": "thematic",
                    "startDate": Self.day(-30), "endDate": Self.day(300), "contents": [["title": "Một cửa liên thông"]],
                    "reportDeadlines": [
                        ["title": "Báo cáo quý", "dueDate": Self.day(10)], ["title": "Báo cáo năm", "dueDate": Self.day(120)],
                    ],
                ])
            #expect(created == .created)
            let id = try #require(movement["id"] as? Int)
            let (launched, _) = try await client.json(.post, "/api/v1/movements/\(id)/launch", token: hanoi, body: [:])
            #expect(launched == .ok)

            let before = try await Self.dashboard(client, "canbo.sonoivu.hanoi")
            #expect(before.contains("Nộp báo cáo: Thi đua cải cách hành chính — Báo cáo quý") && before.contains(Self.day(10)))
            #expect(!before.contains("Báo cáo năm"))  // 120 days ahead: not work yet

            let home = try await client.unitId(code: "HN-S1", token: hanoi)
            let deadline = try #require((movement["reportDeadlines"] as? [[String: Any]])?.first?["id"] as? Int)
            let leader = try await client.token("canbo.sonoivu.hanoi", "laurel-demo")
            let (submitted, _) = try await client.json(
                .post, "/api/v1/movements/\(id)/reports", token: leader,
                body: [
                    "unitId": home, "deadlineId": deadline, "text": "Đã triển khai", "figures": ["Tập thể được khen thưởng": 2],
                ])
            #expect(submitted == .created)
            let after = try await Self.dashboard(client, "canbo.sonoivu.hanoi")
            #expect(!after.contains("Báo cáo quý"))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func scoringVotingAndRegisteringAreListedForTheUnitThatOwesThem(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let (_, clusters) = try await client.json(.get, "/api/v1/clusters", token: hanoi)
            let season = try #require(
                ((clusters["items"] as? [[String: Any]])?.first?["seasons"] as? [[String: Any]])?.first?["id"] as? Int)
            let (_, seasonJSON) = try await client.json(.get, "/api/v1/seasons/\(season)", token: hanoi)
            let members = try #require(seasonJSON["members"] as? [[String: Any]])
            let health = try #require(members.first { ($0["unitName"] as? String ?? "").contains("Y tế") })
            let healthId = try #require(health["unitId"] as? Int)

            // Scoring: in the demo, Education and Health have self-scored, Finance (the deputy) has not.
            let finance = try #require(members.first { ($0["unitName"] as? String ?? "").contains("Tài chính") }?["unitId"] as? Int)
            #expect(try await Self.dashboard(client, "canbo.sotaichinh.hanoi").contains("Tự chấm điểm thi đua"))
            #expect(try await !Self.dashboard(client, "canbo.soyte.hanoi").contains("Tự chấm điểm thi đua"))
            let deputy = try await client.token("canbo.sotaichinh.hanoi", "laurel-demo")
            let (scored, _) = try await client.json(
                .put, "/api/v1/seasons/\(season)/self-scores/\(finance)", token: deputy,
                body: ["scores": ["1.1": 20, "1.2": 15, "2.1": 10]])
            #expect(scored == .ok)
            #expect(try await !Self.dashboard(client, "canbo.sotaichinh.hanoi").contains("Tự chấm điểm thi đua"))
            // The leader verifies the three members' sheets (never its own); none is verified yet.
            #expect(try await Self.dashboard(client, "canbo.sonoivu.hanoi").contains("Thẩm định điểm của 3 đơn vị"))
            // The deputy may verify every member but itself too (Season.verifiers): Education and Health.
            #expect(try await Self.dashboard(client, "canbo.sotaichinh.hanoi").contains("Thẩm định điểm của 2 đơn vị"))
            let nurse = try await client.token("canbo.soyte.hanoi", "laurel-demo")

            // Voting: listed for an elector until it votes.
            let (_, ballot) = try await client.json(
                .post, "/api/v1/ballots", token: hanoi,
                body: [
                    "purpose": "Bầu Khối trưởng năm sau", "subject": ["kind": "season", "id": season],
                    "candidates": [healthId], "voters": members.compactMap { $0["unitId"] as? Int }, "seats": 1, "threshold": "1/2",
                ])
            let ballotId = try #require(ballot["id"] as? Int)
            #expect(try await Self.dashboard(client, "canbo.soyte.hanoi").contains("Bỏ phiếu: Bầu Khối trưởng năm sau"))
            let (voted, _) = try await client.json(
                .post, "/api/v1/ballots/\(ballotId)/votes", token: nurse, body: ["voter": healthId, "choices": [healthId]])
            #expect(voted == .ok || voted == .created)
            #expect(try await !Self.dashboard(client, "canbo.soyte.hanoi").contains("Bầu Khối trưởng năm sau"))

            // Registering: listed while the year's deadline is ahead and nothing is registered.
            let (set, _) = try await client.json(
                .put, "/api/v1/registration-settings/\(healthId)", token: hanoi, body: ["registrationDeadline": "12-31"])
            #expect(set == .ok)
            let year = String(Self.today().prefix(4))
            #expect(try await Self.dashboard(client, "canbo.soyte.hanoi").contains("Đăng ký thi đua năm nay"))
            let (registered, _) = try await client.json(
                .put, "/api/v1/registrations/\(healthId)/\(year)", token: hanoi, body: ["collective": ["TTLDTT"]])
            #expect(registered == .ok)
            #expect(try await !Self.dashboard(client, "canbo.soyte.hanoi").contains("Đăng ký thi đua năm nay"))

            // Readers without a unit's daily work see no list.
            #expect(try await !Self.dashboard(client, "kiemtra.hanoi").contains("Việc cần làm"))
        }
    }
}
