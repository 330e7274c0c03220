import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// Builds the table of an export. The columns are those of the import layouts (with the person's
/// id first where there is one), so an exported file imports back as the same rows.
struct ExportService: Sendable {
    enum List: String, CaseIterable, Sendable { case units, people, assessments, awards }

    let units: UnitStore
    let people: PersonStore
    let assessments: AssessmentStore
    let awards: AwardStore
    /// Whole exports are among the heaviest requests; they take turns with the others.
    let gate: HeavyWorkGate

    /// `awardCode`, `awardYear`, `hasAward=true|false` of the people list.
    static func awardPresence(_ request: Request) throws -> AwardPresence? {
        let year = try request.strictQueryInt("awardYear")
        let has: Bool
        switch request.query("hasAward") {
        case nil, "true": has = true
        case "false": has = false
        default: throw DomainError.invalid("error.unknown_choice", field: "hasAward", request.query("hasAward") ?? "")
        }
        guard let code = request.query("awardCode") else {
            if year != nil || request.query("hasAward") != nil { throw DomainError.invalid("error.required", field: "awardCode") }
            return nil
        }
        return AwardPresence(code: code, year: year, has: has)
    }

    static func personFilter(_ request: Request) throws -> PersonFilter {
        var filter = PersonFilter(query: request.query("q"), unitId: try request.strictQueryInt64("unitId"))
        if let raw = request.query("staffCategory") {
            guard let value = StaffCategory(rawValue: raw) else {
                throw DomainError.invalid("error.unknown_choice", field: "staffCategory", raw)
            }
            filter.staffCategory = value
        }
        if let raw = request.query("gender") {
            guard let value = Gender(rawValue: raw) else { throw DomainError.invalid("error.unknown_choice", field: "gender", raw) }
            filter.gender = value
        }
        filter.award = try awardPresence(request)
        return filter
    }

    func headers(_ kind: ImportKind, locale: AppLocale, leadingId: Bool) -> [String] {
        (leadingId ? ["personId"] : [])
            + kind.columns.filter { !(leadingId && $0.key == "personId") }.map { locale == .vi ? $0.vi : $0.key }
            .map { $0 == "personId" && locale == .vi ? "Mã cá nhân" : $0 }
    }

    /// Every unit code in scope, for the code columns.
    func unitCodes(_ identity: Identity) async throws -> [Int64: String] {
        var codes: [Int64: String] = [:]
        var page = 1
        while true {
            let items = try await units.list(UnitFilter(), paging: Paging(page: page, per: 500), as: identity)
            for unit in items.items { codes[unit.id] = unit.code }
            if items.items.count < 500 { break }
            page += 1
        }
        return codes
    }

    func table(_ list: List, request: Request, identity: Identity, locale: AppLocale) async throws -> Table {
        try Permissions.requireBrowse(identity)
        switch list {
        case .units:
            let codes = try await unitCodes(identity)
            var rows: [[CellValue]] = []
            var page = 1
            let q = request.query("q")
            while true {
                let items = try await units.list(
                    UnitFilter(parentId: try request.strictQueryInt64("parentId"), query: q), paging: Paging(page: page, per: 500),
                    as: identity)
                rows += items.items.map { u in
                    [
                        .text(u.code), .text(u.name), .text(u.kind.rawValue), .text(u.level.rawValue),
                        u.parentId.flatMap { codes[$0] }.map { .text($0) } ?? .empty,
                    ]
                }
                if items.items.count < 500 { break }
                page += 1
            }
            return Table(name: "units", header: headers(.units, locale: locale, leadingId: false), values: rows)
        case .people:
            let filter = try Self.personFilter(request)
            let codes = try await unitCodes(identity)
            var rows: [[CellValue]] = []
            var page = 1
            while true {
                let items = try await people.list(filter, paging: Paging(page: page, per: 500), as: identity)
                rows += items.items.map { item in
                    let p = item.person
                    return [
                        .number(Double(p.id)), .text(p.fullName), .text(p.gender.rawValue), p.birthDate.map { .text($0) } ?? .empty,
                        .text(codes[p.unitId] ?? ""), p.position.map { .text($0) } ?? .empty, .text(p.staffCategory.rawValue),
                        .bool(p.holdsManagementPost), p.ethnicity.map { .text($0) } ?? .empty,
                    ]
                }
                if items.items.count < 500 { break }
                page += 1
            }
            return Table(name: "people", header: headers(.people, locale: locale, leadingId: true), values: rows)
        case .assessments:
            let items = try await assessments.list(try ExportsAPI.filter(request), paging: nil, as: identity).items
            let rows: [[CellValue]] = items.map { item in
                let a = item.assessment
                return Self.subjectCells(personId: a.personId, name: item.subjectName, birthDate: item.birthDate, unitCode: item.unitCode)
                    + [
                        .number(Double(a.year)), .text(a.rating.rawValue), a.discipline.map { .text($0.rawValue) } ?? .empty,
                        a.notes.map { .text($0) } ?? .empty,
                    ]
            }
            return Table(name: "assessments", header: headers(.assessments, locale: locale, leadingId: false), values: rows)
        case .awards:
            let items = try await awards.list(try ExportsAPI.filter(request), paging: nil, as: identity).items
            let rows: [[CellValue]] = items.map { item in
                let w = item.award
                return Self.subjectCells(personId: w.personId, name: item.subjectName, birthDate: item.birthDate, unitCode: item.unitCode)
                    + [
                        .text(w.code), .number(Double(w.year)), .text(w.kind.rawValue), w.decisionNumber.map { .text($0) } ?? .empty,
                        w.decisionDate.map { .text($0) } ?? .empty, w.authority.map { .text($0) } ?? .empty, .text(w.status.rawValue),
                    ]
            }
            return Table(name: "awards", header: headers(.awards, locale: locale, leadingId: false), values: rows)
        }
    }

    /// personId, fullName, birthDate, unitCode — empty person columns for a unit's own row.
    static func subjectCells(personId: Int64?, name: String, birthDate: String?, unitCode: String) -> [CellValue] {
        guard let personId else { return [.empty, .empty, .empty, .text(unitCode)] }
        return [.number(Double(personId)), .text(name), birthDate.map { .text($0) } ?? .empty, .text(unitCode)]
    }
}
