import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LaurelStore
import LaurelTestSupport
import NIOCore
import Testing

@testable import LaurelServer

/// The sign-in throttle as a value: back-off instead of a lock, bounded memory, the owner's device
/// let through while others guess.
@Suite struct LoginThrottleTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let attacker = LoginThrottle.Client(address: "203.0.113.9", device: nil)
    let owner = LoginThrottle.Client(address: "198.51.100.7", device: "owner-device")

    @Test func backOffDoublesAfterTheFreeFailuresAndNeverBecomesAHardLock() async {
        let throttle = LoginThrottle()
        let subject = LoginThrottle.Subject.account(7)
        for i in 0..<5 {
            #expect(await throttle.wait(client: attacker, subject: subject, now: start) == nil, "free failure \(i)")
            await throttle.failed(client: attacker, subject: subject, now: start)
        }
        #expect(await throttle.wait(client: attacker, subject: subject, now: start) == 1)
        #expect(await throttle.wait(client: attacker, subject: subject, now: start.addingTimeInterval(1)) == nil)
        await throttle.failed(client: attacker, subject: subject, now: start.addingTimeInterval(1))
        #expect(await throttle.wait(client: attacker, subject: subject, now: start.addingTimeInterval(1)) == 2)
        var now = start.addingTimeInterval(1)
        for _ in 0..<30 {
            now = now.addingTimeInterval(16 * 60)
            await throttle.failed(client: attacker, subject: subject, now: now)
        }
        // The ceiling: however many failures, the next try is at most 15 minutes away.
        #expect(await throttle.wait(client: attacker, subject: subject, now: now) == 15 * 60)
    }

    @Test func theOwnersKnownDeviceSignsInWhileAnotherClientIsHeldBack() async {
        let throttle = LoginThrottle()
        let subject = LoginThrottle.Subject.account(1)
        await throttle.succeeded(client: owner, accountId: 1, now: start)
        for _ in 0..<12 { await throttle.failed(client: attacker, subject: subject, now: start) }
        #expect(await throttle.wait(client: attacker, subject: subject, now: start) != nil)
        #expect(await throttle.wait(client: owner, subject: subject, now: start) == nil)
        // The same device from a new address (a phone that moved) is still known by its cookie.
        let moved = LoginThrottle.Client(address: "192.0.2.44", device: "owner-device")
        #expect(await throttle.wait(client: moved, subject: subject, now: start) == nil)
        // A stranger from a new address is held back by the account's count.
        let stranger = LoginThrottle.Client(address: "192.0.2.45", device: "guessed")
        #expect(await throttle.wait(client: stranger, subject: subject, now: start) != nil)
    }

    @Test func sprayingNamesNeitherGrowsMemoryNorResetsARealAccountsCount() async {
        let throttle = LoginThrottle(policy: .init(capacity: 100))
        let victim = LoginThrottle.Subject.account(42)
        for _ in 0..<6 { await throttle.failed(client: attacker, subject: victim, now: start) }
        for i in 0..<5_000 {
            let client = LoginThrottle.Client(address: "10.\(i / 250).\(i % 250).1", device: nil)
            await throttle.failed(client: client, subject: .unknown("user\(i)"), now: start)
        }
        #expect(await throttle.tableSizes.clients <= 100)
        #expect(await throttle.tableSizes.unknownNames <= 100)
        let fresh = LoginThrottle.Client(address: "192.0.2.1", device: nil)
        #expect(await throttle.wait(client: fresh, subject: victim, now: start) != nil)
    }

    @Test func aClientIsHeldBackAcrossNamesAndCountsAreForgottenAfterADay() async {
        let throttle = LoginThrottle()
        for i in 0..<20 { await throttle.failed(client: attacker, subject: .unknown("name\(i)"), now: start) }
        #expect(await throttle.wait(client: attacker, subject: .unknown("another"), now: start) != nil)
        #expect(await throttle.wait(client: attacker, subject: .unknown("another"), now: start.addingTimeInterval(25 * 3600)) == nil)
    }
}

/// Sign-in over HTTP: nothing stored for impossible names, unknown names cost a bcrypt, sign-ins
/// audited, the form protected against login CSRF, redirects kept on the site.
@Suite struct SignInHardeningTests {
    typealias P = PageTests

