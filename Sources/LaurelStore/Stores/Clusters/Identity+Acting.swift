import LaurelDomain
import SQLKit

extension Identity {
    /// True when `path` is the scope's root or above it: a higher unit's movement, say, which the
    /// units below it implement and must be able to read.
    func isBelow(_ path: UnitPath) -> Bool {
        switch scope {
        case .everything: true
        case .subtree(let root): path.contains(root)
        }
    }
}

// Who acts and votes for a unit (`actsFor`, `votesFor`) and who may do what in a season
// (`SeasonPolicy`) are LaurelDomain's.

/// Reads used by every cluster and movement store.
enum Lookup {
    static func unitPath(_ db: any SQLDatabase, _ id: Int64) async throws -> UnitPath? {
        try await db.select().column("path").from("units").where("id", .equal, SQLBind(id))
            .first(decodingColumn: "path", as: String.self).map(UnitPath.init(value:))
    }

    static func unitPaths(_ db: any SQLDatabase, _ ids: [Int64]) async throws -> [Int64: UnitPath] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable {
            let id: Int64
            let path: String
        }
        let rows = try await db.select().columns("id", "path").from("units").where("id", .in, SQLBind.group(ids))
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.id, UnitPath(value: $0.path)) }, uniquingKeysWith: { a, _ in a })
    }

    static func unitNames(_ db: any SQLDatabase, _ ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable {
            let id: Int64
            let name: String
        }
        let rows = try await db.select().columns("id", "name").from("units").where("id", .in, SQLBind.group(Array(Set(ids))))
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
