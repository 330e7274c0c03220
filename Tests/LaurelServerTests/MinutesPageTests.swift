import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// The minutes of a summary conference, built from the data: the page and the Word document say
/// the same things, in the reader's language, and only to those who may see the season.
@Suite struct MinutesPageTests {
    typealias P = PageTests

    struct Conference {
        let season: Int
        let final: Double
        let education: String
    }

    /// The demo block's season with one verified score, the conference's details, a closed ballot
    /// and a proposal, all through the API.
    func holdConference(_ client: any TestClientProtocol) async throws -> Conference {
        let organiser = try await client.token("canbo.hanoi", "laurel-demo")
        let (_, clusters) = try await client.json(.get, "/api/v1/clusters", token: organiser)
        let cluster = try #require((clusters["items"] as? [[String: Any]])?.first)
        let season = try #require((cluster["seasons"] as? [[String: Any]])?.first?["id"] as? Int)
        let (_, seasonJSON) = try await client.json(.get, "/api/v1/seasons/\(season)", token: organiser)
        let members = try #require(seasonJSON["members"] as? [[String: Any]])
        let educationMember = try #require(members.first { ($0["unitName"] as? String ?? "").contains("Giáo dục") })
        let education = try #require(educationMember["unitId"] as? Int)
        let scores: [String: Any] = ["scores": ["1.1": 29, "1.2": 18.5, "2.1": 15, "D1": -2]]
        let member = try await client.token("canbo.sogiaoduc.hanoi", "laurel-demo")
        let (selfStatus, _) = try await client.json(.put, "/api/v1/seasons/\(season)/self-scores/\(education)", token: member, body: scores)
        #expect(selfStatus == .ok)
        let leader = try await client.token("canbo.sonoivu.hanoi", "laurel-demo")
        let (verifyStatus, _) = try await client.json(
            .put, "/api/v1/seasons/\(season)/verified-scores/\(education)", token: leader, body: scores)
        #expect(verifyStatus == .ok)
        let (conferenceStatus, _) = try await client.json(
            .put, "/api/v1/seasons/\(season)/conference", token: organiser,
            body: [
                "date": "2025-12-20", "venue": "Hội trường Sở Nội vụ", "attendance": "Lãnh đạo 7 sở thành viên",
            ])
        #expect(conferenceStatus == .ok)
        let voters = members.compactMap { $0["unitId"] as? Int }
        let (_, ballot) = try await client.json(
            .post, "/api/v1/ballots", token: organiser,
            body: [
                "purpose": "Đề nghị tặng Cờ thi đua của UBND Thành phố", "subject": ["kind": "season", "id": season],
                "candidates": [education], "voters": voters, "seats": 1, "threshold": "1/2",
            ])
        let ballotId = try #require(ballot["id"] as? Int)
        let health = try #require(members.first { ($0["unitName"] as? String ?? "").contains("Y tế") }?["unitId"] as? Int)
        for (user, unit) in [("canbo.soyte.hanoi", health), ("canbo.sogiaoduc.hanoi", education)] {
            let token = try await client.token(user, "laurel-demo")
            let (status, _) = try await client.json(
                .post, "/api/v1/ballots/\(ballotId)/votes", token: token, body: ["voter": unit, "choices": [education]])
            #expect(status == .ok || status == .created)
        }
        let (closeStatus, _) = try await client.json(.post, "/api/v1/ballots/\(ballotId)/close", token: organiser)
        #expect(closeStatus == .ok)
        let (proposalStatus, _) = try await client.json(
            .post, "/api/v1/seasons/\(season)/proposals", token: organiser,
            body: ["unitId": education, "code": "CTD_BO", "ballotId": ballotId])
        #expect(proposalStatus == .created)
        let (_, ranking) = try await client.json(.get, "/api/v1/seasons/\(season)/ranking", token: organiser)
        let row = try #require((ranking["rows"] as? [[String: Any]])?.first { $0["unitId"] as? Int == education })
        return Conference(
            season: season, final: try #require(row["final"] as? Double), education: try #require(educationMember["unitName"] as? String))
    }

    @Test(arguments: TestDatabases.kinds)
    func theMinutesSayTheRankingTheVoteAndTheProposalInVietnameseAndEnglish(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let conference = try await holdConference(client)
            let organiser = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let vietnamese = try await P.request(client, .get, "/seasons/\(conference.season)/minutes", cookie: organiser)
            #expect(vietnamese.status == .ok)
            let total = String(conference.final).replacingOccurrences(of: ".0", with: "")
            for text in [
                "BIÊN BẢN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ngày 20 tháng 12 năm 2025", "Hội trường Sở Nội vụ", conference.education,
                total.replacingOccurrences(of: ".", with: ","), "Cờ thi đua", "Trúng", "(Ký, ghi rõ họ tên)", "aria-current=\"page\"",
            ] {
                #expect(vietnamese.html.contains(text), "the Vietnamese minutes lack \(text)")
            }
            let english = try await P.request(client, .get, "/seasons/\(conference.season)/minutes", cookie: organiser + "; laurel_lang=en")
            for text in ["MINUTES", "SOCIALIST REPUBLIC OF VIET NAM", "Elected", total, "Emulation Flag"] {
                #expect(english.html.contains(text), "the English minutes lack \(text)")
            }
            #expect(!english.html.contains("BIÊN BẢN"))
        }
    }

    /// Reported as skipped, not passed, where LibreOffice is missing (CI installs it).
    @Test(.enabled(if: LibreOffice.isInstalled, "LibreOffice (soffice) is not installed"))
    func theWordDocumentOpensInLibreOfficeWithTheSameText() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let conference = try await holdConference(client)
            let organiser = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            var headers = HTTPFields()
            headers[.cookie] = organiser
            let (status, type, body) = try await client.execute(
                uri: "/seasons/\(conference.season)/minutes.docx", method: .get, headers: headers, body: nil
            ) { response in
                (response.status, response.headers[.contentType] ?? "", Data(buffer: response.body))
            }
            #expect(status == .ok && type.contains("wordprocessingml") && body.prefix(2) == Data([0x50, 0x4B]))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-minutes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("bien-ban.docx")
            try body.write(to: file)
            let text = try String(contentsOf: LibreOffice.convert(file, to: "txt:Text", extension: "txt"), encoding: .utf8)
            for line in [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BIÊN BẢN", "Hội trường Sở Nội vụ", conference.education, "Cờ thi đua",
                "TRƯỞNG CỤM/KHỐI",
            ] {
                #expect(text.contains(line), "the DOCX lacks \(line)")
            }
        }
    }

    @Test func anotherProvinceGetsNoMinutes() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let conference = try await holdConference(client)
            let danang = try await P.signIn(client, "canbo.danang", "laurel-demo")
            for path in ["/seasons/\(conference.season)/minutes", "/seasons/\(conference.season)/minutes.docx", "/seasons/999999/minutes"] {
                let page = try await P.request(client, .get, path, cookie: danang)
                #expect(page.status == .notFound, "\(path) answered \(page.status)")
                #expect(!page.html.contains(conference.education))
            }
        }
    }
}
