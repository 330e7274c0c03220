import Foundation
import LaurelDomain
import SQLKit

/// What an import checks its rows against, read once: the units and people in the importer's
/// scope, the catalogue, and the records that already exist.
public struct ImportContext: Sendable {
    public struct UnitInfo: Sendable {
        public let id: Int64
        public let path: String
        public let active: Bool
    }
    public struct PersonInfo: Sendable {
        public let id: Int64
        public let unitId: Int64
        public let birthDate: String?
    }

    /// Units inside the scope, by code.
    public var units: [String: UnitInfo] = [:]
    /// Every unit code in the database (codes are unique everywhere).
    public var takenUnitCodes: Set<String> = []
    public var peopleById: [Int64: PersonInfo] = [:]
    /// `searchKey(full name) | birth date | unit id` → person ids (a name and a date may repeat).
    public var peopleByKey: [String: [Int64]] = [:]
    /// Catalogue code → kinds of subject it is for.
    public var catalogue: [String: Set<SubjectKind>] = [:]
    /// "p12/2024" or "u5/2024": assessments that exist.
    public var assessmentKeys: Set<String> = []
    /// "p12/LDTT/2024": register rows that exist.
    public var awardKeys: Set<String> = []

    public static func personKey(fullName: String, birthDate: String?, unitId: Int64) -> String {
        VietnameseText.searchKey(fullName) + "|" + (birthDate ?? "") + "|" + String(unitId)
    }

    public func unitId(ofPerson id: Int64) -> Int64? { peopleById[id]?.unitId }
}

public enum ImportSubjectKind: Sendable { case people, units }

public struct ImportContextLoader: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    /// Loads what `kind` needs; `withPeople` for rows that name people, `records` for the
    /// existing assessments or awards.
    public func load(as identity: Identity, withPeople: Bool, records: String?) async throws -> ImportContext {
        try Permissions.requireWrite(identity)
        return try await database.read { db in
            var context = ImportContext()
            struct UnitRow: Decodable { let id: Int64, code: String, path: String, active: Bool }
            let units = try await db.select().columns("id", "code", "path", "active").from("units")
                .all(decoding: UnitRow.self)
            for unit in units {
                context.takenUnitCodes.insert(unit.code)
                if identity.scope.contains(UnitPath(value: unit.path)) {
                    context.units[unit.code] = .init(id: unit.id, path: unit.path, active: unit.active)
                }
            }
            struct CatalogueRow: Decodable { let code: String, subjectKinds: String }
            for row in try await db.select().columns("code", "subject_kinds").from("award_types")
                .all(decoding: CatalogueRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            {
                context.catalogue[row.code] = Set(row.subjectKinds.split(separator: ",").compactMap { SubjectKind(rawValue: String($0)) })
            }
            if withPeople {
                struct PersonRow: Decodable { let id: Int64, fullName: String, birthDate: String?, unitId: Int64 }
                let rows = try await db.select()
                    .columns(
                        SQLColumn("id", table: "p"), SQLColumn("full_name", table: "p"), SQLColumn("birth_date", table: "p"),
                        SQLColumn("unit_id", table: "p")
                    )
                    .from(SQLAlias(SQLIdentifier("people"), as: "p"))
                    .join(
                        SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner, on: SQLColumn("unit_id", table: "p"),
                        .equal, SQLColumn("id", table: "u")
                    )
                    .whereScope(SQLColumn("path", table: "u"), identity.scope)
                    .all(decoding: PersonRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                for p in rows {
                    context.peopleById[p.id] = .init(id: p.id, unitId: p.unitId, birthDate: p.birthDate)
                    context.peopleByKey[
                        ImportContext.personKey(fullName: p.fullName, birthDate: p.birthDate, unitId: p.unitId), default: []
                    ].append(p.id)
                }
            }
            if records == "assessments" {
                struct KeyRow: Decodable { let personId: Int64?, unitId: Int64?, year: Int }
                for k in try await db.select().columns("person_id", "unit_id", "year").from("assessments")
                    .all(decoding: KeyRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                {
                    context.assessmentKeys.insert(Self.key(personId: k.personId, unitId: k.unitId, rest: String(k.year)))
                }
            }
            if records == "awards" {
                struct KeyRow: Decodable { let personId: Int64?, unitId: Int64?, code: String, year: Int }
                for k in try await db.select().columns("person_id", "unit_id", "code", "year").from("awards")
                    .all(decoding: KeyRow.self, keyDecodingStrategy: .convertFromSnakeCase)
                {
                    context.awardKeys.insert(Self.key(personId: k.personId, unitId: k.unitId, rest: "\(k.code)/\(k.year)"))
                }
            }
            return context
        }
    }

    public static func key(personId: Int64?, unitId: Int64?, rest: String) -> String {
        if let personId { return "p\(personId)/\(rest)" }
        return "u\(unitId ?? 0)/\(rest)"
    }
}
