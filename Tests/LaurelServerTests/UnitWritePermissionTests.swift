import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// Issue 14 point 12: a read-only role's write to a unit is refused by role (403) before its
/// input is looked at, on the page and in the API.
@Suite struct UnitWritePermissionTests {
    typealias P = PageTests

    @Test(arguments: TestDatabases.kinds)
    func anAuditorsMergeOrDeactivationIsForbiddenNotInvalid(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await client.token("admin", "laurel-admin")
            let source = try await client.unitId(code: "HN-S1", token: admin)
            let target = try await client.unitId(code: "HN-S2", token: admin)
            let cookie = try await P.signIn(client, "kiemtra.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/units/\(source)", cookie: cookie)
            let csrf = try #require(P.csrf(in: page.html))
            for form in [["_csrf": csrf], ["_csrf": csrf, "targetId": String(target)], ["_csrf": csrf, "targetId": "nonsense"]] {
                let merge = try await P.request(client, .post, "/units/\(source)/merge", cookie: cookie, form: form)
                #expect(merge.status == .forbidden, "\(form.keys.sorted()) gave \(merge.status)")
            }
            #expect(
                try await P.request(client, .post, "/units/\(source)/deactivate", cookie: cookie, form: ["_csrf": csrf]).status
                    == .forbidden)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            #expect(try await client.json(.post, "/api/v1/units/\(source)/merge", token: auditor, body: [:]).0 == .forbidden)
            #expect(try await client.json(.post, "/api/v1/units/\(source)/merge", token: auditor, body: ["targetId": "x"]).0 == .forbidden)
            #expect(try await client.json(.post, "/api/v1/units/\(source)/deactivate", token: auditor, body: [:]).0 == .forbidden)
            #expect(try await client.json(.get, "/api/v1/units/\(source)", token: admin).1["active"] as? Bool == true)
            // An officer's refusal by who they are (the root of their own scope) is 403 on the page too.
            let officer = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let hanoi = try await client.unitId(code: "HN", token: admin)
            let own = try await P.request(client, .get, "/units/\(hanoi)", cookie: officer)
            let officerCsrf = try #require(P.csrf(in: own.html))
            let root = try await P.request(client, .post, "/units/\(hanoi)/deactivate", cookie: officer, form: ["_csrf": officerCsrf])
            #expect(root.status == .forbidden && root.html.contains("đơn vị gốc"))
        }
    }
}
