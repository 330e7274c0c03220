import LaurelDomain
import SQLKit

/// Finds (or makes) the unit an administrator created from the command line belongs to.
public enum AdminBootstrap {
    public static func unitForAdmin(_ database: LaurelDatabase, code: String?) async throws -> Int64 {
        try await database.transaction { db in
            if let code {
                guard
                    let id = try await db.select().column("id").from("units").where("code", .equal, SQLBind(code))
                        .first(decodingColumn: "id", as: Int64.self)
                else { throw DomainError(.notFound, "error.unit_not_found", field: "unit") }
                return id
            }
            if let id = try await db.select().column("id").from("units").where(SQLColumn("parent_id"), .is, SQLLiteral.null)
                .orderBy("id").limit(1).first(decodingColumn: "id", as: Int64.self)
            {
                return id
            }
            let ids = try await BulkLoader.insertUnits(
                db, [.init(code: "ROOT", name: "Hội đồng Thi đua - Khen thưởng", kind: .other, level: .central, parentCode: nil)])
            return ids["ROOT"]!
        }
    }
}
