import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import NIOCore
import Testing

/// The cross scoring and votes pages of a season, as a browser without JavaScript uses them, on the
/// demo block (HN organises; Sở Nội vụ leads, Sở Tài chính deputises, with Sở Giáo dục and Sở Y tế).
@Suite struct SeasonVotesPageTests {
    typealias P = PageTests

    /// The demo season, its cluster and its members by officer account.
    struct Block {
        let season: Int
        let cluster: Int
        let noivu: Int
        let taichinh: Int
        let giaoduc: Int
        let yte: Int
        var all: [Int] { [noivu, taichinh, giaoduc, yte] }
    }

    static let password = "laurel-demo"

    func block(_ client: any TestClientProtocol) async throws -> Block {
        let token = try await client.token("canbo.hanoi", Self.password)
        let (_, clusters) = try await client.json(.get, "/api/v1/clusters", token: token)
        let cluster = try #require((clusters["items"] as? [[String: Any]])?.first)
        let season = try #require((cluster["seasons"] as? [[String: Any]])?.first?["id"] as? Int)
        let (_, record) = try await client.json(.get, "/api/v1/seasons/\(season)", token: token)
        let members = try #require(record["members"] as? [[String: Any]])
        func member(_ name: String) throws -> Int {
            try #require(members.first { ($0["unitName"] as? String ?? "").contains(name) }?["unitId"] as? Int)
        }
        return Block(
            season: season, cluster: try #require(cluster["id"] as? Int), noivu: try member("Nội vụ"), taichinh: try member("Tài chính"),
            giaoduc: try member("Giáo dục"), yte: try member("Y tế"))
    }

    /// Next year's season of the block in cross mode (the table is copied from 2025), through the API.
    func crossSeason(_ client: any TestClientProtocol, _ block: Block) async throws -> Int {
        let token = try await client.token("canbo.hanoi", Self.password)
        let (status, season) = try await client.json(
            .post, "/api/v1/clusters/\(block.cluster)/seasons", token: token,
            body: [
                "year": 2026, "leaderUnitId": block.giaoduc, "deputyUnitId": block.yte, "mode": "cross", "criteria": [Any](),
            ])
        #expect(status == .created)
        return try #require(season["id"] as? Int)
    }

