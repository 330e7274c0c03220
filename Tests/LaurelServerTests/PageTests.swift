import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDomain
import LaurelServer
import LaurelTestSupport
import NIOCore
import Testing

/// The pages, as a browser without JavaScript uses them: forms, cookies, CSRF tokens.
@Suite struct PageTests {
    struct Page: Sendable {
        let status: HTTPResponse.Status
        let html: String
        let location: String?
        let setCookie: String?
    }

    static func request(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, cookie: String? = nil, form: [String: String]? = nil
    ) async throws -> Page {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            body = ByteBuffer(
                string: form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
            Page(
                status: response.status, html: String(buffer: response.body), location: response.headers[.location],
                setCookie: response.headers[.setCookie])
        }
    }

    /// Posts the sign-in form as a browser does: the form's double-submit token, and its cookie.
    static func postLogin(_ client: any TestClientProtocol, _ username: String, _ password: String, next: String = "/") async throws -> Page
    {
        let form = try await request(client, .get, "/login")
        let token = try #require(csrf(in: form.html))
        let cookie = try #require(form.setCookie.map { String($0.split(separator: ";")[0]) })
        return try await request(
            client, .post, "/login", cookie: cookie,
            form: ["username": username, "password": password, "next": next, "_csrf": token])
    }

    static func signIn(_ client: any TestClientProtocol, _ username: String, _ password: String) async throws -> String {
        let page = try await postLogin(client, username, password)
        let cookie = try #require(page.setCookie)
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        return String(cookie.split(separator: ";")[0])
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func signInShowsTheDashboardWithRealCounts() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let anonymous = try await Self.request(client, .get, "/")
            #expect(anonymous.status == .found && anonymous.location?.hasPrefix("/login") == true)
            let failed = try await Self.postLogin(client, "admin", "wrong")
            #expect(failed.status == .unauthorized && failed.html.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            let cookie = try await Self.signIn(client, "admin", "laurel-admin")
            let dashboard = try await Self.request(client, .get, "/", cookie: cookie)
            #expect(dashboard.status == .ok)
            #expect(dashboard.html.contains("<span class=\"num\" id=\"count-units\">45</span>"))
            #expect(dashboard.html.contains("<span class=\"num\" id=\"count-people\">300</span>"))
            let english = try await Self.request(client, .get, "/", cookie: cookie + "; laurel_lang=en")
            #expect(english.html.contains("Dashboard") && english.html.contains("Active units"))
        }
    }

    @Test func formsNeedTheSessionsCSRFTokenAndShowFieldErrors() async throws {
        try await TestApp.run(.sqlite) { client, database in
            let cookie = try await Self.signIn(client, "canbo.hanoi", "laurel-demo")
            let form = try await Self.request(client, .get, "/units/new", cookie: cookie)
            let token = try #require(Self.csrf(in: form.html))
            let select = try #require(form.html.range(of: "id=\"parentId\">"))
            let parent = try #require(
                form.html[select.upperBound...].range(of: "<option value=\"").map {
                    String(form.html[$0.upperBound...].prefix { $0 != "\"" })
                })
            let fields = ["code": "HN-NEW", "name": "Phòng Thi đua", "kind": "department", "level": "provincial", "parentId": parent]
            let noToken = try await Self.request(client, .post, "/units", cookie: cookie, form: fields)
            #expect(noToken.status == .forbidden)
            var forged = fields
            forged["_csrf"] = "forged"
            #expect(try await Self.request(client, .post, "/units", cookie: cookie, form: forged).status == .forbidden)
            var invalid = fields
            invalid["_csrf"] = token
            invalid["name"] = ""
            let refused = try await Self.request(client, .post, "/units", cookie: cookie, form: invalid)
            #expect(refused.status == .unprocessableContent && refused.html.contains("Trường này là bắt buộc."))
            var good = fields
            good["_csrf"] = token
            let created = try await Self.request(client, .post, "/units", cookie: cookie, form: good)
            #expect(created.status == .seeOther)
            let shown = try await Self.request(client, .get, try #require(created.location), cookie: cookie)
            #expect(shown.html.contains("Phòng Thi đua"))
        }
    }

    @Test func aForgedSessionIsSentToSignInAndAnotherProvinceIsNotShown() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let forged = try await Self.request(client, .get, "/units", cookie: "laurel_session=not-a-session")
            #expect(forged.status == .found && forged.location?.hasPrefix("/login") == true)
            let admin = try await Self.signIn(client, "admin", "laurel-admin")
            let list = try await Self.request(client, .get, "/units?q=da%20nang", cookie: admin)
            let link = try #require(
                list.html.range(of: "<a href=\"/units/").map { String(list.html[$0.upperBound...].prefix { $0 != "\"" }) })
            let hanoi = try await Self.signIn(client, "canbo.hanoi", "laurel-demo")
            let denied = try await Self.request(client, .get, "/units/\(link)", cookie: hanoi)
            #expect(denied.status == .notFound && !denied.html.contains("Đà Nẵng"))
        }
    }

    @Test func peopleSearchIgnoresAccents() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let cookie = try await Self.signIn(client, "admin", "laurel-admin")
            let page = try await Self.request(client, .get, "/people?q=nguyen%20van", cookie: cookie)
            #expect(page.status == .ok && page.html.contains("Nguyễn Văn"))
            #expect(!page.html.contains("Trần Thị"))
        }
    }

    @Test func signInIsThrottledAfterRepeatedFailures() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            for _ in 0..<5 { _ = try await Self.postLogin(client, "canbo.danang", "wrong-password") }
            let locked = try await Self.postLogin(client, "canbo.danang", "laurel-demo")
            #expect(locked.status == .tooManyRequests && locked.setCookie?.contains("laurel_session") != true)
        }
    }
}

