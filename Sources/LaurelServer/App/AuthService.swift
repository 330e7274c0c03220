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
    /// Verified when no account has the name, so that an unknown name costs what a wrong password does.
    let dummyHash: String

    public static let minimumPasswordLength = 10
    static let sessionLifetime: Int64 = 8 * 3600
    static let apiTokenLifetime: Int64 = 24 * 3600

    public init(accounts: AccountStore, bcryptCost: UInt8) {
        self.init(accounts: accounts, bcryptCost: bcryptCost, throttle: .init())
    }

    init(accounts: AccountStore, bcryptCost: UInt8, throttle policy: LoginThrottle.Policy) {
        self.accounts = accounts
        self.throttle = LoginThrottle(policy: policy)
        self.bcryptCost = bcryptCost
        self.dummyHash = Bcrypt.hash(Tokens.random(), cost: bcryptCost)
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
        if !couldBeUsername(value) { errors.append(.invalid("error.username_format", field: "username")) }
        return value
    }

    /// Who signs in and from where: the client's address, and the device cookie of earlier page
    /// sign-ins that vouches for it.
    typealias Client = LoginThrottle.Client

    /// The account for these credentials, or an error. Every answer costs one bcrypt verification
    /// (against a dummy hash for a name no account has), so time does not tell which names exist;
    /// nothing about a name that cannot be an account is stored.
    func signIn(username rawUsername: String, password: String, client: Client) async throws -> Account {
        let username = rawUsername.trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.couldBeUsername(username), password.utf8.count <= Self.maxPasswordBytesAtSignIn else {
            _ = try await verify("", hash: dummyHash)
            throw Self.loginFailed
        }
        let credentials = try await accounts.credentials(username: username)
        let subject: LoginThrottle.Subject = credentials.map { .account($0.account.id) } ?? .unknown(username)
        if let wait = await throttle.wait(client: client, subject: subject) {
            throw APIError(status: .tooManyRequests, code: "throttled", key: "error.login_throttled", arguments: [String(Int(wait))],
                           retryAfter: Int(wait))
        }
        let matches = try await verify(password, hash: credentials?.passwordHash ?? dummyHash)
        if let credentials, credentials.account.active, matches {
            await throttle.succeeded(client: client, accountId: credentials.account.id)
            try await accounts.recordSignIn(.succeeded, username: username, account: credentials.account, address: client.address)
            return credentials.account
        }
        let holdsBack = await throttle.failed(client: client, subject: subject)
        try await accounts.recordSignIn(holdsBack ? .throttled : .failed, username: username, account: credentials?.account, address: client.address)
        throw Self.loginFailed
    }

    static let loginFailed = APIError(status: .unauthorized, code: "login_failed", key: "error.login_failed")

    /// Longest password read at sign-in; longer ones are refused before hashing (bcrypt reads 72
    /// bytes, and hashing megabytes per try would be a way to spend our CPU).
    static let maxPasswordBytesAtSignIn = 1024

    /// The shape of a username (3–64 of a–z, 0–9, ".", "_", "-"): what `checkUsername` accepts, and
    /// the only names the throttle ever counts, so its memory is bounded whatever is sent.
    static func couldBeUsername(_ value: String) -> Bool {
        (3...64).contains(value.unicodeScalars.count)
            && value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
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
