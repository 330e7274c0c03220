import Foundation
import Hummingbird
import LaurelDomain

/// `POST /api/v1/auth/token`: a bearer token for API clients.
struct AuthAPI {
    let auth: AuthService

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("auth/token", use: token)
    }

    struct TokenRequest: Decodable, Sendable {
        static let fields: Set<String> = ["username", "password"]
        var username: String?
        var password: String?
    }

    struct TokenResponse: Encodable, Sendable {
        let token: String
        let expiresAt: String
    }

    func token(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await RequestBody.decode(TokenRequest.self, allowed: TokenRequest.fields, from: request, context: context,
                                                limit: AuthPages.maxLoginBody).value
        var errors: [DomainError] = []
        if (body.username ?? "").isEmpty { errors.append(.invalid("error.required", field: "username")) }
        if (body.password ?? "").isEmpty { errors.append(.invalid("error.required", field: "password")) }
        guard errors.isEmpty, let username = body.username, let password = body.password else { throw ValidationErrors(errors) }
        let account = try await auth.signIn(username: username, password: password, client: .init(address: context.clientAddress, device: nil))
        let issued = try await auth.issue(for: account, kind: "api")
        let expires = Date(timeIntervalSince1970: TimeInterval(issued.expiresAt)).formatted(Date.ISO8601FormatStyle())
        return try JSON.response(TokenResponse(token: issued.token, expiresAt: expires), status: .ok)
    }
}
