import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// The demo's member of staff sees their own record and nothing else, by page and by API.
@Suite struct StaffAccountTests {
    typealias P = PageTests

    @Test(arguments: TestDatabases.kinds)
    func aMemberOfStaffSeesOnlyTheirOwnRecord(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let staff = try await P.signIn(client, "nhanvien.hanoi", "laurel-demo")
            let home = try await P.request(client, .get, "/", cookie: staff)
            let own = try #require(home.location)
            #expect(own.hasPrefix("/people/"))
            let page = try await P.request(client, .get, own, cookie: staff)
            #expect(page.status == .ok)
            let record = try await P.request(client, .get, own + "/record", cookie: staff)
            #expect(record.status == .ok)
            for list in ["/people", "/units", "/audit", "/movements", "/clusters", "/eligibility"] {
                let refused = try await P.request(client, .get, list, cookie: staff)
                #expect(refused.status == .forbidden, "\(list) answered \(refused.status)")
            }

            let token = try await client.token("nhanvien.hanoi", "laurel-demo")
            let ownId = try #require(Int(own.dropFirst("/people/".count)))
            let (ownStatus, person) = try await client.json(.get, "/api/v1/people/\(ownId)", token: token)
            #expect(ownStatus == .ok && person["id"] as? Int == ownId)
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let (_, colleagues) = try await client.json(
                .get, "/api/v1/people?unitId=\(try #require(person["unitId"] as? Int))", token: officer)
            let colleague = try #require((colleagues["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }.first { $0 != ownId })
            let (otherStatus, other) = try await client.json(.get, "/api/v1/people/\(colleague)", token: token)
            #expect(otherStatus == .notFound && other["fullName"] == nil)
            let (listStatus, _) = try await client.json(.get, "/api/v1/people", token: token)
            #expect(listStatus == .forbidden)
            let (writeStatus, _) = try await client.json(
                .put, "/api/v1/people/\(ownId)/assessments/2025", token: token, body: ["rating": "excellent"])
            #expect(writeStatus == .forbidden)
        }
    }
}
