import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import NIOCore
import Testing

/// Issue 15 point 2: role requirements belong to the route group, so every write of the API refuses
/// a read-only role before it reads the body or the path, whatever the handler remembers to check.
@Suite struct RouteRoleTests {
    /// Writes that every signed-in role may attempt: one's own password and token, the throttle-free
    /// check (it changes nothing), and a ballot's voting, which the store checks against the voter's
    /// unit. Everything else needs a writing role.
    static let openToEveryRole: Set<String> = [
        "POST /auth/token", "DELETE /auth/token", "POST /auth/password",
        "POST /eligibility/check", "POST /ballots/{id}/votes", "POST /ballots/{id}/close",
        "POST /units/{id}/quota-check",
    ]

    static func writeRoutes(_ document: [String: Any]) throws -> [(method: String, path: String)] {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return paths.flatMap { path, operations in
            operations.keys.filter { ["post", "put", "patch", "delete"].contains($0) }.map { (method: $0.uppercased(), path: path) }
        }.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    @Test func anAuditorIsRefusedEveryWriteBeforeItsInputIsRead() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let (_, spec) = try await client.json(.get, "/api/v1/openapi.json")
            let routes = try Self.writeRoutes(spec.object).filter { !Self.openToEveryRole.contains("\($0.method) \($0.path)") }
            #expect(routes.count > 40)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            for route in routes {
                let uri =
                    "/api/v1"
                    + route.path
                    .replacingOccurrences(of: "{kind}", with: "people").replacingOccurrences(of: "{year}", with: "2024")
                    .replacingOccurrences(of: "{code}", with: "LDTT").replacingOccurrences(
                        of: #"\{[a-zA-Z]+\}"#, with: "1", options: .regularExpression)
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(auditor)"
                headers[.contentType] = "application/json"
                let status = try await client.execute(
                    uri: uri, method: HTTPRequest.Method(route.method)!, headers: headers,
                    body: ByteBuffer(string: "{\"not\": \"valid\"}")
                ) { $0.status }
                #expect(status == .forbidden, "\(route.method) \(route.path) answered \(status.code)")
            }
        }
    }
}