/// Every string the interface shows comes from the localisation files, in both languages.
@Suite struct LocalisationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let resources = root.appendingPathComponent("Sources/LaurelServer/Resources")

    static func table(_ name: String) throws -> [String: String] {
        try Localisation.load(directory: resources.appendingPathComponent("Localisation")).table(AppLocale(rawValue: name)!)
    }

    @Test func bothLanguagesHaveTheSameKeys() throws {
        #expect(Set(try Self.table("vi").keys) == Set(try Self.table("en").keys))
    }

    @Test func everyKeyUsedInTemplatesAndCodeExists() throws {
        let vi = try Self.table("vi")
        var missing: [String] = []
        let templates = try FileManager.default.contentsOfDirectory(atPath: Self.resources.appendingPathComponent("Templates").path)
        for file in templates {
            let text = try String(contentsOf: Self.resources.appendingPathComponent("Templates/\(file)"), encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([a-z_.]+)\}\}/) where vi[String(match.1)] == nil {
                missing.append("\(file): \(match.1)")
            }
        }
        let sources = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("Sources").path)!
        for case let path as String in sources
        where path.hasSuffix(".swift") {
            let text = try String(contentsOf: Self.root.appendingPathComponent("Sources/\(path)"), encoding: .utf8)
            // A key ending in "_" is the stem of keys made in code ("error.score_" + reason): checked below.
            for match in text.matches(of: /"(error\.[a-z_]+)"/) where vi[String(match.1)] == nil && !match.1.hasSuffix("_") {
                missing.append("\(path): \(match.1)")
            }
        }
        let reasons: [ScoreIssue.Reason] = [
            .aboveMax(1), .negative, .positiveDeduction, .deductionBeyondMax(1),
            .bonusCapExceeded(total: 1, cap: 1), .unknownCriterion, .missing,
        ]
        for reason in reasons where vi["error.score_" + reason.code] == nil { missing.append("score issue: error.score_\(reason.code)") }
        // The dossiers' keys made in code: one per document kind, status, kind and timeline event.
        var composed = DocumentKind.allCases.map { "error.nomination_missing_" + $0.rawValue }
        composed += DocumentKind.allCases.map { "document_kind_" + $0.rawValue }
        composed += NominationStatus.allCases.map { "nomination_status_" + $0.rawValue }
        composed += NominationKind.allCases.map { "nomination_kind_" + $0.rawValue }
        composed += NominationEvent.Kind.allCases.map { "nomination_event_" + $0.rawValue }
        composed += ["created", "document", "submit", "review", "approve", "return", "reject"].map { "nomination_done_" + $0 }
        missing += composed.filter { vi[$0] == nil }
        #expect(missing.isEmpty, "\(missing)")
    }
}

extension PageTests {
    @Test func aSearchFormSendsSpacesAsPlusSigns() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let cookie = try await Self.signIn(client, "admin", "laurel-admin")
            let plus = try await Self.request(client, .get, "/people?q=nguyen+van&unitId=", cookie: cookie)
            let encoded = try await Self.request(client, .get, "/people?q=nguyen%20van", cookie: cookie)
            #expect(plus.html.contains("Nguyễn Văn"))
            #expect(plus.html == encoded.html)
        }
    }
}

