import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelServer
import LaurelStore
import LaurelTestSupport
import Testing

/// Issue 15 point 3: the OpenAPI document and the router agree: every route served under /api/v1
/// is documented, and every documented operation is served.
@Suite struct APIContractTests {
    /// `/api/v1/units/{id}` and `/units/{id}` → `/units/{}` (parameter names may differ in spelling).
    static func shape(_ path: String) -> String {
        let trimmed = path.hasPrefix("/api/v1") ? String(path.dropFirst("/api/v1".count)) : path
        return trimmed.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
            .replacingOccurrences(of: #":[A-Za-z]+"#, with: "{}", options: .regularExpression)
    }

    @Test func everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() async throws {
        try await TestDatabases.with(.sqlite) { database in
            let dependencies = try await AppDependencies.make(database: database, configuration: TestApp.configuration)
            let router = try buildRouter(dependencies, configuration: TestApp.configuration)
            // The document itself and the JSON 404 for unknown API paths are not operations.
            let served = Set(
                router.routes.map { (method: "\($0.method)", path: "\($0.path)") }
                    .filter { $0.path.hasPrefix("/api/v1/") && !$0.path.hasSuffix("/openapi.json") && !$0.path.contains("**") }
                    .map { "\($0.method) \(Self.shape($0.path))" })
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Sources/LaurelServer/Resources/openapi.json").standardized
            let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(
                paths.flatMap { path, operations in
                    operations.keys.filter { ["get", "post", "put", "patch", "delete"].contains($0) }.map {
                        "\($0.uppercased()) \(Self.shape(path))"
                    }
                })
            #expect(served.subtracting(documented).sorted() == [], "served but not documented")
            #expect(documented.subtracting(served).sorted() == [], "documented but not served")
            #expect(served.count > 80)
        }
    }
}

extension APIContractTests {
    @Test func aKnownPathWithAMethodItDoesNotServeAnswers405WithAllow() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            let wrong = try await client.execute(uri: "/api/v1/units/12", method: .delete, headers: headers, body: nil) {
                ($0.status, $0.headers[.allow])
            }
            #expect(wrong.0 == .methodNotAllowed && wrong.1 == "GET, PATCH")
            let export = try await client.execute(uri: "/api/v1/exports/people.csv", method: .post, headers: headers, body: nil) {
                ($0.status, $0.headers[.allow])
            }
            #expect(export.0 == .methodNotAllowed && export.1 == "GET")
            let unknown = try await client.execute(uri: "/api/v1/nowhere/12", method: .delete, headers: headers, body: nil) { $0.status }
            #expect(unknown == .notFound)
        }
    }
}
