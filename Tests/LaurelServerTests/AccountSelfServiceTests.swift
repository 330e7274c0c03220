import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDomain
import LaurelServer
import LaurelTestSupport
import Testing

/// Issue 14 point 9: saving an account page keeps its user signed in, nobody changes their own
/// role, unit or activity, everyone changes their own password, an API token revokes itself, and
/// a password bcrypt would cut is refused.
@Suite struct AccountSelfServiceTests {
    typealias P = PageTests

    static func account(_ client: any TestClientProtocol, _ username: String, admin: String) async throws -> [String: Any] {
        let (_, list) = try await client.json(.get, "/api/v1/accounts?q=\(username)", token: admin)
        return try #require((list["items"] as? [[String: Any]])?.first { $0["username"] as? String == username })
    }

    /// Whether a bearer token still opens the API (a member of staff may not list units: 403, not 401).
    static func works(_ client: any TestClientProtocol, _ token: String) async throws -> Bool {
        try await client.json(.get, "/api/v1/units?per=1", token: token).0 != .unauthorized
    }

    @Test(arguments: TestDatabases.kinds)
    func savingAnAccountPageUnchangedKeepsItsUserSignedIn(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let danang = try await client.token("canbo.danang", "laurel-demo")
            let account = try await Self.account(client, "canbo.danang", admin: admin)
            let id = try #require(account["id"] as? Int)
            let unitId = try #require(account["unitId"] as? Int)
            let cookie = try await P.signIn(client, "admin", "laurel-admin")
            let form = try await P.request(client, .get, "/accounts/\(id)", cookie: cookie)
            #expect(form.html.contains("name=\"activeShown\" value=\"1\""))
            let csrf = try #require(P.csrf(in: form.html))
            // The page as the browser sends it back untouched: the same role, unit and ticked box.
            let same = ["_csrf": csrf, "role": "officer", "unitId": String(unitId), "active": "on", "activeShown": "1", "password": ""]
            let saved = try await P.request(client, .post, "/accounts/\(id)", cookie: cookie, form: same)
            #expect(saved.status == .ok)
            #expect(try await Self.works(client, danang), "an unchanged save signed the user out")
            // A form without the box (and without its marker) leaves the account active.
            let noBox = try await P.request(
                client, .post, "/accounts/\(id)", cookie: cookie,
                form: ["_csrf": csrf, "role": "officer", "unitId": String(unitId)])
            #expect(noBox.status == .ok)
            #expect(try await Self.works(client, danang))
            #expect(try await client.json(.get, "/api/v1/accounts/\(id)", token: admin).1["active"] as? Bool == true)
            // The box shown and left unticked deactivates, and that signs the user out.
            let unticked = try await P.request(
                client, .post, "/accounts/\(id)", cookie: cookie,
                form: ["_csrf": csrf, "role": "officer", "unitId": String(unitId), "activeShown": "1"])
            #expect(unticked.status == .ok)
            #expect(try await client.json(.get, "/api/v1/accounts/\(id)", token: admin).1["active"] as? Bool == false)
            #expect(try await Self.works(client, danang) == false)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aRoleChangeSignsTheUserOutButAnUnchangedPatchDoesNot(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let hanoi = try await client.token("kiemtra.hanoi", "laurel-demo")
            let account = try await Self.account(client, "kiemtra.hanoi", admin: admin)
            let id = try #require(account["id"] as? Int)
            let unitId = try #require(account["unitId"] as? Int)
            let (same, _) = try await client.json(
                .patch, "/api/v1/accounts/\(id)", token: admin,
                body: ["role": "auditor", "unitId": unitId, "active": true])
            #expect(same == .ok)
            #expect(try await Self.works(client, hanoi))
            let (changed, body) = try await client.json(.patch, "/api/v1/accounts/\(id)", token: admin, body: ["role": "leader"])
            #expect(changed == .ok && body["role"] as? String == "leader")
            #expect(try await Self.works(client, hanoi) == false)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func nobodyChangesTheirOwnRoleUnitOrActivity(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let own = try await Self.account(client, "canbo.hanoi", admin: admin)
            let id = try #require(own["id"] as? Int)
            let unitId = try #require(own["unitId"] as? Int)
            let department = try await client.unitId(code: "HN-S1", token: officer)
            for body: [String: Any?] in [["unitId": department], ["role": "auditor"], ["active": false]] {
                let (status, answer) = try await client.json(.patch, "/api/v1/accounts/\(id)", token: officer, body: body)
                #expect(status == .forbidden, "\(body) gave \(status)")
                #expect((answer.error["message"] as? String)?.contains("của mình") == true)
            }
            let (_, english) = try await client.json(
                .patch, "/api/v1/accounts/\(id)", token: officer, body: ["unitId": department], language: "en")
            #expect((english.error["message"] as? String)?.contains("your own") == true)
            // The same by page; the page of one's own account shows none of these fields.
            let cookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let form = try await P.request(client, .get, "/accounts/\(id)", cookie: cookie)
            #expect(form.status == .ok && !form.html.contains("name=\"activeShown\"") && !form.html.contains("name=\"unitId\""))
            #expect(form.html.contains("href=\"/account/password\""))
            let csrf = try #require(P.csrf(in: form.html))
            let moved = try await P.request(
                client, .post, "/accounts/\(id)", cookie: cookie,
                form: ["_csrf": csrf, "role": "officer", "unitId": String(department)])
            #expect(moved.status == .forbidden && moved.html.contains("của mình"))
            // An administrator cannot move their own account either.
            let adminAccount = try await Self.account(client, "admin", admin: admin)
            let (adminMove, _) = try await client.json(
                .patch, "/api/v1/accounts/\(try #require(adminAccount["id"] as? Int))", token: admin,
                body: ["unitId": department])
            #expect(adminMove == .forbidden)
            let after = try await Self.account(client, "canbo.hanoi", admin: admin)
            #expect(after["unitId"] as? Int == unitId && after["role"] as? String == "officer" && after["active"] as? Bool == true)
            #expect(try await Self.works(client, officer))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func everySignedInUserChangesTheirOwnPasswordByPage(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            for username in ["kiemtra.hanoi", "lanhdao.laocai", "nhanvien.hanoi"] {
                let other = try await P.signIn(client, username, "laurel-demo")
                let otherToken = try await client.token(username, "laurel-demo")
                let cookie = try await P.signIn(client, username, "laurel-demo")
                let form = try await P.request(client, .get, "/account/password", cookie: cookie)
                #expect(form.status == .ok)
                #expect(form.html.contains("<a href=\"/account/password\""), "\(username) has no link to the password page")
                let csrf = try #require(P.csrf(in: form.html))
                let wrong = try await P.request(
                    client, .post, "/account/password", cookie: cookie,
                    form: [
                        "_csrf": csrf, "currentPassword": "not-the-password", "newPassword": "a-new-password-1",
                        "repeatPassword": "a-new-password-1",
                    ])
                #expect(wrong.status == .unprocessableContent && wrong.html.contains("Mật khẩu hiện tại không đúng"))
                let mismatch = try await P.request(
                    client, .post, "/account/password", cookie: cookie,
                    form: [
                        "_csrf": csrf, "currentPassword": "laurel-demo", "newPassword": "a-new-password-1",
                        "repeatPassword": "a-new-password-2",
                    ])
                #expect(mismatch.status == .unprocessableContent)
                #expect(try await Self.works(client, otherToken), "a refused change must change nothing")
                let done = try await P.request(
                    client, .post, "/account/password", cookie: cookie,
                    form: [
                        "_csrf": csrf, "currentPassword": "laurel-demo", "newPassword": "a-new-password-1",
                        "repeatPassword": "a-new-password-1",
                    ])
                #expect(done.status == .ok && done.html.contains("Đã đổi mật khẩu"))
                // This session goes on; the user's other session and API token are signed out.
                #expect(try await P.request(client, .get, "/account/password", cookie: cookie).status == .ok)
                #expect(try await P.request(client, .get, "/account/password", cookie: other).status == .found)
                #expect(try await Self.works(client, otherToken) == false)
                #expect(
                    try await client.json(.post, "/api/v1/auth/token", body: ["username": username, "password": "laurel-demo"]).0
                        == .unauthorized)
                _ = try await client.token(username, "a-new-password-1")
            }
            let admin = try await client.token("admin", "laurel-admin")
            let (_, log) = try await client.json(.get, "/api/v1/audit?entity=account&per=100", token: admin)
            let changes = (log["items"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == "password_changed" }
            #expect(changes.count == 3)
            let text = String(data: try JSONSerialization.data(withJSONObject: changes), encoding: .utf8) ?? ""
            #expect(!text.contains("a-new-password-1") && !text.contains("$2"))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theAPIChangesTheCallersPasswordAndKeepsTheCallingToken(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("lanhdao.laocai", "laurel-demo")
            let other = try await client.token("lanhdao.laocai", "laurel-demo")
            let (wrong, body) = try await client.json(
                .post, "/api/v1/auth/password", token: token,
                body: ["currentPassword": "not-the-password", "newPassword": "a-new-password-1"])
            #expect(wrong == .unprocessableContent && body.error["field"] as? String == "currentPassword")
            #expect((body.error["message"] as? String)?.contains("Mật khẩu hiện tại không đúng") == true)
            let (short, _) = try await client.json(
                .post, "/api/v1/auth/password", token: token,
                body: ["currentPassword": "laurel-demo", "newPassword": "short"])
            #expect(short == .unprocessableContent)
            #expect(try await Self.works(client, other))
            let (done, _) = try await client.json(
                .post, "/api/v1/auth/password", token: token,
                body: ["currentPassword": "laurel-demo", "newPassword": "a-new-password-1"])
            #expect(done == .noContent)
            #expect(try await Self.works(client, token))
            #expect(try await Self.works(client, other) == false)
            _ = try await client.token("lanhdao.laocai", "a-new-password-1")
            #expect(
                try await client.json(.post, "/api/v1/auth/password", body: ["currentPassword": "x", "newPassword": "y"]).0 == .unauthorized
            )
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func anAPITokenRevokesItself(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let other = try await client.token("canbo.hanoi", "laurel-demo")
            let (status, _) = try await client.json(.delete, "/api/v1/auth/token", token: token)
            #expect(status == .noContent)
            #expect(try await client.json(.get, "/api/v1/units?per=1", token: token).0 == .unauthorized)
            #expect(try await client.json(.delete, "/api/v1/auth/token", token: token).0 == .unauthorized)
            #expect(try await Self.works(client, other))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aPasswordLongerThanBcryptReadsIsRefusedWhereverOneIsSet(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let unit = try await client.unitId(code: "HN", token: admin)
            let tooLong = String(repeating: "ạ", count: 25)  // 25 characters, 75 UTF-8 bytes
            let longest = String(repeating: "x", count: 72)
            let (created, body) = try await client.json(
                .post, "/api/v1/accounts", token: admin,
                body: ["username": "long.pass", "password": tooLong, "role": "auditor", "unitId": unit])
            #expect(created == .unprocessableContent && body.error["field"] as? String == "password")
            #expect((body.error["message"] as? String)?.contains("72") == true)
            let (ok, account) = try await client.json(
                .post, "/api/v1/accounts", token: admin,
                body: ["username": "long.pass", "password": longest, "role": "auditor", "unitId": unit])
            #expect(ok == .created)
            let id = try #require(account["id"] as? Int)
            #expect(
                try await client.json(.patch, "/api/v1/accounts/\(id)", token: admin, body: ["password": tooLong]).0
                    == .unprocessableContent)
            let token = try await client.token("long.pass", longest)
            let (changed, english) = try await client.json(
                .post, "/api/v1/auth/password", token: token,
                body: ["currentPassword": longest, "newPassword": tooLong], language: "en")
            #expect(changed == .unprocessableContent && (english.error["message"] as? String)?.contains("72 bytes") == true)
            // The pages: creating an account, and changing one's own password.
            let cookie = try await P.signIn(client, "admin", "laurel-admin")
            let form = try await P.request(client, .get, "/accounts/new", cookie: cookie)
            let csrf = try #require(P.csrf(in: form.html))
            let page = try await P.request(
                client, .post, "/accounts", cookie: cookie,
                form: ["_csrf": csrf, "username": "long.page", "password": tooLong, "role": "auditor", "unitId": String(unit)])
            #expect(page.status == .unprocessableContent && page.html.contains("72 byte"))
            let own = try await P.request(
                client, .post, "/account/password", cookie: cookie,
                form: ["_csrf": csrf, "currentPassword": "laurel-admin", "newPassword": tooLong, "repeatPassword": tooLong])
            #expect(own.status == .unprocessableContent && own.html.contains("72 byte"))
            // What the command line and every form share.
            var errors: [DomainError] = []
            _ = AuthService.checkPassword(tooLong, into: &errors)
            #expect(errors.map(\.key) == ["error.password_too_long"] && errors.first?.arguments == ["72"])
            errors = []
            _ = AuthService.checkPassword(longest, into: &errors)
            #expect(errors.isEmpty)
        }
    }
}
