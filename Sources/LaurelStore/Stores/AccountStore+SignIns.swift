import Foundation
import LaurelDomain
import SQLKit

/// How a sign-in ended, as the audit log records it.
public enum SignInOutcome: String, Sendable {
    case succeeded = "sign_in"
    case failed = "sign_in_failed"
    /// The failure that starts holding the name or the client back; later refused tries are not
    /// recorded one by one, so that a flood of them cannot flood the log.
    case throttled = "sign_in_throttled"
}

extension AccountStore {
    struct SignInRecord: Encodable {
        let username: String
        let address: String
    }

    /// Audits a sign-in. An attempt on an account is filed under the account's unit, so that the
    /// officers who see the account see who tried it; one on a name no account has, for admins only.
    public func recordSignIn(_ outcome: SignInOutcome, username: String, account: Account?, address: String) async throws {
        try await database.transaction { db in
            var unitPath: String?
            if let account {
                unitPath = try await db.select().column("path").from("units").where("id", .equal, SQLBind(account.unitId))
                    .first(decodingColumn: "path", as: String.self)
            }
            let actor = AuditActor(id: outcome == .succeeded ? account?.id : nil, name: String(username.prefix(64)))
            try await AuditLog.append(
                db, actor: actor, action: outcome.rawValue, entity: "account", entityId: account?.id,
                unitPath: unitPath, before: SignInRecord?.none, after: SignInRecord(username: username, address: address))
        }
    }
}
