import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import NIOCore
import Testing

/// Founding a cluster, its members, opening a season from last year's table and setting the
/// season up (covenant, targets, conference) through the pages, as a browser without JavaScript
/// does; read back through the API. Demo: Hà Nội organises the block of HN-S1…S4 (2025 season).
@Suite struct ClusterSetupPageTests {
    typealias P = PageTests

    /// A form post with repeated names (multi-selects, check boxes), which `PageTests.request` cannot send.
    static func post(_ client: any TestClientProtocol, _ uri: String, cookie: String, _ pairs: [(String, String)]) async throws -> P.Page {
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

    static func redirected(_ page: P.Page) -> Bool { page.status == .seeOther || page.status == .found }

    static func demoCluster(_ client: any TestClientProtocol, token: String) async throws -> (cluster: Int, season: Int) {
        let (_, clusters) = try await client.json(.get, "/api/v1/clusters", token: token)
        let cluster = try #require((clusters["items"] as? [[String: Any]])?.first)
        let season = try #require((cluster["seasons"] as? [[String: Any]])?.first?["id"] as? Int)
        return (try #require(cluster["id"] as? Int), season)
    }

    /// The criteria rows of the new-season form as the browser would send them back.
    static func formRows(_ html: String) -> [(String, String)] {
        var pairs = html.matches(of: /name="(c\d+_[A-Za-z]+)" value="([^"]*)"/).map { (String($0.1), String($0.2)) }
        for select in html.matches(of: /name="(c\d+_kind)"[^>]*>(.*?)<\/select>/) {
            let chosen = String(select.2).firstMatch(of: /value="([a-z]+)" selected/).map { String($0.1) } ?? "criterion"
            pairs.append((String(select.1), chosen))
        }
        if let rows = html.firstMatch(of: /name="rows" value="(\d+)"/) { pairs.append(("rows", String(rows.1))) }
        return pairs
    }

    @Test(arguments: TestDatabases.kinds)
    func anOfficerFoundsAClusterThroughTheFormAndTheAPIReadsItBack(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hanoi = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            #expect(try await P.request(client, .get, "/clusters", cookie: hanoi).html.contains("href=\"/clusters/new\""))
            let form = try await P.request(client, .get, "/clusters/new", cookie: hanoi)
            #expect(form.status == .ok && form.html.contains("name=\"memberUnitIds\""))
            let csrf = try #require(P.csrf(in: form.html))
            let organiser = try await client.unitId(code: "HN", token: token)
            let communes = [
                try await client.unitId(code: "HN-X1", token: token), try await client.unitId(code: "HN-X2", token: token),
                try await client.unitId(code: "HN-X3", token: token),
            ]
            let saved = try await Self.post(
                client, "/clusters/new", cookie: hanoi,
                [
                    ("_csrf", csrf), ("code", "CUM-XA-HN"), ("name", "Cụm thi đua các xã"), ("kind", "cluster"),
                    ("organiserUnitId", String(organiser)),
                    ("decisionNumber", "12/QĐ-HĐTĐKT"), ("decisionDate", "2026-01-15"), ("deputyBecomesLeader", "1"),
                ] + communes.map { ("memberUnitIds", String($0)) })
            #expect(Self.redirected(saved))
            let id = try #require(saved.location?.split(separator: "/").last.flatMap { Int($0) })
            let (status, cluster) = try await client.json(.get, "/api/v1/clusters/\(id)", token: token)
            #expect(status == .ok && cluster["code"] as? String == "CUM-XA-HN" && cluster["kind"] as? String == "cluster")
            #expect(cluster["decisionDate"] as? String == "2026-01-15" && cluster["decisionNumber"] as? String == "12/QĐ-HĐTĐKT")
            #expect(Set((cluster["memberUnitIds"] as? [Int] ?? []).map(Int64.init)) == Set(communes))
            let rotation = try #require(cluster["rotation"] as? [String: Any])
            #expect(rotation["deputyBecomesLeader"] as? Bool == true && rotation["deputyMayServeConsecutively"] as? Bool == false)
            let page = try await P.request(client, .get, "/clusters/\(id)", cookie: hanoi)
            #expect(page.status == .ok && page.html.contains("Cụm thi đua các xã") && page.html.contains("id=\"new-season\""))
            // The rotation rule reads as sentences (a nested section once printed the Swift value).
            #expect(page.html.contains("Cụm phó năm trước trở thành cụm trưởng; chỉ bầu cụm phó.") && !page.html.contains("RotationRule("))
            let (_, audit) = try await client.json(
                .get, "/api/v1/audit?entity=cluster&entityId=\(id)", token: try await client.token("admin", "laurel-admin"))
            #expect(audit["total"] as? Int == 1)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func badClusterInputIsRefusedWithMessagesAndNothingIsWritten(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hanoi = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let csrf = try #require(P.csrf(in: try await P.request(client, .get, "/clusters/new", cookie: hanoi).html))
            let organiser = try await client.unitId(code: "HN", token: token)
            let refused = try await Self.post(
                client, "/clusters/new", cookie: hanoi,
                [
                    ("_csrf", csrf), ("code", ""), ("name", "Khối các sở"), ("kind", "federation"), ("organiserUnitId", String(organiser)),
                    ("decisionNumber", "5/QĐ"), ("decisionDate", "2026-13-45"),
                ])
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.html.contains("Trường này là bắt buộc.") && refused.html.contains("Giá trị không hợp lệ: federation.")
                    && refused.html.contains("Ngày không hợp lệ"))
            // What was typed comes back.
            #expect(refused.html.contains("value=\"Khối các sở\""))
            let (_, clusters) = try await client.json(.get, "/api/v1/clusters", token: token)
            #expect(clusters["total"] as? Int == 1)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aMemberJoinsAndAnotherLeavesWithHistoryKept(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let (cluster, _) = try await Self.demoCluster(client, token: token)
            let hanoi = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/clusters/\(cluster)", cookie: hanoi)
            #expect(page.status == .ok && page.html.contains("id=\"join-form\"") && page.html.contains("id=\"member-history\""))
            let csrf = try #require(P.csrf(in: page.html))
            let (commune, leaving) = (
                try await client.unitId(code: "HN-X1", token: token), try await client.unitId(code: "HN-S4", token: token)
            )
            let joined = try await P.request(
                client, .post, "/clusters/\(cluster)/members", cookie: hanoi,
                form: ["_csrf": csrf, "action": "join", "unitId": String(commune), "date": "2026-02-01"])
            #expect(Self.redirected(joined))
            let left = try await P.request(
                client, .post, "/clusters/\(cluster)/members", cookie: hanoi,
                form: ["_csrf": csrf, "action": "leave", "unitId": String(leaving), "date": "2026-03-01"])
            #expect(Self.redirected(left))
            let again = try await P.request(
                client, .post, "/clusters/\(cluster)/members", cookie: hanoi,
                form: ["_csrf": csrf, "action": "leave", "unitId": String(leaving), "date": "2026-03-02"])
            #expect(again.status == .unprocessableContent && again.html.contains("không phải thành viên"))
            let (_, record) = try await client.json(.get, "/api/v1/clusters/\(cluster)", token: token)
            let current = (record["memberUnitIds"] as? [Int] ?? []).map(Int64.init)
            #expect(current.contains(commune) && !current.contains(leaving))
            let history = record["members"] as? [[String: Any]] ?? []
            #expect(history.contains { ($0["unitId"] as? Int).map(Int64.init) == leaving && $0["leftOn"] as? String == "2026-03-01" })
            #expect(history.contains { ($0["unitId"] as? Int).map(Int64.init) == commune && $0["joinedOn"] as? String == "2026-02-01" })
            let after = try await P.request(client, .get, "/clusters/\(cluster)", cookie: hanoi)
            #expect(after.html.contains("2026-03-01") && after.html.contains("2026-02-01"))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aSeasonOpensFromACopyOfLastYearsTable(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let (cluster, _) = try await Self.demoCluster(client, token: token)
            let hanoi = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let form = try await P.request(client, .get, "/clusters/\(cluster)/seasons/new", cookie: hanoi)
            #expect(
                form.status == .ok && form.html.contains("name=\"year\" id=\"year\" value=\"2026\"") && form.html.contains("value=\"1.1\""))
            let csrf = try #require(P.csrf(in: form.html))
            let (deputy, leader) = (
                try await client.unitId(code: "HN-S2", token: token), try await client.unitId(code: "HN-S3", token: token)
            )
            // Last year's rows as filled in, with one maximum changed (typed with a decimal comma).
            let rows = Self.formRows(form.html).map { $0.1 == "10" && $0.0.hasSuffix("_maxPoints") ? ($0.0, "12,5") : $0 }
            #expect(rows.count > 9 * 6)
            let saved = try await Self.post(
                client, "/clusters/\(cluster)/seasons/new", cookie: hanoi,
                [
                    ("_csrf", csrf), ("year", "2026"), ("leaderUnitId", String(leader)), ("deputyUnitId", String(deputy)),
                    ("mode", "verification"),
                    ("bonusCap", "5"), ("rulesText", "Quy chế 2026"), ("covenantText", ""),
                ] + rows)
            #expect(Self.redirected(saved) && saved.location?.hasSuffix("/setup") == true)
            let (_, record) = try await client.json(.get, "/api/v1/clusters/\(cluster)", token: token)
            let season = try #require((record["seasons"] as? [[String: Any]])?.first { $0["year"] as? Int == 2026 }?["id"] as? Int)
            let (_, created) = try await client.json(.get, "/api/v1/seasons/\(season)", token: token)
            let criteria = created["criteria"] as? [[String: Any]] ?? []
            #expect(criteria.count == 9 && (criteria.map { $0["code"] as? String ?? "" }).contains("D1"))
            #expect(criteria.contains { $0["code"] as? String == "1.3" && ($0["maxPoints"] as? Double) == 12.5 })
            #expect(criteria.first?["sectionTitle"] as? String == "Thực hiện nhiệm vụ chính trị")
            #expect((created["leaderUnitId"] as? Int).map(Int64.init) == leader && created["rulesText"] as? String == "Quy chế 2026")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aNegativeMaximumOrADuplicateCodeIsRefused(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let (cluster, _) = try await Self.demoCluster(client, token: token)
            let hanoi = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let csrf = try #require(P.csrf(in: try await P.request(client, .get, "/clusters/\(cluster)/seasons/new", cookie: hanoi).html))
            let (leader, deputy) = (
                try await client.unitId(code: "HN-S2", token: token), try await client.unitId(code: "HN-S3", token: token)
            )
            let row = { (index: Int, code: String, max: String) -> [(String, String)] in
                [
                    ("c\(index)_section", "A"), ("c\(index)_code", code), ("c\(index)_title", "Tiêu chí \(code)"),
                    ("c\(index)_maxPoints", max),
                    ("c\(index)_kind", "criterion"),
                ]
            }
            let refused = try await Self.post(
                client, "/clusters/\(cluster)/seasons/new", cookie: hanoi,
                [
                    ("_csrf", csrf), ("year", "2026"), ("leaderUnitId", String(leader)), ("deputyUnitId", String(deputy)),
                    ("mode", "verification"),
                    ("rows", "4"), ("c1_kind", "criterion"),
                ] + row(0, "A1", "-5") + row(2, "A2", "10") + row(3, "A2", "abc"))
            #expect(refused.status == .unprocessableContent)
            #expect(
                refused.html.contains("phải lớn hơn 0") && refused.html.contains("Mã A2 bị lặp")
                    && refused.html.contains("Kiểu dữ liệu không đúng"))
            #expect(refused.html.contains("value=\"-5\""))
            let (_, record) = try await client.json(.get, "/api/v1/clusters/\(cluster)", token: token)
            #expect((record["seasons"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theCovenantIsSignedTargetsCountAndTheConferenceIsRecorded(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let (_, season) = try await Self.demoCluster(client, token: token)
            let units = [
                try await client.unitId(code: "HN-S1", token: token), try await client.unitId(code: "HN-S2", token: token),
                try await client.unitId(code: "HN-S3", token: token),
            ]
            let hanoi = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/seasons/\(season)/setup", cookie: hanoi)
            #expect(
                page.status == .ok && page.html.contains("id=\"save-covenant\"") && page.html.contains("/setup\" aria-current=\"page\""))
            let csrf = try #require(P.csrf(in: page.html))
            let signed = try await Self.post(
                client, "/seasons/\(season)/setup/covenant", cookie: hanoi,
                [
                    ("_csrf", csrf), ("rulesText", "Điều 1. Phạm vi.\r\nĐiều 2. Thành viên."),
                    ("covenantText", "Giao ước thi đua năm 2025"),
                    ("signedOn", "2025-02-15"), ("signedUnitIds", String(units[0])), ("signedUnitIds", String(units[1])),
                ])
            #expect(Self.redirected(signed))
            let (_, record) = try await client.json(.get, "/api/v1/seasons/\(season)", token: token)
            #expect(
                record["covenantSignedOn"] as? String == "2025-02-15"
                    && record["rulesText"] as? String == "Điều 1. Phạm vi.\nĐiều 2. Thành viên.")
            let signers = (record["members"] as? [[String: Any]] ?? []).filter { $0["signedCovenant"] as? Bool == true }.compactMap {
                $0["unitId"] as? Int
            }
            #expect(Set(signers.map(Int64.init)) == Set(units.prefix(2)))

            // A member's officer edits its own targets, not another member's.
            let member = try await P.signIn(client, "canbo.sogiaoduc.hanoi", "laurel-demo")
            let own = try await P.request(client, .get, "/seasons/\(season)/setup", cookie: member)
            #expect(
                own.html.contains("save-targets-\(units[2])") && !own.html.contains("save-targets-\(units[0])")
                    && !own.html.contains("save-covenant"))
            let memberCSRF = try #require(P.csrf(in: own.html))
            let targets = try await P.request(
                client, .post, "/seasons/\(season)/setup/targets/\(units[2])", cookie: member,
                form: [
                    "_csrf": memberCSRF, "rows": "5",
                    "t0_code": "CT1", "t0_title": "Giải ngân vốn đầu tư", "t0_measure": "%", "t0_planned": "95", "t0_actual": "97,5",
                    "t0_direction": "at_least",
                    "t1_code": "CT2", "t1_title": "Hồ sơ trễ hạn", "t1_measure": "hồ sơ", "t1_planned": "5", "t1_actual": "3",
                    "t1_direction": "at_most",
                    "t2_code": "CT3", "t2_title": "Trường đạt chuẩn", "t2_planned": "10", "t2_direction": "at_least",
                    "t3_direction": "at_least",
                ])
            #expect(Self.redirected(targets))
            let counted = try await P.request(client, .get, "/seasons/\(season)/setup", cookie: member)
            #expect(counted.html.contains("Đạt 2/3 chỉ tiêu") && counted.html.contains("value=\"97.5\""))
            let (_, after) = try await client.json(.get, "/api/v1/seasons/\(season)", token: token)
            let summary =
                (after["members"] as? [[String: Any]])?.first { ($0["unitId"] as? Int).map(Int64.init) == units[2] }?["targets"]
                as? [String: Any]
            #expect(summary?["met"] as? Int == 2 && summary?["total"] as? Int == 3)
            let notYours = try await P.request(
                client, .post, "/seasons/\(season)/setup/targets/\(units[0])", cookie: member,
                form: ["_csrf": memberCSRF, "rows": "1", "t0_code": "X", "t0_title": "X", "t0_planned": "1"])
            #expect(notYours.status == .forbidden)
            let duplicate = try await P.request(
                client, .post, "/seasons/\(season)/setup/targets/\(units[2])", cookie: member,
                form: [
                    "_csrf": memberCSRF, "rows": "2", "t0_code": "CT1", "t0_title": "A", "t0_planned": "1", "t1_code": "CT1",
                    "t1_title": "B", "t1_planned": "x",
                ])
            #expect(
                duplicate.status == .unprocessableContent && duplicate.html.contains("Chỉ tiêu CT1 bị lặp")
                    && duplicate.html.contains("Kiểu dữ liệu không đúng"))

            // The summary conference, by the organiser.
            let badDate = try await P.request(
                client, .post, "/seasons/\(season)/setup/conference", cookie: hanoi,
                form: ["_csrf": csrf, "date": "20/12/2025", "venue": "Hội trường"])
            #expect(badDate.status == .unprocessableContent && badDate.html.contains("Ngày không hợp lệ"))
            let conference = try await P.request(
                client, .post, "/seasons/\(season)/setup/conference", cookie: hanoi,
                form: ["_csrf": csrf, "date": "2025-12-20", "venue": "Hội trường UBND Thành phố", "attendance": "Đại diện 4 sở"])
            #expect(Self.redirected(conference))
            let (_, final) = try await client.json(.get, "/api/v1/seasons/\(season)", token: token)
            #expect(final["conferenceOn"] as? String == "2025-12-20" && final["conferenceVenue"] as? String == "Hội trường UBND Thành phố")
            let (_, audit) = try await client.json(
                .get, "/api/v1/audit?entity=season&entityId=\(season)", token: try await client.token("admin", "laurel-admin"))
            #expect((audit["total"] as? Int ?? 0) >= 3)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func anotherProvinceSeesNothingAndAnAuditorChangesNothing(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let (cluster, season) = try await Self.demoCluster(client, token: token)
            let danang = try await P.signIn(client, "canbo.danang", "laurel-demo")
            for path in ["/clusters/\(cluster)", "/clusters/\(cluster)/seasons/new", "/seasons/\(season)/setup"] {
                #expect(try await P.request(client, .get, path, cookie: danang).status == .notFound, "\(path)")
            }
            let danangCSRF = try #require(P.csrf(in: try await P.request(client, .get, "/clusters", cookie: danang).html))
            let foreign = try await P.request(
                client, .post, "/seasons/\(season)/setup/conference", cookie: danang,
                form: ["_csrf": danangCSRF, "date": "2025-12-20"])
            #expect(foreign.status == .notFound)
            let joinForeign = try await P.request(
                client, .post, "/clusters/\(cluster)/members", cookie: danang,
                form: ["_csrf": danangCSRF, "action": "leave", "unitId": "1", "date": "2026-01-01"])
            #expect(joinForeign.status == .notFound)

            let auditor = try await P.signIn(client, "kiemtra.hanoi", "laurel-demo")
            let list = try await P.request(client, .get, "/clusters", cookie: auditor)
            #expect(list.status == .ok && !list.html.contains("href=\"/clusters/new\""))
            #expect(try await P.request(client, .get, "/clusters/new", cookie: auditor).status == .forbidden)
            let view = try await P.request(client, .get, "/seasons/\(season)/setup", cookie: auditor)
            #expect(view.status == .ok && !view.html.contains("save-covenant") && !view.html.contains("save-targets"))
            let csrf = try #require(P.csrf(in: view.html))
            #expect(
                try await P.request(client, .post, "/clusters/new", cookie: auditor, form: ["_csrf": csrf, "code": "X"]).status
                    == .forbidden)
            #expect(
                try await P.request(
                    client, .post, "/seasons/\(season)/setup/covenant", cookie: auditor,
                    form: ["_csrf": csrf, "rulesText": "x"]
                ).status == .forbidden)
            #expect(
                try await P.request(
                    client, .post, "/clusters/\(cluster)/members", cookie: auditor,
                    form: ["_csrf": csrf, "action": "leave", "unitId": "1"]
                ).status == .forbidden)
            let (_, record) = try await client.json(.get, "/api/v1/seasons/\(season)", token: token)
            #expect(record["rulesText"] as? String != "x")
            // A member's officer (not the organiser's) may not open a season.
            let member = try await P.signIn(client, "canbo.sogiaoduc.hanoi", "laurel-demo")
            #expect(try await P.request(client, .get, "/clusters/\(cluster)/seasons/new", cookie: member).status == .forbidden)
        }
    }
}
