import Foundation
import LaurelDomain
import SQLKit

/// A unit's registrations (đăng ký thi đua) for a year: the collective titles it aims for and the
/// individual titles each of its people aims for.
public struct Registrations: Codable, Sendable, Equatable {
    public struct Collective: Codable, Sendable, Equatable {
        public var code: String
        public var target: String?
        public init(code: String, target: String? = nil) {
            self.code = code
            self.target = target
        }
    }
    public struct Individual: Codable, Sendable, Equatable {
        public var personId: Int64
        public var personName: String?
        public var code: String
        public var target: String?
        public init(personId: Int64, personName: String? = nil, code: String, target: String? = nil) {
            self.personId = personId
            self.personName = personName
            self.code = code
            self.target = target
        }
    }

    public var unitId: Int64
    public var year: Int
    public var collective: [Collective]
    public var individuals: [Individual]
    public var registeredOn: String?
    /// Registered after the deadline (then with a reason).
    public var late: Bool
    public var reason: String?
    public var deadline: String
    public var registrationRequired: Bool
}

/// Per-unit settings, read with a default (`settings` table keyed by unit and key).
public enum SettingKey: String, Sendable, CaseIterable {
    /// Whether a title needs a prior registration in this organisation ("true"/"false"; default false).
    case registrationRequired = "registration.required"
    /// The registration deadline as "MM-DD" of the year (default: `RegistrationRules.defaultDeadline`).
    case registrationDeadline = "registration.deadline"
}

