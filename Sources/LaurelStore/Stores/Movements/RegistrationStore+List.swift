import LaurelDomain
import SQLKit

/// Who registered for what across a subtree: one row per title aimed at, for the lists and exports
/// that the officer of a province or ministry keeps.
public struct RegistrationFilter: Sendable {
    public enum Subject: String, Sendable { case collective, individual }
    public var year: Int
    /// The subtree's root; nil for the whole scope.
    public var unitId: Int64?
    public var code: String?
    public var subject: Subject?
    public var lateOnly: Bool

    public init(year: Int, unitId: Int64? = nil, code: String? = nil, subject: Subject? = nil, lateOnly: Bool = false) {
        self.year = year
        self.unitId = unitId
        self.code = code
        self.subject = subject
        self.lateOnly = lateOnly
    }
}

public struct RegistrationRow: Codable, Sendable, Equatable {
    public var unitId: Int64
    public var unitCode: String
    public var unitName: String
    public var personId: Int64?
    public var personName: String?
    public var code: String
    public var target: String?
    public var registeredOn: String
    public var late: Bool
    public var reason: String?
}

extension RegistrationStore {
    /// Rows in the reader's scope (and below `filter.unitId`), in the tree's order (a unit, then the
    /// units below it), each unit's own titles first, then its people in Vietnamese order. Ordering
    /// by the indexed unit path lets both databases walk the units in order and sort only within a
    /// unit, so the first page of a province costs a few units' rows, not a sort of all of them.
    public func list(_ filter: RegistrationFilter, paging: Paging, as identity: Identity) async throws -> Page<RegistrationRow> {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            let within = try await Self.within(db, filter, identity)
            // A registration has at most one person: the count needs no join to people.
            let total =
                try await Self.joined(
                    db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"), filter, within, people: false
                )
                .first(decodingColumn: "n", as: Int.self) ?? 0
            let rows = try await Self.rows(db, filter, within).limit(paging.per).offset(paging.offset)
                .all(decoding: RegistrationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(items: rows, total: total, page: paging.page, per: paging.per)
        }
    }

    /// Every row of the filter in one ordered read, for exports (paging through OFFSET would sort
    /// the rows again for every page).
    public func all(_ filter: RegistrationFilter, as identity: Identity) async throws -> [RegistrationRow] {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            try await Self.rows(db, filter, try await Self.within(db, filter, identity))
                .all(decoding: RegistrationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    static func within(_ db: any SQLDatabase, _ filter: RegistrationFilter, _ identity: Identity) async throws -> Scope {
        guard let unitId = filter.unitId else { return identity.scope }
        return .subtree(try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId").unitPath)
    }

    static func joined(_ query: SQLSelectBuilder, _ filter: RegistrationFilter, _ within: Scope, people: Bool = true) -> SQLSelectBuilder {
        var query = query.from(SQLAlias(SQLIdentifier("registrations"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                on: SQLColumn("unit_id", table: "r"), .equal, SQLColumn("id", table: "u"))
        if people {
            query = query.join(
                SQLAlias(SQLIdentifier("people"), as: SQLIdentifier("p")), method: SQLJoinMethod.left,
                on: SQLColumn("person_id", table: "r"), .equal, SQLColumn("id", table: "p"))
        }
        query = query.where(SQLColumn("year", table: "r"), .equal, SQLBind(filter.year))
            .whereScope(SQLColumn("path", table: "u"), within)
        if let code = filter.code { query = query.where(SQLColumn("code", table: "r"), .equal, SQLBind(code)) }
        switch filter.subject {
        case .collective: query = query.where(SQLColumn("person_id", table: "r"), .is, SQLLiteral.null)
        case .individual: query = query.where(SQLColumn("person_id", table: "r"), .isNot, SQLLiteral.null)
        case nil: break
        }
        if filter.lateOnly { query = query.where(SQLColumn("late", table: "r"), .equal, SQLBind(true)) }
        return query
    }

    static func rows(_ db: any SQLDatabase, _ filter: RegistrationFilter, _ within: Scope) -> SQLSelectBuilder {
        joined(
            db.select()
                .columns(
                    SQLColumn("unit_id", table: "r"), SQLAlias(SQLColumn("code", table: "u"), as: SQLIdentifier("unit_code")),
                    SQLAlias(SQLColumn("name", table: "u"), as: SQLIdentifier("unit_name")), SQLColumn("person_id", table: "r"),
                    SQLAlias(SQLColumn("full_name", table: "p"), as: SQLIdentifier("person_name")), SQLColumn("code", table: "r"),
                    SQLColumn("target", table: "r"), SQLColumn("registered_on", table: "r"), SQLColumn("late", table: "r"),
                    SQLColumn("reason", table: "r")), filter, within
        )
        .orderBy(SQLColumn("path", table: "u"))
        // The unit's own titles first: NULL people sort first on SQLite and last on PostgreSQL.
        .orderBy(SQLRaw("CASE WHEN r.person_id IS NULL THEN 0 ELSE 1 END"))
        .orderBy(SQLColumn("name_sort", table: "p")).orderBy(SQLColumn("id", table: "r"))
    }
}
