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
            let document = try await Self.document(router)
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

    /// The document as the server publishes it.
    static func document(_ router: Router<AppRequestContext>) async throws -> [String: Any] {
        let app = Application(router: router)
        return try await app.test(.router) { client in
            let data = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { Data(buffer: $0.body) }
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }

    /// Every `$ref` names a published component, every component is used, and every closed
    /// request body is one that `RequestBody` enforces with the same members.
    @Test func everyReferenceResolvesAndEveryComponentIsUsed() async throws {
        try await TestDatabases.with(.sqlite) { database in
            let dependencies = try await AppDependencies.make(database: database, configuration: TestApp.configuration)
            let document = try await Self.document(try buildRouter(dependencies, configuration: TestApp.configuration))
            let components = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            var referenced: Set<String> = []
            func walk(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let reference = object["$ref"] as? String { referenced.insert(String(reference.split(separator: "/").last ?? "")) }
                    object.values.forEach(walk)
                } else if let array = value as? [Any] {
                    array.forEach(walk)
                }
            }
            walk(document)
            #expect(referenced.subtracting(components.keys).sorted() == [], "referred to but not published")
            #expect(Set(components.keys).subtracting(referenced).sorted() == [], "published but never used")
            #expect(components.count > 40)
        }
    }

    /// The checker the API tests run every answer through finds what it must.
    @Test func theResponseCheckerFindsMissingMembersWrongTypesAndUnknownChoices() {
        let root: [String: Any] = [
            "components": [
                "schemas": [
                    "Unit": [
                        "type": "object", "required": ["id", "kind"],
                        "properties": [
                            "id": ["type": "integer"], "kind": ["enum": ["school", "commune"]], "parentId": ["type": ["integer", "null"]],
                        ],
                    ]
                ]
            ]
        ]
        let schema: [String: Any] = ["type": "array", "items": ["$ref": "#/components/schemas/Unit"]]
        func problems(_ json: String) -> [String] {
            var found: [String] = []
            let value = try! JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
            ResponseConformance.validate(value, against: schema, at: "$", in: root, problems: &found)
            return found
        }
        #expect(problems(#"[{"id": 1, "kind": "school", "parentId": null}, {"id": 2, "kind": "commune", "parentId": 1}]"#) == [])
        #expect(problems(#"[{"kind": "school"}]"#) == ["$[0]: required id is missing"])
        #expect(problems(#"[{"id": "1", "kind": "school"}]"#).count == 1)
        #expect(problems(#"[{"id": 1.5, "kind": "school"}]"#).count == 1)
        #expect(problems(#"[{"id": true, "kind": "school"}]"#).count == 1)
        #expect(problems(#"[{"id": 1, "kind": "ministry"}]"#).count == 1)
        #expect(problems(#"{"id": 1}"#).count == 1)
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
