import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// The pages of movements, registrations, seasons and ballots, as a browser without JavaScript
/// uses them, on the demo block (HN-S1 leads, HN-S2 deputises, HN organises).
@Suite struct ClusterPageTests {
    typealias P = PageTests

    func seasonId(_ client: any TestClientProtocol) async throws -> Int {
        let token = try await client.token("canbo.hanoi", "laurel-demo")
        let (_, clusters) = try await client.json(.get, "/api/v1/clusters", token: token)
        let cluster = try #require((clusters["items"] as? [[String: Any]])?.first)
        return try #require((cluster["seasons"] as? [[String: Any]])?.first?["id"] as? Int)
    }

    @Test func anOfficerSelfScoresTheLeaderVerifiesAndTheRankingAppears() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let season = try await seasonId(client)
            // A member's officer fills in its own grid.
            let member = try await P.signIn(client, "canbo.sogiaoduc.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/seasons/\(season)", cookie: member)
            #expect(page.status == .ok && page.html.contains("submit-self-score"))
            let csrf = try #require(P.csrf(in: page.html))
            let refused = try await P.request(
                client, .post, "/seasons/\(season)/self-score", cookie: member,
                form: ["_csrf": csrf, "s_1.1": "31", "s_1.2": "18"])
            #expect(refused.status == .unprocessableContent && refused.html.contains("vượt quá"))
            let saved = try await P.request(
                client, .post, "/seasons/\(season)/self-score", cookie: member,
                form: ["_csrf": csrf, "s_1.1": "29", "s_1.2": "18,5", "s_2.1": "15", "s_D1": "-2"])
            #expect(saved.status == .seeOther || saved.status == .found)
            // A member cannot verify; the leader can, through the verification grid.
            let notVerifier = try await P.request(client, .get, "/seasons/\(season)", cookie: member)
            #expect(!notVerifier.html.contains("submit-verify"))
            let leader = try await P.signIn(client, "canbo.sonoivu.hanoi", "laurel-demo")
            let (_, seasonJSON) = try await client.json(
                .get, "/api/v1/seasons/\(season)", token: try await client.token("canbo.hanoi", "laurel-demo"))
            let members = try #require(seasonJSON["members"] as? [[String: Any]])
            let target = try #require(members.first { ($0["unitName"] as? String ?? "").contains("Giáo dục") }?["unitId"] as? Int)
            let grid = try await P.request(client, .get, "/seasons/\(season)?target=\(target)", cookie: leader)
            #expect(grid.html.contains("submit-verify") && grid.html.contains("value=\"18.5\""))
            let leaderCSRF = try #require(P.csrf(in: grid.html))
            let verified = try await P.request(
                client, .post, "/seasons/\(season)/verify/\(target)", cookie: leader,
                form: ["_csrf": leaderCSRF, "s_1.1": "29", "s_1.2": "18.5", "s_2.1": "15", "s_D1": "-2"])
            #expect(verified.status == .seeOther || verified.status == .found)
            let ranking = try await P.request(client, .get, "/seasons/\(season)", cookie: member)
            #expect(ranking.html.contains("ranking-table") && ranking.html.contains("60.5"))
            // Another province cannot see the season.
            let danang = try await P.signIn(client, "canbo.danang", "laurel-demo")
            #expect(try await P.request(client, .get, "/seasons/\(season)", cookie: danang).status == .notFound)
        }
    }

    @Test func aVoterVotesOnceThroughTheBallotPageAndTheMinutesPrint() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let season = try await seasonId(client)
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let (_, seasonJSON) = try await client.json(.get, "/api/v1/seasons/\(season)", token: hanoi)
            let members = try #require((seasonJSON["members"] as? [[String: Any]])?.compactMap { $0["unitId"] as? Int })
            let (_, ballot) = try await client.json(
                .post, "/api/v1/ballots", token: hanoi,
                body: [
                    "purpose": "Đề nghị tặng Cờ thi đua của UBND Thành phố", "subject": ["kind": "season", "id": season],
                    "candidates": [members[2], members[3]], "voters": members, "seats": 1, "threshold": "80%",
                ])
            let ballotId = try #require(ballot["id"] as? Int)
            let voter = try await P.signIn(client, "canbo.soyte.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/ballots/\(ballotId)", cookie: voter)
            #expect(page.status == .ok && page.html.contains("cast-vote") && !page.html.contains("ballot-results"))
            let csrf = try #require(P.csrf(in: page.html))
            let cast = try await P.request(
                client, .post, "/ballots/\(ballotId)/vote", cookie: voter, form: ["_csrf": csrf, "choice": String(members[3])])
            #expect(cast.status == .seeOther || cast.status == .found)
            let again = try await P.request(
                client, .post, "/ballots/\(ballotId)/vote", cookie: voter, form: ["_csrf": csrf, "choice": String(members[2])])
            #expect(again.status == .conflict)
            let organiser = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            // While open, the organiser closes it but reads no count; the minutes say voting goes on.
            let view = try await P.request(client, .get, "/ballots/\(ballotId)", cookie: organiser)
            #expect(
                !view.html.contains("ballot-results") && view.html.contains("ballot-count-hidden") && view.html.contains("close-ballot"))
            let running = try await P.request(client, .get, "/seasons/\(season)/minutes", cookie: organiser)
            #expect(running.html.contains("Cuộc bỏ phiếu đang diễn ra") && !running.html.contains("Số phiếu</th>"))
            let auditor = try await P.signIn(client, "kiemtra.hanoi", "laurel-demo")
            let audited = try await P.request(client, .get, "/ballots/\(ballotId)", cookie: auditor)
            #expect(audited.status == .ok && !audited.html.contains("ballot-results") && !audited.html.contains("ballot-voted-units"))
            let viewCSRF = try #require(P.csrf(in: view.html))
            let closed = try await P.request(client, .post, "/ballots/\(ballotId)/close", cookie: organiser, form: ["_csrf": viewCSRF])
            #expect(closed.status == .seeOther || closed.status == .found)
            let counted = try await P.request(client, .get, "/ballots/\(ballotId)", cookie: auditor)
            #expect(
                counted.html.contains("ballot-results") && counted.html.contains("ballot-voted-units")
                    && !counted.html.contains("ballot-count-hidden"))
            let minutes = try await P.request(client, .get, "/seasons/\(season)/minutes", cookie: organiser)
            #expect(minutes.status == .ok && minutes.html.contains("BIÊN BẢN") && minutes.html.contains("Đề nghị tặng Cờ thi đua"))
            #expect(minutes.html.contains("Số phiếu</th>") && !minutes.html.contains("Cuộc bỏ phiếu đang diễn ra"))
            var headers = HTTPFields()
            headers[.cookie] = organiser
            let docx = try await client.execute(uri: "/seasons/\(season)/minutes.docx", method: .get, headers: headers, body: nil) {
                response in
                (response.status, response.headers[.contentType] ?? "", Array(Data(buffer: response.body).prefix(2)))
            }
            #expect(docx.0 == .ok && docx.1.contains("wordprocessingml") && docx.2 == [0x50, 0x4B])
        }
    }

    @Test func theMovementPageShowsTheCascadeAndTheRegistrationFormSaves() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let admin = try await P.signIn(client, "admin", "laurel-admin")
            let list = try await P.request(client, .get, "/movements", cookie: admin)
            #expect(list.status == .ok && list.html.contains("Cả nước chung tay vì người nghèo"))
            let token = try await client.token("admin", "laurel-admin")
            let (_, movements) = try await client.json(.get, "/api/v1/movements", token: token)
            let national = try #require((movements["items"] as? [[String: Any]])?.first { $0["parentId"] is NSNull }?["id"] as? Int)
            let page = try await P.request(client, .get, "/movements/\(national)", cookie: admin)
            #expect(page.html.contains("id=\"coverage\"") && page.html.contains("Nộp muộn") && page.html.contains("Chưa phát động"))
            let hanoi = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let year = Calendar.current.component(.year, from: Date()) + 1
            let form = try await P.request(client, .get, "/registrations/\(unit)/\(year)", cookie: hanoi)
            #expect(form.status == .ok && form.html.contains("TTLDXS"))
            let csrf = try #require(P.csrf(in: form.html))
            let saved = try await P.request(
                client, .post, "/registrations/\(unit)/\(year)", cookie: hanoi, form: ["_csrf": csrf, "collective": "TTLDXS"])
            #expect(saved.status == .seeOther || saved.status == .found)
            let after = try await P.request(client, .get, "/registrations/\(unit)/\(year)", cookie: hanoi)
            #expect(after.html.contains("value=\"TTLDXS\" checked"))
        }
    }
}
