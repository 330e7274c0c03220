import Foundation
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// Checks the rows of one file against the rules and the database's current state, and turns the
/// good ones into rows to load. Duplicates are found within the file as well as in the database.
struct ImportRowParser {
    let kind: ImportKind
    let context: ImportContext
    let today: CalendarDate
    /// Column key → the header as the file wrote it, for messages.
    var headers: [String: String] = [:]
    var problems: [ImportProblem] = []
    var seen: [String: Int] = [:]
    var newUnitCodes: Set<String> = []
    /// Folded forms of the texts seen in choice columns: a column of ratings holds a handful of
    /// distinct texts, and folding (Unicode decomposition) is the costly part of a row.
    var foldCache: [String: String] = [:]

    mutating func folded(_ text: String) -> String {
        if let cached = foldCache[text] { return cached }
        let value = ImportKind.fold(text)
        if foldCache.count < 10_000 { foldCache[text] = value }
        return value
    }

    var units: [BulkLoader.UnitRow] = []
    var people: [BulkLoader.PersonRow] = []
    var assessments: [RecordLoader.AssessmentRow] = []
    var initiatives: [(InitiativeDraft, unitId: Int64)] = []
    var awards: [RecordLoader.AwardRow] = []

    var rows: RecordLoader.Rows {
        switch kind {
        case .units: .units(units)
        case .people: .people(people)
        case .assessments: .assessments(assessments)
        case .initiatives: .initiatives(initiatives)
        case .awards: .awards(awards)
        }
    }

    /// One row's cells by column key, with its number for messages.
    struct Fields {
        let number: Int
        let cells: [String: Cell]
        func text(_ key: String) -> String { (cells[key]?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func has(_ key: String) -> Bool { !text(key).isEmpty }
    }

    mutating func problem(_ f: Fields, _ column: String?, _ key: String, _ arguments: String...) {
        problems.append(ImportProblem(row: f.number, column: column.map { headers[$0] ?? $0 }, key: key, arguments: arguments))
    }

    /// A text of bounded length, without control characters.
    mutating func text(_ f: Fields, _ key: String, required: Bool, max: Int = 200) -> String? {
        let value = f.text(key)
        if value.isEmpty {
            if required { problem(f, key, "error.import_required") }
            return nil
        }
        if value.count > max {
            problem(f, key, "error.import_too_long", String(max))
            return nil
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
            problem(f, key, "error.import_control_characters")
            return nil
        }
        if HiddenCharacters.containsInvisible(value) {
            problem(f, key, "error.import_hidden_characters")
            return nil
        }
        return value.precomposedStringWithCanonicalMapping
    }

    mutating func choice<T>(_ f: Fields, _ key: String, _ table: [String: T], required: Bool) -> T? {
        let value = f.text(key)
        if value.isEmpty {
            if required { problem(f, key, "error.import_required") }
            return nil
        }
        guard let found = table[folded(value)] else {
            problem(f, key, "error.import_bad_value", value)
            return nil
        }
        return found
    }

    mutating func year(_ f: Fields, _ key: String = "year") -> Int? {
        guard f.has(key) else {
            problem(f, key, "error.import_required")
            return nil
        }
        guard let cell = f.cells[key], let year = ImportValues.integer(cell) else {
            problem(f, key, "error.import_bad_year", f.text(key))
            return nil
        }
        if year > today.year {
            problem(f, key, "error.import_future_year", String(year))
            return nil
        }
        if year < RecordRules.firstYear {
            problem(f, key, "error.import_bad_year", String(year))
            return nil
        }
        return year
    }

    mutating func date(_ f: Fields, _ key: String) -> CalendarDate? {
        guard f.has(key), let cell = f.cells[key] else { return nil }
        guard let date = ImportValues.date(cell) else {
            problem(f, key, "error.import_bad_date", f.text(key))
            return nil
        }
        if date > today {
            problem(f, key, "error.import_future_date", date.description)
            return nil
        }
        if date.year < today.year - 120 {
            problem(f, key, "error.import_bad_date", f.text(key))
            return nil
        }
        return date
    }

    mutating func unit(_ f: Fields, _ key: String = "unitCode") -> ImportContext.UnitInfo? {
        guard let code = text(f, key, required: true, max: 40) else { return nil }
        guard let unit = context.units[code] else {
            problem(f, key, "error.import_unknown_unit", code)
            return nil
        }
        return unit
    }

    /// The row's duplicate key: the first row with it wins, later ones are refused.
    mutating func firstTime(_ f: Fields, _ key: String, column: String?) -> Bool {
        if let first = seen[key] {
            problem(f, column, "error.import_duplicate_row", String(first))
            return false
        }
        seen[key] = f.number
        return true
    }

    /// A person by id, or by name, birth date and unit; with only a unit code, the unit itself.
    mutating func subject(_ f: Fields) -> (RecordSubject, birthDate: String?)? {
        if f.has("personId") {
            guard let cell = f.cells["personId"], let id = ImportValues.integer(cell).map(Int64.init),
                let person = context.peopleById[id]
            else {
                problem(f, "personId", "error.import_unknown_person", f.text("personId"))
                return nil
            }
            return (.person(id), person.birthDate)
        }
        guard let unit = unit(f) else { return nil }
        guard f.has("fullName") else { return (.unit(unit.id), nil) }
        let birth = date(f, "birthDate")?.description
        let ids = context.peopleByKey[ImportContext.personKey(fullName: f.text("fullName"), birthDate: birth, unitId: unit.id)] ?? []
        guard let id = ids.first else {
            problem(f, "fullName", "error.import_unknown_person", f.text("fullName"))
            return nil
        }
        if ids.count > 1 {
            problem(f, "fullName", "error.import_ambiguous_person", f.text("fullName"))
            return nil
        }
        return (.person(id), context.peopleById[id]?.birthDate)
    }

    mutating func beforeBirth(_ f: Fields, year: Int, birthDate: String?) -> Bool {
        guard let birth = birthDate.flatMap({ CalendarDate($0) }), year < birth.year else { return false }
        problem(f, "year", "error.import_before_birth", String(year), String(birth.year))
        return true
    }

    mutating func parse(_ f: Fields) {
        switch kind {
        case .units: parseUnit(f)
        case .people: parsePerson(f)
        case .assessments: parseAssessment(f)
        case .initiatives: parseInitiative(f)
        case .awards: parseAward(f)
        }
    }
}
