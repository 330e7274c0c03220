import Foundation
import LaurelDomain
import SQLKit

extension SeasonStore {
    /// The cross sheet `scorer` gave `target`, to fill the scorer's grid again. Only the scorer's
    /// officers (or an admin) see it: a member's marks for another are not the others' business.
    public func crossSheet(_ id: Int64, scorer: Int64, target: Int64, as identity: Identity) async throws -> ScoreSheet? {
        try await database.read { db in
            let loaded = try await Self.readable(db, id: id, identity: identity)
            guard loaded.policy(identity).mayScore(for: scorer) else { throw DomainError(.forbidden, "error.season_own_unit_only") }
            return loaded.season.crossScores[target]?[scorer]
        }
    }
}