extension PageTests {
    @Test func aPersonsPageShowsEligibilityAndRegistrations() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let (_, people) = try await client.json(.get, "/api/v1/people?unitId=\(unit)&per=1", token: token)
            let person = try #require((people["items"] as? [[String: Any]])?.first?["id"] as? Int)
            let (status, _) = try await client.json(
                .put, "/api/v1/registrations/\(unit)/2027", token: token,
                body: ["collective": ["TTLDTT"], "individuals": [["personId": person, "code": "CSTDCS"]]])
            #expect(status.code < 300)
            let cookie = try await Self.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await Self.request(client, .get, "/people/\(person)", cookie: cookie)
            #expect(page.html.contains("id=\"eligibility-panel\"") && page.html.contains("Lao động tiên tiến"))
            #expect(
                page.html.contains("id=\"registrations\"")
                    && page.html.contains("Chiến sĩ thi đua cơ sở <span class=\"code\">CSTDCS</span>"))
        }
    }
}

extension PageTests {
    @Test func anAdminChangesAnAccountFromItsPage() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let (_, list) = try await client.json(.get, "/api/v1/accounts?q=canbo.danang", token: admin)
            let account = try #require((list["items"] as? [[String: Any]])?.first)
            let id = try #require(account["id"] as? Int)
            let unitId = try #require(account["unitId"] as? Int)
            let cookie = try await Self.signIn(client, "admin", "laurel-admin")
            let form = try await Self.request(client, .get, "/accounts/\(id)", cookie: cookie)
            let token = try #require(Self.csrf(in: form.html))
            let short = try await Self.request(
                client, .post, "/accounts/\(id)", cookie: cookie,
                form: ["_csrf": token, "role": "officer", "unitId": String(unitId), "active": "on", "password": "short"])
            #expect(short.status == .unprocessableContent && short.html.contains("ít nhất 10 ký tự"))
            let saved = try await Self.request(
                client, .post, "/accounts/\(id)", cookie: cookie,
                form: ["_csrf": token, "role": "auditor", "unitId": String(unitId), "activeShown": "1", "password": "a-new-password-1"])
            #expect(saved.status == .ok && saved.html.contains("Đã lưu."))
            // Deactivated (the box was left unticked): the old password and the new one both fail.
            #expect(
                try await client.json(.post, "/api/v1/auth/token", body: ["username": "canbo.danang", "password": "a-new-password-1"]).0
                    == .unauthorized)
            let (_, after) = try await client.json(.get, "/api/v1/accounts/\(id)", token: admin)
            #expect(after["role"] as? String == "auditor" && after["active"] as? Bool == false)
            // An officer of Hà Nội cannot see Đà Nẵng's account page at all.
            let hanoi = try await Self.signIn(client, "canbo.hanoi", "laurel-demo")
            #expect(try await Self.request(client, .get, "/accounts/\(id)", cookie: hanoi).status == .notFound)
        }
    }
}

extension LocalisationTests {
    /// Every action and kind of record the stores write to the audit log has a label in both
    /// languages, so the log and the dashboard never show `action_vote` or `entity_award`. The
    /// actions are read from the stores' source (literals, the two sides of a choice, and
    /// `action = "…"`), with those made from a value: a movement's steps and the sign-in outcomes.
    @Test func everyAuditActionAndRecordKindHasALabel() throws {
        let tables = [try Self.table("vi"), try Self.table("en")]
        var actions: Set<String> = Set(MovementStatus.allCases.filter { $0 != .draft }.map(\.rawValue))
        actions.formUnion(["sign_in", "sign_in_failed", "sign_in_throttled", "set_setting", "remove_setting"])
        var entities: Set<String> = []
        let stores = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("Sources/LaurelStore").path)!
        for case let path as String in stores where path.hasSuffix(".swift") {
            let text = try String(contentsOf: Self.root.appendingPathComponent("Sources/LaurelStore/\(path)"), encoding: .utf8)
            for match in text.matches(of: /action: "([a-z_]+)"/) where !match.1.hasSuffix("_") { actions.insert(String(match.1)) }
            for match in text.matches(of: /action = "([a-z_]+)"/) { actions.insert(String(match.1)) }
            for match in text.matches(of: /action: [^,\n]*\? "([a-z_]+)" : "([a-z_]+)"/) {
                actions.insert(String(match.1))
                actions.insert(String(match.2))
            }
            for match in text.matches(of: /entity: "([a-z_]+)"/) { entities.insert(String(match.1)) }
        }
        #expect(actions.count > 40 && entities.count > 15, "the source scan found \(actions.count) actions, \(entities.count) kinds")
        var missing: [String] = []
        for table in tables {
            missing += actions.sorted().filter { table["action_" + $0] == nil }.map { "action_" + $0 }
            missing += entities.sorted().filter { table["entity_" + $0] == nil }.map { "entity_" + $0 }
        }
        #expect(missing.isEmpty, "\(missing)")
    }
}
