import LaurelDomain
import SQLKit

/// A subject of a record, found inside the caller's scope, with what the rules need to know of it.
struct ScopedSubject: Sendable {
    let subject: RecordSubject
    let path: UnitPath
    let birthDate: String?
    let name: String
}

enum RecordScope {
    /// The subject if the identity may see it, else `notFound` (its existence does not leak).
    /// Staff see their own person only, never a unit's record.
    static func resolve(_ db: any SQLDatabase, _ subject: RecordSubject, identity: Identity) async throws -> ScopedSubject {
        switch subject {
        case .person(let id):
            let (person, path) = try await PersonStore.fetchInScope(db, id: id, identity: identity)
            return ScopedSubject(subject: subject, path: path, birthDate: person.birthDate, name: person.fullName)
        case .unit(let id):
            try Permissions.requireBrowse(identity)
            let unit = try await UnitStore.fetchInScope(db, id: id, scope: identity.scope)
            return ScopedSubject(subject: subject, path: unit.unitPath, birthDate: nil, name: unit.name)
        }
    }

    /// The column that holds the subject's id in `assessments` and `awards`.
    static func column(_ subject: RecordSubject) -> (String, Int64) {
        switch subject {
        case .person(let id): ("person_id", id)
        case .unit(let id): ("unit_id", id)
        }
    }
}

/// Filters of the register and assessment lists (pages, API, exports).
public struct RecordListFilter: Sendable {
    /// This unit and everything below it.
    public var unitId: Int64?
    public var year: Int?
    public var code: String?
    public var status: AwardStatus?
    /// Only people's rows, or only units' rows.
    public var subjectKind: String?

    public init(unitId: Int64? = nil, year: Int? = nil, code: String? = nil, status: AwardStatus? = nil, subjectKind: String? = nil) {
        self.unitId = unitId
        self.year = year
        self.code = code
        self.status = status
        self.subjectKind = subjectKind
    }
}

extension SQLSelectBuilder {
    /// `x` joined with the person (if any) and the unit the row belongs to, as `p` and `u`.
    func joinRecordSubject(_ table: String) -> SQLSelectBuilder {
        self.join(
            SQLAlias(SQLIdentifier("people"), as: "p"), method: SQLJoinMethod.left, on: SQLColumn("person_id", table: "x"), .equal,
            SQLColumn("id", table: "p")
        )
        .join(
            SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner,
            on: SQLColumn("id", table: "u"), .equal,
            SQLFunction("COALESCE", args: SQLColumn("unit_id", table: "p"), SQLColumn("unit_id", table: "x")))
    }

    /// Scope, subtree and subject-kind filters shared by the register and the assessment list.
    func whereRecordFilter(_ filter: RecordListFilter, within: Scope) -> SQLSelectBuilder {
        var query = self.whereScope(SQLColumn("path", table: "u"), within)
        if let year = filter.year { query = query.where(SQLColumn("year", table: "x"), .equal, SQLBind(year)) }
        if filter.subjectKind == "person" { query = query.where(SQLColumn("person_id", table: "x"), .isNot, SQLLiteral.null) }
        if filter.subjectKind == "unit" { query = query.where(SQLColumn("unit_id", table: "x"), .isNot, SQLLiteral.null) }
        return query
    }
}

extension Identity {
    /// The scope a list runs in: the caller's, narrowed to a unit's subtree when asked.
    func listScope(_ db: any SQLDatabase, unitId: Int64?) async throws -> Scope {
        try Permissions.requireBrowse(self)
        guard let unitId else { return scope }
        return .subtree(try await UnitStore.fetchInScope(db, id: unitId, scope: scope, field: "unitId").unitPath)
    }
}
