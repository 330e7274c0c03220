import Foundation
import HummingbirdBcrypt
import LaurelDomain
import LaurelStore
import NIOPosix

/// Passwords, sign-in with throttling, and the tokens behind sessions and API clients.
public struct AuthService: Sendable {
    let accounts: AccountStore
    let throttle: LoginThrottle
    let bcryptCost: UInt8

    public static let minimumPasswordLength = 10
    static let sessionLifetime: Int64 = 8 * 3600
    static let apiTokenLifetime: Int64 = 24 * 3600

    public init(accounts: AccountStore, bcryptCost: UInt8) {
        self.accounts = accounts
        self.throttle = LoginThrottle()
        self.bcryptCost = bcryptCost
    }

    /// Bcrypt is slow on purpose; it runs on the thread pool, off the event loops.
    public func hash(_ password: String) async throws -> String {
        let cost = bcryptCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    public static func checkPassword(_ password: String?, into errors: inout [DomainError]) -> String {
        let value = password ?? ""
        if value.count < minimumPasswordLength {
            errors.append(.invalid("error.password_too_short", field: "password", String(minimumPasswordLength)))
        } else if value.count > 200 {
            errors.append(.invalid("error.too_long", field: "password", "200"))
        }
        return value
    }

    public static func checkUsername(_ username: String?, into errors: inout [DomainError]) -> String {
        let value = (username ?? "").trimmingCharacters(in: .whitespaces)
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        if !(3...64).contains(value.count) || !allowed { errors.append(.invalid("error.username_format", field: "username")) }
        return value
    }

    /// The account for these credentials, or an error; failures count towards the throttle.
    func signIn(username: String, password: String) async throws -> Account {
        let key = username.lowercased()
        guard await throttle.allowed(key) else { throw APIError(status: .tooManyRequests, code: "throttled", key: "error.login_throttled") }
        if let credentials = try await accounts.credentials(username: username), credentials.account.active,
           try await verify(password, hash: credentials.passwordHash) {
            await throttle.succeeded(key)
            return credentials.account
        }
        await throttle.failed(key)
        throw APIError(status: .unauthorized, code: "login_failed", key: "error.login_failed")
    }

    struct IssuedToken: Sendable { let token: String; let csrf: String; let expiresAt: Int64 }

    func issue(for account: Account, kind: String) async throws -> IssuedToken {
        let token = Tokens.random(), csrf = Tokens.random()
        let lifetime = kind == "session" ? Self.sessionLifetime : Self.apiTokenLifetime
        let expiresAt = Int64(Date().timeIntervalSince1970) + lifetime
        try await accounts.storeToken(hash: Tokens.hash(token), accountId: account.id, kind: kind, csrf: csrf, expiresAt: expiresAt)
        return IssuedToken(token: token, csrf: csrf, expiresAt: expiresAt)
    }

    func identity(token: String, kind: String) async throws -> (Identity, csrf: String)? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        return try await accounts.identity(tokenHash: Tokens.hash(token), kind: kind)
    }

    func revoke(token: String) async throws {
        try await accounts.revokeToken(hash: Tokens.hash(token))
    }
}

/// Counts failed sign-ins per username: after 5 failures in 15 minutes, sign-in is refused for
/// the rest of the window, whatever the password.
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    static let limit = 5
    static let window: TimeInterval = 15 * 60

    func allowed(_ key: String) -> Bool {
        let now = Date()
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent.count < Self.limit
    }

    func failed(_ key: String) {
        failures[key, default: []].append(Date())
        if failures.count > 100_000 { failures.removeAll() }
    }

    func succeeded(_ key: String) { failures[key] = nil }
}
