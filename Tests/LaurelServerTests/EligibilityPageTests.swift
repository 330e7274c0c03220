import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// The unit check page over a whole province: a page of rows at a time, the summary over all,
/// and the eligible alone on request.
@Suite struct EligibilityPageTests {
    typealias P = PageTests

    static func rows(_ html: String) -> Int { html.components(separatedBy: "<tr><td><a href=\"/people/").count - 1 }

    @Test(arguments: TestDatabases.kinds)
    func aLargeCheckIsPagedAndCanKeepOnlyTheEligible(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let admin = try await P.signIn(client, "admin", "laurel-admin")
            let token = try await client.token("admin", "laurel-admin")
            let root = try await client.unitId(code: "HDTDKT-TW", token: token)
            let (_, report) = try await client.json(.get, "/api/v1/units/\(root)/eligibility?code=LDTT&year=2025", token: token)
            let all = try #require(report["rows"] as? [[String: Any]])
            let eligible = all.filter { $0["eligible"] as? Bool == true }.count
            #expect(all.count > 200 && eligible > 0 && eligible < all.count)

            let first = try await P.request(client, .get, "/eligibility?unitId=\(root)&code=LDTT&year=2025", cookie: admin)
            #expect(first.status == .ok && Self.rows(first.html) == 200 && first.html.contains("eligibility-next"))
            #expect(first.html.contains("\(eligible) / \(all.count) đủ điều kiện"))  // the summary counts every row, not the page
            let last = try await P.request(client, .get, "/eligibility?unitId=\(root)&code=LDTT&year=2025&page=2", cookie: admin)
            #expect(Self.rows(last.html) == min(200, all.count - 200))

            let onlyEligible = try await P.request(
                client, .get, "/eligibility?unitId=\(root)&code=LDTT&year=2025&eligibleOnly=true", cookie: admin)
            #expect(Self.rows(onlyEligible.html) == min(200, eligible) && !onlyEligible.html.contains("tag off\">Chưa đủ"))
            #expect(onlyEligible.html.contains("name=\"eligibleOnly\" value=\"true\" id=\"eligibleOnly\" checked"))
        }
    }
}
