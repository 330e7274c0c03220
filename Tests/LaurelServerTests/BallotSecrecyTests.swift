import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// Issue 14 point 5: while a round takes papers, no reader (auditor, organiser, voter) reads its
/// count or who voted through the API; once the ballot closes, everything as before.
@Suite struct BallotSecrecyTests {
    static let secretKeys: Set<String> = ["blank", "voters", "results", "tie", "quorumMet"]

    @Test(arguments: TestDatabases.kinds)
    func noCountsOrVotersWhileOpenEverythingAfterClose(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            // setup
            let admin = try await client.token("admin", "laurel-admin")
            let hn = try await client.unitId(code: "HN", token: admin)
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let members = try await ["HN-S1", "HN-S2", "HN-S3", "HN-S4"].asyncMap { try await client.unitId(code: $0, token: admin) }
            let (_, cluster) = try await client.json(
                .post, "/api/v1/clusters", token: hanoi,
                body: [
                    "code": "CUM-KIN-HN", "name": "Cụm bỏ phiếu kín", "kind": "cluster", "organiserUnitId": hn, "decisionNumber": "7/QĐ",
                    "decisionDate": "2024-02-01", "memberUnitIds": members,
                ])
            let clusterId = try #require(cluster["id"] as? Int)
            let (_, season) = try await client.json(
                .post, "/api/v1/clusters/\(clusterId)/seasons", token: hanoi,
                body: [
                    "year": 2025, "leaderUnitId": members[0], "deputyUnitId": members[1], "mode": "verification",
                    "criteria": [["code": "K1", "section": "I", "title": "Nhiệm vụ", "maxPoints": 50, "kind": "criterion"]],
                ])
            let seasonId = try #require(season["id"] as? Int)
            let (_, ballot) = try await client.json(
                .post, "/api/v1/ballots", token: hanoi,
                body: [
                    "purpose": "Đề nghị tặng Cờ thi đua", "subject": ["kind": "season", "id": seasonId],
                    "candidates": [members[2], members[3]],
                    "voters": members, "seats": 1, "threshold": "1/2",
                ])
            let ballotId = try #require(ballot["id"] as? Int)
            let noivu = try await client.token("canbo.sonoivu.hanoi", "laurel-demo")
            let taichinh = try await client.token("canbo.sotaichinh.hanoi", "laurel-demo")
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")

            // MUT: one vote, then every reader looks
            let (voted, answer) = try await client.json(
                .post, "/api/v1/ballots/\(ballotId)/votes", token: noivu, body: ["voter": members[0], "choices": [members[2]]])

            // validate: the vote's answer says it counted, nothing of the count
            #expect(voted == .created && Set(answer.object.keys) == ["ballotId", "round", "voter"])
            for (reader, hasVoted) in [(auditor, Bool?.none), (hanoi, nil), (noivu, true), (taichinh, false)] {
                let (status, tally) = try await client.json(.get, "/api/v1/ballots/\(ballotId)/tally", token: reader)
                #expect(status == .ok && tally["open"] as? Bool == true && tally["cast"] as? Int == 1 && tally["eligible"] as? Int == 4)
                #expect(Self.secretKeys.isDisjoint(with: tally.object.keys))
                #expect(tally["youHaveVoted"] as? Bool == hasVoted)
                #expect((tally["votedBy"] as? [Int]) == (hasVoted == true ? [Int(members[0])] : []))
                let (_, record) = try await client.json(.get, "/api/v1/ballots/\(ballotId)", token: reader)
                let embedded = try #require(record["tally"] as? [String: Any])
                #expect(Self.secretKeys.isDisjoint(with: embedded.keys) && record["outcome"] == nil)
            }
            // Opening a round on a count nobody may see is refused, and says so.
            let (early, refusal) = try await client.json(.post, "/api/v1/ballots/\(ballotId)/rounds", token: hanoi, body: [:])
            #expect(early == .conflict && (refusal.error["message"] as? String)?.contains("1/4") == true)

            #expect(
                try await client.json(
                    .post, "/api/v1/ballots/\(ballotId)/votes", token: taichinh, body: ["voter": members[1], "choices": [members[3]]]
                ).0 == .created)
            #expect(try await client.json(.post, "/api/v1/ballots/\(ballotId)/close", token: hanoi, body: [:]).0 == .ok)
            for reader in [auditor, taichinh] {
                let (_, tally) = try await client.json(.get, "/api/v1/ballots/\(ballotId)/tally", token: reader)
                #expect(Set(tally.object.keys) == ["round", "eligible", "cast", "blank", "seats", "quorumMet", "voters", "results", "tie"])
                #expect(
                    tally["voters"] as? [Int] == [members[0], members[1]].sorted().map(Int.init) && (tally["results"] as? [Any])?.count == 2
                )
                let (_, record) = try await client.json(.get, "/api/v1/ballots/\(ballotId)", token: reader)
                #expect((record["outcome"] as? [String: Any])?["isFinal"] as? Bool == true)
            }
        }
    }
}
