import LaurelDomain
import SQLKit

/// Fast loading of many units and people at once, for the demo organisation and the benchmark's
/// synthetic provinces: multi-row inserts in chunks, paths filled level by level in one statement.
public enum BulkLoader {
    public struct UnitRow: Sendable {
        public var code: String, name: String, kind: UnitKind, level: UnitLevel, parentCode: String?
        public init(code: String, name: String, kind: UnitKind, level: UnitLevel, parentCode: String?) {
            self.code = code
            self.name = name
            self.kind = kind
            self.level = level
            self.parentCode = parentCode
        }
    }

    public struct PersonRow: Sendable {
        public var fullName: String, gender: Gender, birthDate: String?, unitCode: String, position: String?
        public var staffCategory: StaffCategory, holdsManagementPost: Bool, ethnicity: String?
        public init(
            fullName: String, gender: Gender, birthDate: String?, unitCode: String, position: String?,
            staffCategory: StaffCategory, holdsManagementPost: Bool, ethnicity: String?
        ) {
            self.fullName = fullName
            self.gender = gender
            self.birthDate = birthDate
            self.unitCode = unitCode
            self.position = position
            self.staffCategory = staffCategory
            self.holdsManagementPost = holdsManagementPost
            self.ethnicity = ethnicity
        }
    }

    static let chunk = 400

    /// Inserts units (parents before children, as given) and returns code → id.
    public static func insertUnits(_ db: any SQLDatabase, _ units: [UnitRow]) async throws -> [String: Int64] {
        var ids = try await codeIndex(db)
        let now = Clock.timestamp()
        // Units are inserted generation by generation so every parent has its id and path first.
        var remaining = units
        while !remaining.isEmpty {
            let ready = remaining.filter { $0.parentCode == nil || ids[$0.parentCode!] != nil }
            guard !ready.isEmpty else { throw DomainError.invalid("error.unknown_parent_code", field: "parentCode") }
            let readyCodes = Set(ready.map(\.code))
            remaining.removeAll { readyCodes.contains($0.code) }
            for start in stride(from: 0, to: ready.count, by: chunk) {
                var insert = db.insert(into: "units")
                    .columns(
                        "code", "name", "name_search", "name_sort", "kind", "level", "parent_id", "path", "active", "created_at",
                        "updated_at")
                for unit in ready[start..<min(start + chunk, ready.count)] {
                    insert = insert.values(
                        SQLBind(unit.code), SQLBind(unit.name), SQLBind(VietnameseText.searchKey(unit.name)),
                        SQLBind(VietnameseText.sortKey(unit.name)),
                        SQLBind(unit.kind.rawValue), SQLBind(unit.level.rawValue), SQLBind(unit.parentCode.flatMap { ids[$0] }),
                        SQLBind("/"),
                        SQLBind(true), SQLBind(now), SQLBind(now))
                }
                try await insert.run()
            }
            try await db.raw(
                """
                UPDATE units SET path = COALESCE((SELECT p.path FROM units p WHERE p.id = units.parent_id), '/') || CAST(id AS TEXT) || '/'
                WHERE path = '/'
                """
            ).run()
            ids = try await codeIndex(db)
        }
        return ids
    }

    public static func insertPeople(_ db: any SQLDatabase, _ people: [PersonRow], unitIds: [String: Int64]) async throws {
        let now = Clock.timestamp()
        for start in stride(from: 0, to: people.count, by: chunk) {
            var insert = db.insert(into: "people")
                .columns(
                    "full_name", "name_search", "name_sort", "gender", "birth_date", "unit_id", "position", "staff_category",
                    "holds_management_post", "ethnicity", "created_at", "updated_at")
            for person in people[start..<min(start + chunk, people.count)] {
                guard let unitId = unitIds[person.unitCode] else {
                    throw DomainError.invalid("error.unknown_unit_code", field: "unitCode", person.unitCode)
                }
                insert = insert.values(
                    SQLBind(person.fullName), SQLBind(VietnameseText.searchKey(person.fullName)),
                    SQLBind(VietnameseText.personSortKey(person.fullName)),
                    SQLBind(person.gender.rawValue), SQLBind(person.birthDate), SQLBind(unitId), SQLBind(person.position),
                    SQLBind(person.staffCategory.rawValue), SQLBind(person.holdsManagementPost), SQLBind(person.ethnicity), SQLBind(now),
                    SQLBind(now))
            }
            try await insert.run()
        }
    }

    static func codeIndex(_ db: any SQLDatabase) async throws -> [String: Int64] {
        struct Row: Decodable {
            let id: Int64
            let code: String
        }
        let rows = try await db.select().columns("id", "code").from("units").all(decoding: Row.self)
        return Dictionary(rows.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
    }
}
