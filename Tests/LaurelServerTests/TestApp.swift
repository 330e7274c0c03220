import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDomain
import LaurelServer
import LaurelStore
import LaurelTestSupport
import NIOCore

/// The real application on a fresh database with the demo organisation, for HTTP tests.
enum TestApp {
    static let configuration = AppConfiguration(bcryptCost: 4, signInFirstDelay: 60)

    static func run<T: Sendable>(
        _ kind: TestDatabases.Kind, configuration: AppConfiguration = configuration,
        _ body: @escaping @Sendable (any TestClientProtocol, LaurelDatabase) async throws -> T
    ) async throws -> T {
        try await TestDatabases.with(kind) { database in
            let dependencies = try await AppDependencies.make(database: database, configuration: configuration)
            try await DemoSeeder.seed(database, hash: dependencies.auth.hash)
            let app = try buildApplication(dependencies, configuration: configuration, logger: .init(label: "test"))
            return try await app.test(.router) { client in try await body(client, database) }
        }
    }
}

struct JSONBody: @unchecked Sendable {
    let value: Any
    subscript(_ key: String) -> Any? { (value as? [String: Any])?[key] }
    var object: [String: Any] { value as? [String: Any] ?? [:] }
    var error: [String: Any] { object["error"] as? [String: Any] ?? [:] }
}

extension TestClientProtocol {
    func token(_ username: String, _ password: String) async throws -> String {
        let (status, body) = try await json(.post, "/api/v1/auth/token", body: ["username": username, "password": password])
        guard status == .ok, let token = body["token"] as? String else { throw TestDatabaseError("no token for \(username): \(status)") }
        return token
    }

    /// Calls the API and decodes the JSON answer.
    func json(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: [String: Any?]? = nil, raw: String? = nil,
        language: String? = nil
    ) async throws -> (HTTPResponse.Status, JSONBody) {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let language { headers[.acceptLanguage] = language }
        var buffer: ByteBuffer?
        if let raw { buffer = ByteBuffer(string: raw) }
        if let body { buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body.mapValues { $0 ?? NSNull() })) }
        let (status, contentType, data) = try await execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            (response.status, response.headers[.contentType], Data(buffer: response.body))
        }
        try await ResponseConformance.check(
            method.rawValue, uri, status: status.code, contentType: contentType, body: data, client: self)
        let value = data.isEmpty ? [String: Any]() : ((try? JSONSerialization.jsonObject(with: data)) ?? [String: Any]())
        return (status, JSONBody(value: value))
    }

    func unitId(code: String, token: String) async throws -> Int64 {
        let (_, body) = try await json(.get, "/api/v1/units?q=\(code)&per=500", token: token)
        let items = body["items"] as? [[String: Any]] ?? []
        guard let id = items.first(where: { $0["code"] as? String == code })?["id"] as? Int else {
            throw TestDatabaseError("no unit \(code)")
        }
        return Int64(id)
    }
}
