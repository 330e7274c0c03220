import Foundation
import LaurelDomain
import SQLKit

/// The rows of an import as the table they go into: its columns and one list of values a row.
/// Both ways of writing an import use it: straight into the table inside one transaction, or staged
/// in a temporary table first (SQLite) and moved in one statement.
struct ImportTable: Sendable {
    let table: String
    let columns: [String]
    let values: [[SQLBind]]

    var columnList: String { columns.joined(separator: ", ") }

    /// People, assessments and awards; nil for kinds written row by row (units, initiatives).
    static func make(_ rows: RecordLoader.Rows, unitIds: [String: Int64]) throws -> ImportTable? {
        let now = Clock.timestamp()
        switch rows {
        case .people(let people):
            let values = try people.map { person -> [SQLBind] in
                guard let unitId = unitIds[person.unitCode] else {
                    throw DomainError.invalid("error.unknown_unit_code", field: "unitCode", person.unitCode)
                }
                return [
                    SQLBind(person.fullName), SQLBind(VietnameseText.searchKey(person.fullName)),
                    SQLBind(VietnameseText.personSortKey(person.fullName)), SQLBind(person.gender.rawValue), SQLBind(person.birthDate),
                    SQLBind(unitId), SQLBind(person.position), SQLBind(person.staffCategory.rawValue),
                    SQLBind(person.holdsManagementPost), SQLBind(person.ethnicity), SQLBind(now), SQLBind(now),
                ]
            }
            return ImportTable(
                table: "people",
                columns: [
                    "full_name", "name_search", "name_sort", "gender", "birth_date", "unit_id", "position",
                    "staff_category", "holds_management_post", "ethnicity", "created_at", "updated_at",
                ],
                values: values)
        case .assessments(let items):
            return ImportTable(
                table: "assessments",
                columns: ["person_id", "unit_id", "year", "rating", "discipline", "notes", "source", "created_at", "updated_at"],
                values: items.map { item in
                    [
                        SQLBind(item.subject.personId), SQLBind(item.subject.unitId), SQLBind(item.draft.year),
                        SQLBind(item.draft.rating.rawValue),
                        SQLBind(item.draft.discipline?.rawValue), SQLBind(item.draft.notes), SQLBind(AwardSource.imported.rawValue),
                        SQLBind(now), SQLBind(now),
                    ]
                })
        case .awards(let items):
            return ImportTable(
                table: "awards",
                columns: [
                    "person_id", "unit_id", "code", "year", "end_year", "kind", "decision_number", "decision_date", "authority",
                    "source", "status", "created_at", "updated_at",
                ],
                values: items.map { item in
                    let d = item.draft
                    return [
                        SQLBind(item.subject.personId), SQLBind(item.subject.unitId), SQLBind(d.code), SQLBind(d.year), SQLBind(d.endYear),
                        SQLBind(d.kind.rawValue), SQLBind(d.decisionNumber), SQLBind(d.decisionDate?.description), SQLBind(d.authority),
                        SQLBind(AwardSource.imported.rawValue), SQLBind(d.status.rawValue), SQLBind(now), SQLBind(now),
                    ]
                })
        case .units, .initiatives:
            return nil
        }
    }

    /// Inserts rows `range` into `table` (the real one, or a stage), returning the new ids when asked.
    func insert(_ range: Range<Int>, into target: String? = nil, returningIds: Bool, on db: any SQLDatabase) async throws -> [Int64] {
        var insert = db.insert(into: target ?? table).columns(columns)
        for row in values[range] { insert = insert.values(row.map { $0 as any SQLExpression }) }
        guard returningIds else {
            try await insert.run()
            return []
        }
        return try await insert.returning("id").all(decodingColumn: "id", as: Int64.self)
    }
}

/// Ids as inclusive ranges, `[[first, last], …]`: what an import's audit entry keeps of its rows.
enum IdRanges {
    static func of(_ ids: [Int64]) -> [[Int64]] {
        var ranges: [[Int64]] = []
        for id in ids.sorted() {
            if let last = ranges.last?.last, id == last + 1 {
                ranges[ranges.count - 1][1] = id
            } else {
                ranges.append([id, id])
            }
        }
        return ranges
    }
}
