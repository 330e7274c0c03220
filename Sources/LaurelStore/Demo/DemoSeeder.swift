import LaurelDomain
import SQLKit

/// Seeds the demo organisation and its accounts into an empty database.
public enum DemoSeeder {
    public struct DemoAccount: Sendable {
        public let username: String, password: String, role: Role, unitCode: String
        /// A staff account is a person's own: it is linked to the unit's first person (by id).
        public var ownsARecord: Bool { role == .staff }
    }

    /// Demo logins, printed by `laurel serve` so a newcomer can sign in at once.
    public static let accounts: [DemoAccount] = [
        .init(username: "admin", password: "laurel-admin", role: .admin, unitCode: "HDTDKT-TW"),
        .init(username: "canbo.hanoi", password: "laurel-demo", role: .officer, unitCode: "HN"),
        .init(username: "canbo.danang", password: "laurel-demo", role: .officer, unitCode: "DN"),
        .init(username: "kiemtra.hanoi", password: "laurel-demo", role: .auditor, unitCode: "HN"),
        .init(username: "lanhdao.laocai", password: "laurel-demo", role: .leader, unitCode: "LC"),
        .init(username: "nhanvien.hanoi", password: "laurel-demo", role: .staff, unitCode: "HN-S3"),
    ]

    /// True when the database has no unit yet.
    public static func isEmpty(_ database: LaurelDatabase) async throws -> Bool {
        try await database.read { db in try await db.select().column("id").from("units").limit(1).first() == nil }
    }

    /// Loads the demo; `hash` turns a password into its stored hash.
    public static func seed(_ database: LaurelDatabase, hash: @escaping @Sendable (String) async throws -> String) async throws {
        let org = SyntheticOrganisation.demo()
        var hashes: [String] = []
        for account in accounts { hashes.append(try await hash(account.password)) }
        let finalHashes = hashes
        try await database.transaction { db in
            let ids = try await BulkLoader.insertUnits(db, org.units)
            try await BulkLoader.insertPeople(db, org.people, unitIds: ids)
            try await DemoHistory.seed(db)
            for (account, hash) in zip(accounts, finalHashes) {
                var person: Int64?
                if account.ownsARecord, let unit = ids[account.unitCode] {
                    person = try await db.select().column("id").from("people").where("unit_id", .equal, SQLBind(unit)).orderBy("id").limit(
                        1
                    )
                    .first(decodingColumn: "id", as: Int64.self)
                }
                try await db.insert(into: "accounts").columns(
                    "username", "password_hash", "role", "unit_id", "person_id", "active", "created_at"
                )
                .values(
                    SQLBind(account.username), SQLBind(hash), SQLBind(account.role.rawValue), SQLBind(ids[account.unitCode]),
                    SQLBind(person), SQLBind(true), SQLBind(Clock.timestamp())
                )
                .run()
            }
            try await DemoMovements.seed(db, unitIds: ids, passwordHash: finalHashes[1])  // the hash of laurel-demo
            struct Summary: Encodable {
                let units: Int
                let people: Int
                let accounts: Int
            }
            try await AuditLog.append(
                db, actor: .system, action: "seed_demo", entity: "organisation", entityId: nil, unitPath: nil,
                before: Summary?.none, after: Summary(units: org.units.count, people: org.people.count, accounts: accounts.count))
        }
    }
}
