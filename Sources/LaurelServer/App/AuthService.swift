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

    /// Bcrypt reads only the first 72 bytes of a password: a longer one would be cut without a word,
    /// so it is refused wherever a password is set.
    public static let maximumPasswordBytes = 72

    public static func checkPassword(_ password: String?, field: String = "password", into errors: inout [DomainError]) -> String {
        let value = password ?? ""
        if value.count < minimumPasswordLength {
            errors.append(.invalid("error.password_too_short", field: field, String(minimumPasswordLength)))
        } else if value.utf8.count > maximumPasswordBytes {
            errors.append(.invalid("error.password_too_long", field: field, String(maximumPasswordBytes)))
        }
        return value
    }

    public static func checkPassword(_ password: String?, into errors: inout [DomainError]) -> String {
        checkPassword(password, field: "password", into: &errors)
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
            throw APIError(
                status: .tooManyRequests, code: "throttled", key: "error.login_throttled", arguments: [String(Int(wait))],
                retryAfter: Int(wait))
        }
        let matches = try await verify(password, hash: credentials?.passwordHash ?? dummyHash)
        if let credentials, credentials.account.active, matches {
            await throttle.succeeded(client: client, accountId: credentials.account.id)
            try await accounts.recordSignIn(.succeeded, username: username, account: credentials.account, address: client.address)
            return credentials.account
        }
        let holdsBack = await throttle.failed(client: client, subject: subject)
        try await accounts.recordSignIn(
            holdsBack ? .throttled : .failed, username: username, account: credentials?.account, address: client.address)
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

    struct IssuedToken: Sendable {
        let token: String
        let csrf: String
        let expiresAt: Int64
    }

    func issue(for account: Account, kind: String) async throws -> IssuedToken {
        let token = Tokens.random()
        let csrf = Tokens.random()
        let lifetime = kind == "session" ? Self.sessionLifetime : Self.apiTokenLifetime
        let expiresAt = Int64(Date().timeIntervalSince1970) + lifetime
        try await accounts.storeToken(hash: Tokens.hash(token), accountId: account.id, kind: kind, csrf: csrf, expiresAt: expiresAt)
        return IssuedToken(token: token, csrf: csrf, expiresAt: expiresAt)
    }

    func identity(token: String, kind: String) async throws -> (Identity, csrf: String)? {
        guard !token.isEmpty, token.count < 200 else { return nil }
        return try await accounts.identity(tokenHash: Tokens.hash(token), kind: kind)
    }

    func revoke(token: String, auditedAs identity: Identity? = nil) async throws {
        try await accounts.revokeToken(hash: Tokens.hash(token), auditedAs: identity)
    }

    /// The signed-in user changes their own password: the new one must pass the rules (and match its
    /// repetition, when the form asks for one), the current one must be right. A wrong current
    /// password counts as a failed sign-in for the throttle, so a stolen session cannot guess it
    /// faster than the sign-in form could. The token in use (`keeping`) stays valid; every other
    /// session and API token of the account is signed out.
    func changeOwnPassword(
        _ identity: Identity, current: String?, new: String?, repeated: String? = nil, checksRepeat: Bool = false,
        client: Client, keeping token: String?
    ) async throws {
        var errors: [DomainError] = []
        let current = current ?? ""
        if current.isEmpty { errors.append(.invalid("error.required", field: "currentPassword")) }
        let new = Self.checkPassword(new, field: "newPassword", into: &errors)
        if checksRepeat && errors.allSatisfy({ $0.field != "newPassword" }) && repeated != new {
            errors.append(.invalid("error.password_mismatch", field: "repeatPassword"))
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        let subject = LoginThrottle.Subject.account(identity.account.id)
        if let wait = await throttle.wait(client: client, subject: subject) {
            throw APIError(
                status: .tooManyRequests, code: "throttled", key: "error.login_throttled", arguments: [String(Int(wait))],
                retryAfter: Int(wait))
        }
        var matches = false
        if let stored = try await accounts.passwordHash(of: identity.account.id), current.utf8.count <= Self.maxPasswordBytesAtSignIn {
            matches = try await verify(current, hash: stored)
        }
        guard matches else {
            await throttle.failed(client: client, subject: subject)
            throw ValidationErrors([.invalid("error.current_password_wrong", field: "currentPassword")])
        }
        try await accounts.changeOwnPassword(identity, passwordHash: try await hash(new), keepingTokenHash: token.map(Tokens.hash))
    }
}
