import Foundation
import Hummingbird
import LaurelDomain

/// `POST /api/v1/auth/token`: a bearer token for API clients; with that token, `DELETE
/// /api/v1/auth/token` revokes it and `POST /api/v1/auth/password` changes the caller's password.
struct AuthAPI {
    let auth: AuthService

    func register(on group: DocumentedGroup<AppRequestContext>) {
        group.on(Contract.token, use: token)
    }

    /// The routes that need the caller's token.
    func registerSecured(on routes: APIRoutes) {
        routes.any.on(Contract.revoke, use: revoke)
        routes.any.on(Contract.changePassword, use: changePassword)
    }

    struct TokenRequest: Decodable, Sendable {
        var username: String?
        var password: String?
    }

    struct TokenResponse: APIResponseBody {
        let token: String
        let expiresAt: String
    }

    func token(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await RequestBody.decode(
            TokenRequest.self, for: Contract.token, from: request, context: context,
            limit: AuthPages.maxLoginBody
        ).value
        var errors: [DomainError] = []
        if (body.username ?? "").isEmpty { errors.append(.invalid("error.required", field: "username")) }
        if (body.password ?? "").isEmpty { errors.append(.invalid("error.required", field: "password")) }
        guard errors.isEmpty, let username = body.username, let password = body.password else { throw ValidationErrors(errors) }
        let account = try await auth.signIn(
            username: username, password: password, client: .init(address: context.clientAddress, device: nil))
        let issued = try await auth.issue(for: account, kind: "api")
        let expires = Date(timeIntervalSince1970: TimeInterval(issued.expiresAt)).formatted(Date.ISO8601FormatStyle())
        return try JSON.response(TokenResponse(token: issued.token, expiresAt: expires), status: .ok)
    }
}

extension AuthAPI {
    /// Revokes the bearer token that calls: it answers 401 from then on.
    func revoke(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        guard let token = BearerAuthMiddleware.token(in: request) else {
            throw APIError(status: .unauthorized, code: "unauthorized", key: "error.unauthorized")
        }
        try await auth.revoke(token: token, auditedAs: identity)
        return Response(status: .noContent)
    }

    struct PasswordRequest: Decodable, Sendable {
        var currentPassword: String?
        var newPassword: String?
    }

    /// The caller's own password; the calling token stays valid, the account's others are revoked.
    func changePassword(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(
            PasswordRequest.self, for: Contract.changePassword, from: request, context: context,
            limit: AuthPages.maxLoginBody
        ).value
        try await auth.changeOwnPassword(
            identity, current: body.currentPassword, new: body.newPassword,
            client: .init(address: context.clientAddress, device: nil), keeping: BearerAuthMiddleware.token(in: request))
        return Response(status: .noContent)
    }
}