    /// A form post with repeated names (check boxes), which `PageTests.request` cannot send.
    func post(_ client: any TestClientProtocol, _ uri: String, cookie: String, _ pairs: [(String, String)]) async throws -> P.Page {
        var headers = HTTPFields()
        headers[.cookie] = cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            P.Page(
                status: response.status, html: String(buffer: response.body), location: response.headers[.location],
                setCookie: response.headers[.setCookie])
        }
    }

    /// Signs in and reads the CSRF token of a page the account can see.
    func session(
        _ client: any TestClientProtocol, _ user: String, password: String = password, page: String
    ) async throws -> (cookie: String, csrf: String) {
        let cookie = try await P.signIn(client, user, password)
        let html = try await P.request(client, .get, page, cookie: cookie).html
        return (cookie, try #require(P.csrf(in: html)))
    }

    func redirected(_ page: P.Page) -> Bool { page.status == .seeOther || page.status == .found }

    @Test(arguments: TestDatabases.kinds)
    func twoMembersCrossScoreAndBothRankingsAppear(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let block = try await block(client)
            let season = try await crossSeason(client, block)
            // The officer of Sở Giáo dục sees the others to score, never its own unit.
            let (giaoduc, csrf) = try await session(client, "canbo.sogiaoduc.hanoi", page: "/seasons/\(season)/cross")
            let page = try await P.request(client, .get, "/seasons/\(season)/cross", cookie: giaoduc)
            #expect(page.status == .ok && page.html.contains("submit-cross") && page.html.contains("cross-targets"))
            #expect(!page.html.contains("/seasons/\(season)/cross/\(block.giaoduc)\"") && !page.html.contains("?target=\(block.giaoduc)#"))
            for (target, scores) in [(block.noivu, ["s_1.1": "25", "s_1.2": "18,5", "s_2.1": "10"]), (block.taichinh, ["s_1.1": "20"])] {
                let saved = try await P.request(
                    client, .post, "/seasons/\(season)/cross/\(target)", cookie: giaoduc,
                    form: scores.merging(["_csrf": csrf]) { a, _ in a })
                #expect(redirected(saved))
            }
            let again = try await P.request(client, .get, "/seasons/\(season)/cross?target=\(block.noivu)", cookie: giaoduc)
            #expect(again.html.contains("value=\"18.5\""))
            let (yte, yteCSRF) = try await session(client, "canbo.soyte.hanoi", page: "/seasons/\(season)/cross")
            for (target, points) in [(block.noivu, "30"), (block.taichinh, "10")] {
                #expect(
                    redirected(
                        try await P.request(
                            client, .post, "/seasons/\(season)/cross/\(target)", cookie: yte, form: ["_csrf": yteCSRF, "s_1.1": points])))
            }
            // Raw: the mean of the others' totals; normalised: each scorer's z-scores (±1 here).
            let ranking = try await P.request(client, .get, "/seasons/\(season)/cross", cookie: yte)
            #expect(ranking.html.contains("cross-ranking-raw") && ranking.html.contains("cross-ranking-normalised"))
            #expect(ranking.html.contains("<strong>41.75</strong>") && ranking.html.contains("<strong>15</strong>"))
            #expect(ranking.html.contains("<strong>1.0000</strong>") && ranking.html.contains("<strong>-1.0000</strong>"))
            #expect(ranking.html.contains("cross-pending") && !ranking.html.contains("cross-matrix"))
            // The organiser sees who has scored whom.
            let organiser = try await P.signIn(client, "canbo.hanoi", Self.password)
            let progress = try await P.request(client, .get, "/seasons/\(season)/cross", cookie: organiser)
            #expect(progress.status == .ok && progress.html.contains("cross-matrix") && !progress.html.contains("submit-cross"))
            let token = try await client.token("canbo.hanoi", Self.password)
            let (_, normalised) = try await client.json(.get, "/api/v1/seasons/\(season)/ranking?basis=normalised", token: token)
            #expect((normalised["rows"] as? [[String: Any]])?.map { $0["unitId"] as? Int } == [block.noivu, block.taichinh])
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func scoringOnesOwnUnitOrOverTheMaximumIsRefusedAndNothingIsWritten(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let block = try await block(client)
            let season = try await crossSeason(client, block)
            let (giaoduc, csrf) = try await session(client, "canbo.sogiaoduc.hanoi", page: "/seasons/\(season)/cross")
            let own = try await P.request(
                client, .post, "/seasons/\(season)/cross/\(block.giaoduc)", cookie: giaoduc, form: ["_csrf": csrf, "s_1.1": "10"])
            #expect(own.status == .forbidden && own.html.contains("chính đơn vị mình"))
            let over = try await P.request(
                client, .post, "/seasons/\(season)/cross/\(block.noivu)", cookie: giaoduc, form: ["_csrf": csrf, "s_1.1": "31"])
            #expect(over.status == .unprocessableContent && over.html.contains("vượt quá") && over.html.contains("value=\"31\""))
            let garbled = try await P.request(
                client, .post, "/seasons/\(season)/cross/\(block.noivu)", cookie: giaoduc, form: ["_csrf": csrf, "s_1.1": "mười"])
            #expect(garbled.status == .unprocessableContent)
            let token = try await client.token("canbo.hanoi", Self.password)
            let (_, record) = try await client.json(.get, "/api/v1/seasons/\(season)", token: token)
            #expect((record["missingCrossScores"] as? [Any])?.count == 12)
            // A verification season does not use cross scoring.
            let verification = try await P.request(client, .get, "/seasons/\(block.season)/cross", cookie: giaoduc)
            #expect(
                verification.status == .ok && verification.html.contains("cross-not-used") && !verification.html.contains("submit-cross"))
            let wrongMode = try await P.request(
                client, .post, "/seasons/\(block.season)/cross/\(block.noivu)", cookie: giaoduc, form: ["_csrf": csrf, "s_1.1": "10"])
            #expect(wrongMode.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aBallotOpensThroughTheFormAndATieGoesToASecondRound(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let block = try await block(client)
            let votes = "/seasons/\(block.season)/votes"
            let (organiser, csrf) = try await session(client, "canbo.hanoi", page: votes)
            let form = try await P.request(client, .get, votes, cookie: organiser)
            #expect(form.status == .ok && form.html.contains("ballot-form") && form.html.contains("Đề nghị tặng Cờ thi đua năm 2025"))
            let voters = block.all.map { ("voters", String($0)) }
            // No candidate and an unreadable share: the form comes back, nothing is opened.
            let refused = try await post(
                client, "\(votes)/ballots", cookie: organiser,
                [("_csrf", csrf), ("purpose", "Đề nghị tặng Cờ thi đua năm 2025"), ("thresholdText", "nhiều"), ("seats", "1")] + voters)
            #expect(
                refused.status == .unprocessableContent && refused.html.contains("Tỷ lệ không hợp lệ")
                    && refused.html.contains("value=\"nhiều\""))
            let huge = try await post(
                client, "\(votes)/ballots", cookie: organiser,
                [("_csrf", csrf), ("purpose", "Đề nghị"), ("candidates", String(block.yte)), ("thresholdText", "1/9223372036854775807")]
                    + voters)
            #expect(huge.status == .unprocessableContent)
            #expect(!(try await P.request(client, .get, votes, cookie: organiser)).html.contains("votes-ballots"))
            // A quarter of the voters suffices, so two papers for two candidates tie at the only seat.
            let opened = try await post(
                client, "/seasons/\(block.season)/votes/ballots", cookie: organiser,
                [
                    ("_csrf", csrf), ("purpose", "Đề nghị tặng Cờ thi đua năm 2025"), ("candidates", String(block.giaoduc)),
                    ("candidates", String(block.yte)), ("seats", "1"), ("threshold", "1/2"), ("thresholdText", "1/4"), ("quorum", ""),
                ] + voters)
            #expect(redirected(opened))
            let location = try #require(opened.location)
            let ballot = try #require(Int(location.dropFirst("/ballots/".count).prefix { $0.isNumber }))
            for (user, choice) in [("canbo.sonoivu.hanoi", block.giaoduc), ("canbo.sotaichinh.hanoi", block.yte)] {
                let voter = try await session(client, user, page: "/ballots/\(ballot)")
                #expect(
                    redirected(
                        try await P.request(
                            client, .post, "/ballots/\(ballot)/vote", cookie: voter.cookie,
                            form: ["_csrf": voter.csrf, "choice": String(choice)])))
            }
            // Two electors still to vote: the count, the tie and who voted stay secret, even to the organiser.
            let running = try await P.request(client, .get, "/ballots/\(ballot)", cookie: organiser)
            #expect(
                running.html.contains("ballot-count-hidden") && running.html.contains("2 / 4") && !running.html.contains("ballot-results"))
            #expect(
                !running.html.contains("ballot-tie") && !running.html.contains("open-round") && !running.html.contains("ballot-voted-units")
            )
            let early = try await P.request(client, .post, "/ballots/\(ballot)/rounds", cookie: organiser, form: ["_csrf": csrf])
            #expect(
                early.status == .conflict && early.html.contains("mới có 2/4 đơn vị bỏ phiếu") && !early.html.contains("ballot-results"))
            let listed = try await P.request(client, .get, votes, cookie: organiser)
            #expect(listed.html.contains("2/4") && !listed.html.contains("Trúng:") && !listed.html.contains("votes-leaders"))
            for (user, choice) in [("canbo.sogiaoduc.hanoi", block.giaoduc), ("canbo.soyte.hanoi", block.yte)] {
                let voter = try await session(client, user, page: "/ballots/\(ballot)")
                #expect(
                    redirected(
                        try await P.request(
                            client, .post, "/ballots/\(ballot)/vote", cookie: voter.cookie,
                            form: ["_csrf": voter.csrf, "choice": String(choice)])))
            }
            let tied = try await P.request(client, .get, "/ballots/\(ballot)", cookie: organiser)
            #expect(tied.html.contains("ballot-tie") && tied.html.contains("open-round") && tied.html.contains("ballot-voted-units"))
            #expect(redirected(try await P.request(client, .post, "/ballots/\(ballot)/rounds", cookie: organiser, form: ["_csrf": csrf])))
            let second = try await P.request(client, .get, "/ballots/\(ballot)", cookie: organiser)
            #expect(!second.html.contains("open-round") && !second.html.contains("ballot-tie") && second.html.contains("<dd>2</dd>"))
            let noivu = try await session(client, "canbo.sonoivu.hanoi", page: "/ballots/\(ballot)")
            #expect(
                redirected(
                    try await P.request(
                        client, .post, "/ballots/\(ballot)/vote", cookie: noivu.cookie,
                        form: ["_csrf": noivu.csrf, "choice": String(block.giaoduc)])))
            // Round 2 still takes papers (and has no tie): another round is refused on the page, not a 500.
            #expect(
                try await P.request(client, .post, "/ballots/\(ballot)/rounds", cookie: organiser, form: ["_csrf": csrf]).status
                    == .conflict)
            #expect(redirected(try await P.request(client, .post, "/ballots/\(ballot)/close", cookie: organiser, form: ["_csrf": csrf])))
            let token = try await client.token("canbo.hanoi", Self.password)
            let (_, record) = try await client.json(.get, "/api/v1/ballots/\(ballot)", token: token)
            #expect((record["outcome"] as? [String: Any])?["elected"] as? [Int] == [block.giaoduc])
            let list = try await P.request(client, .get, votes, cookie: organiser)
            #expect(list.html.contains("votes-ballots") && list.html.contains("/ballots/\(ballot)"))
        }
    }

    /// The page and the API share one rule (`SeasonPolicy`): any collective code of the catalogue,
    /// not only flags and certificates, and never an individual title.
    @Test(arguments: TestDatabases.kinds)
    func theVotesPageOffersTheCollectiveCodesTheAPIAccepts(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let block = try await block(client)
            let votes = "/seasons/\(block.season)/votes"
            let (organiser, csrf) = try await session(client, "canbo.hanoi", page: votes)
            let page = try await P.request(client, .get, votes, cookie: organiser)
            for code in ["CTD_BO", "CTD_CP", "BK_BO", "BK_TTG", "TTLDXS", "HCLD3", "GK"] {
                #expect(page.html.contains("<option value=\"\(code)\">"), "\(code)")
            }
            for code in ["LDTT", "CSTDCS", "GDVH"] { #expect(!page.html.contains("<option value=\"\(code)\">"), "\(code)") }
            let proposed = try await P.request(
                client, .post, "\(votes)/proposals", cookie: organiser,
                form: ["_csrf": csrf, "unitId": String(block.giaoduc), "code": "TTLDXS", "ballotId": ""])
            #expect(redirected(proposed))
            let token = try await client.token("canbo.hanoi", Self.password)
            let (created, _) = try await client.json(
                .post, "/api/v1/seasons/\(block.season)/proposals", token: token, body: ["unitId": block.yte, "code": "HCLD3"])
            #expect(created == .created)
            let (refused, _) = try await client.json(
                .post, "/api/v1/seasons/\(block.season)/proposals", token: token, body: ["unitId": block.yte, "code": "CSTDCS"])
            #expect(refused == .unprocessableContent)
            let (_, listed) = try await client.json(.get, "/api/v1/seasons/\(block.season)/proposals", token: token)
            #expect((listed["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["TTLDXS", "HCLD3"])
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aProposalIsListedAndNextYearsSeasonTakesTheElectedLeadership(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let block = try await block(client)
            let votes = "/seasons/\(block.season)/votes"
            let (organiser, csrf) = try await session(client, "canbo.hanoi", page: votes)
            // Before any election the store refuses, shown on the page.
            let early = try await P.request(client, .post, "\(votes)/next-season", cookie: organiser, form: ["_csrf": csrf])
            #expect(early.status == .unprocessableContent && early.html.contains("votes-flash"))
            // A proposal for the provincial flag; an individual title is refused.
            let wrong = try await P.request(
                client, .post, "\(votes)/proposals", cookie: organiser,
                form: ["_csrf": csrf, "unitId": String(block.giaoduc), "code": "LDTT"])
            #expect(wrong.status == .unprocessableContent && !wrong.html.contains("votes-proposals"))
            let proposed = try await P.request(
                client, .post, "\(votes)/proposals", cookie: organiser,
                form: ["_csrf": csrf, "unitId": String(block.giaoduc), "code": "CTD_BO", "ballotId": ""])
            #expect(redirected(proposed))
            let listed = try await P.request(client, .get, String(try #require(proposed.location).prefix { $0 != "#" }), cookie: organiser)
            #expect(
                listed.html.contains("votes-proposals") && listed.html.contains("Cờ thi đua bộ, ban, ngành, tỉnh")
                    && listed.html.contains("Đã thêm đề nghị"))
            // Elections of next year's leader (not the outgoing one) and deputy, through the form.
            let voters = block.all.map { ("voters", String($0)) }
            var ballots: [Int] = []
            for (office, candidate) in [("leader", block.giaoduc), ("deputy", block.yte)] {
                let opened = try await post(
                    client, "\(votes)/ballots", cookie: organiser,
                    [("_csrf", csrf), ("purpose", "Bầu năm 2026"), ("post", office), ("candidates", String(candidate)), ("seats", "1")]
                        + voters)
                #expect(redirected(opened))
                ballots.append(try #require(Int((opened.location ?? "").dropFirst("/ballots/".count).prefix { $0.isNumber })))
            }
            for (user, unit) in [
                ("canbo.sonoivu.hanoi", block.noivu), ("canbo.sotaichinh.hanoi", block.taichinh), ("canbo.sogiaoduc.hanoi", block.giaoduc),
            ] {
                let token = try await client.token(user, Self.password)
                for (ballot, choice) in zip(ballots, [block.giaoduc, block.yte]) {
                    #expect(
                        try await client.json(
                            .post, "/api/v1/ballots/\(ballot)/votes", token: token, body: ["voter": unit, "choices": [choice]]
                        ).0 == .created)
                }
            }
            for ballot in ballots {
                #expect(
                    redirected(try await P.request(client, .post, "/ballots/\(ballot)/close", cookie: organiser, form: ["_csrf": csrf])))
            }
            let created = try await P.request(client, .post, "\(votes)/next-season", cookie: organiser, form: ["_csrf": csrf])
            #expect(redirected(created))
            let next = try #require(Int((created.location ?? "").dropFirst("/seasons/".count).prefix { $0.isNumber }))
            let token = try await client.token("canbo.hanoi", Self.password)
            let (_, season) = try await client.json(.get, "/api/v1/seasons/\(next)", token: token)
            #expect(
                season["year"] as? Int == 2026 && season["leaderUnitId"] as? Int == block.giaoduc
                    && season["deputyUnitId"] as? Int == block.yte)
            let twice = try await P.request(client, .post, "\(votes)/next-season", cookie: organiser, form: ["_csrf": csrf])
            #expect(twice.status == .conflict && twice.html.contains("votes-flash"))
            // The stores audited every write; a vote's entry says who voted, never the choice.
            let admin = try await client.token("admin", "laurel-admin")
            let (_, seasonLog) = try await client.json(.get, "/api/v1/audit?entity=season&entityId=\(block.season)&per=100", token: admin)
            #expect((seasonLog["items"] as? [[String: Any]])?.contains { $0["action"] as? String == "propose" } == true)
            let (_, ballotLog) = try await client.json(.get, "/api/v1/audit?entity=ballot&entityId=\(ballots[0])&per=100", token: admin)
            let entries = ballotLog["items"] as? [[String: Any]] ?? []
            #expect(Set(entries.compactMap { $0["action"] as? String }) == ["create", "vote", "close"])
            #expect(entries.filter { $0["action"] as? String == "vote" }.allSatisfy { !($0["after"] as? String ?? "").contains("choice") })
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func anotherProvinceGets404AndAnAuditorSeesNoFormsAndGets403(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let block = try await block(client)
            let season = try await crossSeason(client, block)
            let token = try await client.token("canbo.hanoi", Self.password)
            let (_, ballot) = try await client.json(
                .post, "/api/v1/ballots", token: token,
                body: [
                    "purpose": "Đề nghị tặng Bằng khen", "subject": ["kind": "season", "id": block.season],
                    "candidates": [block.giaoduc, block.yte], "voters": block.all, "seats": 1, "threshold": "1/4",
                ])
            let ballotId = try #require(ballot["id"] as? Int)
            let votes = "/seasons/\(block.season)/votes"
            let writes: [(String, [String: String])] = [
                ("\(votes)/ballots", ["purpose": "x", "candidates": String(block.giaoduc), "voters": String(block.yte)]),
                ("\(votes)/proposals", ["unitId": String(block.giaoduc), "code": "CTD_BO"]), ("\(votes)/next-season", [:]),
                ("/seasons/\(season)/cross/\(block.noivu)", ["s_1.1": "10"]), ("/ballots/\(ballotId)/rounds", [:]),
            ]
            let danang = try await session(client, "canbo.danang", page: "/")
            for page in [votes, "/seasons/\(season)/cross"] {
                #expect(try await P.request(client, .get, page, cookie: danang.cookie).status == .notFound)
            }
            for (uri, form) in writes {
                let answer = try await P.request(
                    client, .post, uri, cookie: danang.cookie, form: form.merging(["_csrf": danang.csrf]) { a, _ in a })
                #expect(answer.status == .notFound, "\(uri)")
            }
            let auditor = try await session(client, "kiemtra.hanoi", page: "/")
            let read = try await P.request(client, .get, votes, cookie: auditor.cookie)
            #expect(
                read.status == .ok && !read.html.contains("ballot-form") && !read.html.contains("proposal-form")
                    && !read.html.contains("next-season-form"))
            let cross = try await P.request(client, .get, "/seasons/\(season)/cross", cookie: auditor.cookie)
            #expect(cross.status == .ok && !cross.html.contains("submit-cross"))
            for (uri, form) in writes {
                let answer = try await P.request(
                    client, .post, uri, cookie: auditor.cookie, form: form.merging(["_csrf": auditor.csrf]) { a, _ in a })
                #expect(answer.status == .forbidden, "\(uri)")
            }
            let (_, after) = try await client.json(.get, "/api/v1/seasons/\(block.season)/proposals", token: token)
            #expect((after["items"] as? [Any])?.isEmpty == true)
        }
    }
}
