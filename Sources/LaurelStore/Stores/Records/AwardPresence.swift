import LaurelDomain
import SQLKit

/// "Has (or has not) received award X (in year Y)": a filter of the people list. Revoked rows do
/// not count.
public struct AwardPresence: Sendable, Equatable {
    public var code: String
    public var year: Int?
    public var has: Bool

    public init(code: String, year: Int?, has: Bool) {
        self.code = code
        self.year = year
        self.has = has
    }
}

/// `[NOT] EXISTS (SELECT 1 FROM awards …)` correlated with the people list's alias `p`.
struct AwardExists: SQLExpression {
    let presence: AwardPresence

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(presence.has ? "EXISTS (" : "NOT EXISTS (")
        serializer.write("SELECT 1 FROM awards aw WHERE aw.person_id = p.id AND aw.status <> 'revoked' AND aw.code = ")
        SQLBind(presence.code).serialize(to: &serializer)
        if let year = presence.year {
            serializer.write(" AND aw.year = ")
            SQLBind(year).serialize(to: &serializer)
        }
        serializer.write(")")
    }
}
