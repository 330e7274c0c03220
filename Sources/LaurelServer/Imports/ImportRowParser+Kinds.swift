import Foundation
import LaurelDocuments
import LaurelDomain
import LaurelStore

extension ImportRowParser {
    mutating func parseUnit(_ f: Fields) {
        let before = problems.count
        let code = text(f, "code", required: true, max: Validate.maxCodeLength)
        if let code {
            var errors: [DomainError] = []
            _ = Validate.code(code, field: "code", into: &errors)
            if !errors.isEmpty {
                problem(f, "code", "error.import_bad_code", code)
            } else if context.takenUnitCodes.contains(code) {
                problem(f, "code", "error.import_already_exists", code)
            } else if firstTime(f, "unit/" + code, column: "code") {
                newUnitCodes.insert(code)
            }
        }
        let name = text(f, "name", required: true)
        let kind = choice(f, "kind", ImportValues.unitKinds, required: true)
        let level = choice(f, "level", ImportValues.unitLevels, required: true)
        let parent = text(f, "parentCode", required: true, max: 40)
        if let parent, context.units[parent] == nil, !newUnitCodes.contains(parent) || parent == code {
            problem(f, "parentCode", "error.import_unknown_unit", parent)
        }
        guard problems.count == before, let code, let name, let kind, let level, let parent else { return }
        units.append(.init(code: code, name: name, kind: kind, level: level, parentCode: parent))
    }

    mutating func parsePerson(_ f: Fields) {
        let before = problems.count
        let name = text(f, "fullName", required: true)
        let gender = choice(f, "gender", ImportValues.genders, required: true)
        let birth = date(f, "birthDate")
        let unit = unit(f)
        if let unit, !unit.active { problem(f, "unitCode", "error.import_unit_inactive", f.text("unitCode")) }
        let position = text(f, "position", required: false)
        let category = choice(f, "staffCategory", ImportValues.categories, required: true)
        let management = ImportValues.bool(f.text("holdsManagementPost"))
        if management == nil { problem(f, "holdsManagementPost", "error.import_bad_value", f.text("holdsManagementPost")) }
        let ethnicity = text(f, "ethnicity", required: false, max: 60)
        if let name, let unit {
            let key = ImportContext.personKey(fullName: name, birthDate: birth?.description, unitId: unit.id)
            if context.peopleByKey[key] != nil {
                problem(f, "fullName", "error.import_already_exists", name)
            } else {
                _ = firstTime(f, "person/" + key, column: "fullName")
            }
        }
        guard problems.count == before, let name, let gender, unit != nil, let category else { return }
        people.append(
            .init(
                fullName: name, gender: gender, birthDate: birth?.description, unitCode: f.text("unitCode"), position: position,
                staffCategory: category, holdsManagementPost: management ?? false, ethnicity: ethnicity))
    }

    mutating func parseAssessment(_ f: Fields) {
        let before = problems.count
        let subject = subject(f)
        let year = year(f)
        let rating = choice(f, "rating", ImportValues.ratings, required: true)
        let discipline = choice(f, "discipline", ImportValues.disciplines, required: false)
        let notes = text(f, "notes", required: false, max: 1000)
        if let subject, let year {
            if !beforeBirth(f, year: year, birthDate: subject.birthDate) {
                let key = ImportContextLoader.key(personId: subject.0.personId, unitId: subject.0.unitId, rest: String(year))
                if context.assessmentKeys.contains(key) {
                    problem(f, "year", "error.import_already_exists", String(year))
                } else {
                    _ = firstTime(f, key, column: "year")
                }
            }
        }
        guard problems.count == before, let subject, let year, let rating else { return }
        assessments.append(
            .init(subject: subject.0, draft: AssessmentDraft(year: year, rating: rating, discipline: discipline, notes: notes)))
    }

    mutating func parseAward(_ f: Fields) {
        let before = problems.count
        let subject = subject(f)
        let code = text(f, "code", required: true, max: 40)
        if let code {
            if let kinds = context.catalogue[code] {
                if let subject, !kinds.contains(subject.0.personId != nil ? .individual : .collective) {
                    problem(f, "code", "error.import_award_wrong_subject", code)
                }
            } else {
                problem(f, "code", "error.import_unknown_award_code", code)
            }
        }
        let year = year(f)
        let kind = choice(f, "kind", ImportValues.awardKinds, required: false) ?? .merit
        let number = text(f, "decisionNumber", required: false, max: 100)
        let decisionDate = date(f, "decisionDate")
        let authority = text(f, "authority", required: false)
        let status = choice(f, "status", ImportValues.statuses, required: false) ?? .valid
        if let subject, let year, let code, !beforeBirth(f, year: year, birthDate: subject.birthDate) {
            let key = ImportContextLoader.key(personId: subject.0.personId, unitId: subject.0.unitId, rest: "\(code)/\(year)")
            if context.awardKeys.contains(key) {
                problem(f, "code", "error.import_already_exists", "\(code) \(year)")
            } else {
                _ = firstTime(f, key, column: "code")
            }
        }
        guard problems.count == before, let subject, let code, let year else { return }
        awards.append(
            .init(
                subject: subject.0,
                draft: AwardDraft(
                    code: code, year: year, kind: kind, decisionNumber: number,
                    decisionDate: decisionDate, authority: authority, status: status)))
    }

    mutating func parseInitiative(_ f: Fields) {
        let before = problems.count
        let title = text(f, "title", required: true, max: 500)
        let year = year(f)
        let level = choice(f, "level", ImportValues.levels, required: true)
        let number = text(f, "decisionNumber", required: false, max: 100)
        var authors: [Initiative.Author] = []
        let raw = f.text("authors")
        if raw.isEmpty { problem(f, "authors", "error.import_required") }
        for part in raw.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let pieces = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(pieces.count), let id = Int64(pieces[0]), let share = pieces.count == 2 ? Int(pieces[1]) : 100 else {
                problem(f, "authors", "error.import_bad_authors", String(part))
                continue
            }
            guard let person = context.peopleById[id] else {
                problem(f, "authors", "error.import_unknown_person", String(id))
                continue
            }
            if let year { _ = beforeBirth(f, year: year, birthDate: person.birthDate) }
            authors.append(.init(personId: id, share: share))
        }
        let shares = authors.map(\.share)
        if !authors.isEmpty,
            shares.contains(where: { !(1...100).contains($0) }) || shares.reduce(0, +) > 100
                || Set(authors.map(\.personId)).count != authors.count
        {
            problem(f, "authors", "error.import_bad_shares")
        }
        if let title, let year { _ = firstTime(f, "initiative/\(VietnameseText.searchKey(title))/\(year)", column: "title") }
        guard problems.count == before, let title, let year, let level, let first = authors.first,
            let unitId = context.unitId(ofPerson: first.personId)
        else { return }
        initiatives.append(
            (InitiativeDraft(title: title, year: year, level: level, decisionNumber: number, authors: authors), unitId: unitId))
    }
}