public struct RegistrationStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    /// A setting of the unit, else of its nearest ancestor that has one, else nil.
    static func setting(_ db: any SQLDatabase, _ key: SettingKey, unitPath: UnitPath) async throws -> String? {
        let ids = unitPath.ids
        guard !ids.isEmpty else { return nil }
        struct Row: Decodable {
            let unitId: Int64
            let value: String
        }
        let rows = try await db.select().columns("unit_id", "value").from("settings").where("key", .equal, SQLBind(key.rawValue))
            .where("unit_id", .in, SQLBind.group(ids)).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        for id in ids.reversed() { if let row = rows.first(where: { $0.unitId == id }) { return row.value } }
        return nil
    }

    static func deadline(_ db: any SQLDatabase, year: Int, unitPath: UnitPath) async throws -> CalendarDate {
        RegistrationRules.deadline(year: year, setting: try await setting(db, .registrationDeadline, unitPath: unitPath))
    }

    public func setSetting(_ key: SettingKey, value: String, unitId: Int64, as identity: Identity) async throws {
        try await setSettings([(key, value)], unitId: unitId, as: identity)
    }

    /// Several settings of one unit in one transaction: all change or none.
    public func setSettings(_ changes: [(SettingKey, String)], unitId: Int64, as identity: Identity) async throws {
        try Permissions.requireWrite(identity)
        try await database.transaction { db in
            let unit = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId")
            for (key, value) in changes {
                let before = try await db.select().column("value").from("settings").where("unit_id", .equal, SQLBind(unitId))
                    .where("key", .equal, SQLBind(key.rawValue)).first(decodingColumn: "value", as: String.self)
                try await db.delete(from: "settings").where("unit_id", .equal, SQLBind(unitId)).where("key", .equal, SQLBind(key.rawValue))
                    .run()
                try await db.insert(into: "settings").columns("unit_id", "key", "value").values(
                    SQLBind(unitId), SQLBind(key.rawValue), SQLBind(value)
                ).run()
                try await AuditLog.append(
                    db, actor: identity.auditActor, action: "set_" + key.rawValue, entity: "setting", entityId: unitId,
                    unitPath: unit.path, before: before, after: value)
            }
        }
    }

    public func get(unitId: Int64, year: Int, as identity: Identity) async throws -> Registrations {
        try await database.read { db in
            let unit = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope)
            return try await Self.load(db, unit: unit, year: year)
        }
    }

    static func load(_ db: any SQLDatabase, unit: OrgUnit, year: Int) async throws -> Registrations {
        struct Row: Decodable {
            let personId: Int64?, code: String, target: String?, reason: String?, registeredOn: String, late: Bool, fullName: String?
        }
        let rows = try await db.select()
            .columns(
                SQLColumn("person_id", table: "r"), SQLColumn("code", table: "r"), SQLColumn("target", table: "r"),
                SQLColumn("reason", table: "r"), SQLColumn("registered_on", table: "r"), SQLColumn("late", table: "r"),
                SQLColumn("full_name", table: "p")
            )
            .from(SQLAlias(SQLIdentifier("registrations"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("people"), as: SQLIdentifier("p")), method: SQLJoinMethod.left,
                on: SQLColumn("person_id", table: "r"), .equal, SQLColumn("id", table: "p")
            )
            .where(SQLColumn("unit_id", table: "r"), .equal, SQLBind(unit.id)).where(SQLColumn("year", table: "r"), .equal, SQLBind(year))
            .orderBy(SQLColumn("id", table: "r"), SQLDirection.ascending)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let required = try await setting(db, .registrationRequired, unitPath: unit.unitPath) == "true"
        return Registrations(
            unitId: unit.id, year: year,
            collective: rows.filter { $0.personId == nil }.map { .init(code: $0.code, target: $0.target) },
            individuals: rows.compactMap { row in
                row.personId.map { .init(personId: $0, personName: row.fullName, code: row.code, target: row.target) }
            },
            registeredOn: rows.first?.registeredOn, late: rows.first?.late ?? false, reason: rows.first?.reason,
            deadline: try await deadline(db, year: year, unitPath: unit.unitPath).description, registrationRequired: required)
    }

    /// Replaces the unit's registrations for the year. After the deadline a reason is required.
    /// Codes are checked by the caller against the catalogue; people must belong to the unit.
    public func put(
        unitId: Int64, year: Int, collective: [Registrations.Collective], individuals: [Registrations.Individual], reason: String?,
        on date: CalendarDate, as identity: Identity
    ) async throws -> Registrations {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let unit = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope)
            let deadline = try await Self.deadline(db, year: year, unitPath: unit.unitPath)
            let late = RegistrationRules.isLate(on: date, deadline: deadline)
            if late, (reason ?? "").isEmpty {
                throw DomainError.invalid("error.registration_reason_required", field: "reason", deadline.description)
            }
            let personIds = Array(Set(individuals.map(\.personId)))
            if !personIds.isEmpty {
                let found = try await db.select().column("id").from("people").where("unit_id", .equal, SQLBind(unitId))
                    .where("id", .in, SQLBind.group(personIds)).all(decodingColumn: "id", as: Int64.self)
                if let stranger = personIds.first(where: { !found.contains($0) }) {
                    throw DomainError.invalid("error.registration_person_not_in_unit", field: "individuals", String(stranger))
                }
            }
            let before = try await Self.load(db, unit: unit, year: year)
            try await db.delete(from: "registrations").where("unit_id", .equal, SQLBind(unitId)).where("year", .equal, SQLBind(year)).run()
            let rows: [(Int64?, String, String?)] =
                collective.map { (nil, $0.code, $0.target) } + individuals.map { ($0.personId, $0.code, $0.target) }
            for row in rows {
                try await db.insert(into: "registrations")
                    .columns("unit_id", "year", "person_id", "code", "target", "reason", "registered_on", "late")
                    .values(
                        SQLBind(unitId), SQLBind(year), SQLBind(row.0), SQLBind(row.1), SQLBind(row.2), SQLBind(late ? reason : nil),
                        SQLBind(date.description), SQLBind(late)
                    )
                    .run()
            }
            let after = try await Self.load(db, unit: unit, year: year)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "register", entity: "registration", entityId: unitId,
                unitPath: unit.path, before: before, after: after)
            return after
        }
    }

    /// One person's registrations over the years (the person's page shows them).
    public struct PersonRegistration: Codable, Sendable {
        public var year: Int
        public var code: String
        public var target: String?
    }

    public func forPerson(_ personId: Int64, as identity: Identity) async throws -> [PersonRegistration] {
        try await database.read { db in
            _ = try await PersonStore.fetchInScope(db, id: personId, identity: identity)
            struct Row: Decodable {
                let year: Int
                let code: String
                let target: String?
            }
            return try await db.select().columns("year", "code", "target").from("registrations")
                .where("person_id", .equal, SQLBind(personId)).orderBy("year", .descending).orderBy("id")
                .all(decoding: Row.self).map { PersonRegistration(year: $0.year, code: $0.code, target: $0.target) }
        }
    }
}
