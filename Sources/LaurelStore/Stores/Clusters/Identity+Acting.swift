import LaurelDomain
import SQLKit

extension Identity {
    var isAdmin: Bool { role == .admin }

    /// True when `path` is the scope's root or above it: a higher unit's movement, say, which the
    /// units below it implement and must be able to read.
    func isBelow(_ path: UnitPath) -> Bool {
        switch scope {
        case .everything: true
        case .subtree(let root): path.contains(root)
        }
    }

    /// Whether this account speaks for `unitId` in a cluster or a ballot: an admin for anyone, an
    /// officer for its own unit only (not for the units below it: a member writes its own scores).
    func actsFor(_ unitId: Int64) -> Bool {
        isAdmin || (role == .officer && account.unitId == unitId)
    }

    /// Voting is open to the voting unit's officers and leaders (and to an admin recording paper
    /// ballots); auditors and staff never vote.
    func votesFor(_ unitId: Int64) -> Bool {
        isAdmin || ([.officer, .leader, .council].contains(role) && account.unitId == unitId)
    }

    /// The units whose vote this reader may be told about while a round runs: its own unit, when
    /// it votes for it. (An admin records paper ballots for anyone, but is told no more than that.)
    var votingUnits: Set<Int64> {
        votesFor(account.unitId) ? [account.unitId] : []
    }
}

/// Reads used by every cluster and movement store.
enum Lookup {
    static func unitPath(_ db: any SQLDatabase, _ id: Int64) async throws -> UnitPath? {
        try await db.select().column("path").from("units").where("id", .equal, SQLBind(id))
            .first(decodingColumn: "path", as: String.self).map(UnitPath.init(value:))
    }

    static func unitPaths(_ db: any SQLDatabase, _ ids: [Int64]) async throws -> [Int64: UnitPath] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { let id: Int64; let path: String }
        let rows = try await db.select().columns("id", "path").from("units").where("id", .in, SQLBind.group(ids))
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.id, UnitPath(value: $0.path)) }, uniquingKeysWith: { a, _ in a })
    }

    static func unitNames(_ db: any SQLDatabase, _ ids: [Int64]) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { let id: Int64; let name: String }
        let rows = try await db.select().columns("id", "name").from("units").where("id", .in, SQLBind.group(Array(Set(ids))))
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