    @Test func hugeUsernamesAndPasswordsAreRefusedBeforeAnythingIsStored() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let big = String(repeating: "a", count: 256 << 10)
            let (status, body) = try await client.json(.post, "/api/v1/auth/token", body: ["username": big, "password": "x"])
            #expect(status == .contentTooLarge && body.error["code"] as? String == "payload_too_large")
            let (shape, _) = try await client.json(
                .post, "/api/v1/auth/token", body: ["username": String(repeating: "é", count: 100), "password": "x"])
            #expect(shape == .unauthorized)
            let page = try await P.request(client, .post, "/login", form: ["username": big, "password": "x"])
            #expect(page.status == .contentTooLarge)
        }
    }

    @Test func anUnknownNameIsAnsweredAsAWrongPasswordIs() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let (unknown, unknownBody) = try await client.json(
                .post, "/api/v1/auth/token", body: ["username": "nobody.here", "password": "whatever-1"])
            let (wrong, wrongBody) = try await client.json(
                .post, "/api/v1/auth/token", body: ["username": "admin", "password": "whatever-1"])
            #expect(unknown == .unauthorized && wrong == .unauthorized)
            #expect(unknownBody.error["message"] as? String == wrongBody.error["message"] as? String)
        }
    }

    @Test func throttledSignInSaysWhenToTryAgain() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            for _ in 0..<5 {
                _ = try await client.json(.post, "/api/v1/auth/token", body: ["username": "canbo.hanoi", "password": "wrong-password"])
            }
            let response = try await client.execute(
                uri: "/api/v1/auth/token", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"canbo.hanoi","password":"laurel-demo"}"#)
            ) { $0 }
            #expect(response.status == .tooManyRequests)
            // The test app's first wait is 60 s, counted from the fifth failure (a loaded machine may
            // take a second or more to send the next request).
            let wait = try #require(response.headers[.retryAfter].flatMap { Int($0) })
            #expect((50...60).contains(wait))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func signInsFailuresAndTheStartOfAHoldAreAudited(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            // Signed in before the guessing starts: this client is then known to the account.
            let officer = try await client.token("canbo.danang", "laurel-demo")
            for _ in 0..<5 {
                _ = try await client.json(.post, "/api/v1/auth/token", body: ["username": "canbo.danang", "password": "wrong-password"])
            }
            _ = try await client.json(.post, "/api/v1/auth/token", body: ["username": "ghost.user", "password": "wrong-password"])
            let (_, log) = try await client.json(.get, "/api/v1/audit?entity=account&per=50", token: admin)
            let items = log["items"] as? [[String: Any]] ?? []
            let actions = items.map { $0["action"] as? String ?? "" }
            #expect(actions.filter { $0 == "sign_in" }.count == 2)
            #expect(actions.filter { $0 == "sign_in_failed" }.count == 5)
            #expect(actions.filter { $0 == "sign_in_throttled" }.count == 1)
            #expect(items.contains { ($0["actor"] as? String) == "ghost.user" })
            // The owner's known client still signs in while the account is held back for others.
            _ = try await client.token("canbo.danang", "laurel-demo")
            // An officer of Đà Nẵng sees the tries on an account of Đà Nẵng, not the unknown name.
            let (_, theirs) = try await client.json(.get, "/api/v1/audit?entity=account&per=50", token: officer)
            let seen = (theirs["items"] as? [[String: Any]] ?? []).map { $0["actor"] as? String ?? "" }
            #expect(seen.contains("canbo.danang") && !seen.contains("ghost.user"))
        }
    }

    @Test func theSignInFormRefusesAPostWithoutItsOwnToken() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let bare = try await P.request(client, .post, "/login", form: ["username": "admin", "password": "laurel-admin"])
            #expect(bare.status == .forbidden && bare.setCookie?.contains("laurel_session") != true)
            let form = try await P.request(client, .get, "/login")
            let cookie = try #require(form.setCookie.map { String($0.split(separator: ";")[0]) })
            #expect(form.setCookie?.contains("SameSite=Strict") == true)
            let forged = try await P.request(
                client, .post, "/login", cookie: cookie,
                form: ["username": "admin", "password": "laurel-admin", "_csrf": "forged"])
            #expect(forged.status == .forbidden)
            let good = try await P.postLogin(client, "admin", "laurel-admin")
            #expect(good.status == .found && good.setCookie?.contains("laurel_session") == true)
        }
    }

    @Test(arguments: [
        "/\t/evil.example", "/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/\n/evil.example",
        "/\u{202E}x", " /x", "/ /evil.example",
    ])
    func redirectsAfterSignInStayOnTheSite(_ next: String) {
        let decoded = next.removingPercentEncoding ?? next
        #expect(SafeRedirect.path(decoded) == "/")
    }

    @Test func aSamePathIsKeptForTheRedirect() async throws {
        #expect(SafeRedirect.path("/people?q=nguyen%20van") == "/people?q=nguyen%20van")
        try await TestApp.run(.sqlite) { client, _ in
            let page = try await P.postLogin(client, "admin", "laurel-admin", next: "/\t/evil.example")
            #expect(page.location == "/")
            let kept = try await P.postLogin(client, "admin", "laurel-admin", next: "/units")
            #expect(kept.location == "/units")
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            for uri in ["/login", "/api/v1/units", "/no-such-page", "/static/laurel.css"] {
                let headers = try await client.execute(uri: uri, method: .get) { $0.headers }
                #expect(headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                #expect(headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                #expect(headers[.strictTransportSecurity] == nil, "\(uri): no HSTS over plain HTTP")
            }
        }
    }
}
