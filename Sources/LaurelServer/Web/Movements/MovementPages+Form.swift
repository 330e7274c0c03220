import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The form that launches a new movement or adapts a draft. It builds the API's request from the
/// fields and goes through the API's validation, so that both refuse the same input.
extension MovementPages {
    /// What the user typed (or what is stored), as the form shows it.
    struct FormValues: Sendable {
        struct Deadline: Sendable {
            var title: String
            var due: String
        }
        var name = "", launcherUnitId = "", kind = MovementKind.regular.rawValue, startDate = "", endDate = ""
        var objectives = "", motto = "", contents = "", other = ""
        var criteria: [String: String] = [:]
        var plannedForms: [String] = []
        var deadlines: [Deadline] = []

        init() {}

        init(_ form: FormData) {
            func text(_ name: String) -> String { (form[name] ?? "").replacingOccurrences(of: "\r\n", with: "\n") }
            name = text("name")
            launcherUnitId = text("launcherUnitId")
            kind = text("kind")
            startDate = text("startDate")
            endDate = text("endDate")
            objectives = text("objectives")
            motto = text("motto")
            contents = text("contents")
            other = text("criteria_other")
            for group in ParticipantGroup.named { criteria[group.rawValue] = text("criteria_\(group.rawValue)") }
            plannedForms = form.values["plannedForms"] ?? []
            let rows = form.values.keys.compactMap { $0.hasPrefix("deadline_title_") ? Int($0.dropFirst("deadline_title_".count)) : nil }
            deadlines = (1...min(max(rows.max() ?? 0, 1), 50)).map {
                Deadline(title: text("deadline_title_\($0)"), due: text("deadline_due_\($0)"))
            }
        }

        init(_ movement: MovementRecord) {
            name = movement.name
            launcherUnitId = String(movement.launcherUnitId)
            kind = movement.kind.rawValue
            startDate = movement.startDate
            endDate = movement.endDate
            motto = movement.motto
            objectives = movement.objectives.joined(separator: "\n")
            contents = movement.contents.map(\.title).joined(separator: "\n")
            let named = Set(ParticipantGroup.named)
            for group in named {
                criteria[group.rawValue] = movement.criteria.filter { $0.group == group }.map(\.text).joined(separator: "\n")
            }
            other = movement.criteria.filter { !named.contains($0.group) }.map { "\($0.group.rawValue): \($0.text)" }.joined(
                separator: "\n")
            plannedForms = movement.plannedForms
            deadlines = movement.reportDeadlines.map { Deadline(title: $0.title, due: $0.dueDate) }
        }

        static func lines(_ text: String) -> [String] {
            text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// The API's request, the form field each indexed request field came from, and the
        /// problems only a textarea can have.
        func request() -> (body: MovementsAPI.CreateRequest, fieldOf: [String: String], errors: [DomainError]) {
            var fieldOf: [String: String] = [:]
            var errors: [DomainError] = []
            var criteria: [MovementsAPI.CreateRequest.Criterion] = []
            for group in ParticipantGroup.named {
                for line in Self.lines(self.criteria[group.rawValue] ?? "") {
                    fieldOf["criteria.\(criteria.count)"] = "criteria_\(group.rawValue)"
                    criteria.append(.init(group: group.rawValue, text: line))
                }
            }
            for line in Self.lines(other) {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    errors.append(.invalid("error.movement_other_criterion_format", field: "criteria_other", line))
                    continue
                }
                fieldOf["criteria.\(criteria.count)"] = "criteria_other"
                criteria.append(.init(group: parts[0], text: parts[1]))
            }
            var deadlines: [MovementsAPI.CreateRequest.Deadline] = []
            for (row, deadline) in self.deadlines.enumerated() {
                let title = deadline.title.trimmingCharacters(in: .whitespaces)
                let due = deadline.due.trimmingCharacters(in: .whitespaces)
                if title.isEmpty && due.isEmpty { continue }  // an unused row
                fieldOf["reportDeadlines.\(deadlines.count)"] = "deadline_\(row + 1)"
                deadlines.append(.init(title: title, dueDate: due))
            }
            // "1. Nội dung" and "1) Nội dung" lose their typed number: contents are numbered in order.
            let contents = Self.lines(self.contents).map { line in
                MovementsAPI.CreateRequest.Content(title: line.replacing(/^\d{1,3}\s*[.)]\s+/, with: ""))
            }
            let body = MovementsAPI.CreateRequest(
                name: name, launcherUnitId: Int64(launcherUnitId), kind: kind, startDate: startDate, endDate: endDate, parentId: nil,
                objectives: Self.lines(objectives), motto: motto, contents: contents, criteria: criteria, plannedForms: plannedForms,
                reportDeadlines: deadlines)
            return (body, fieldOf, errors)
        }
    }

    /// The form field an API field belongs to ("criteria.3.text" → "criteria_provinces").
    static func formField(_ field: String?, fieldOf: [String: String]) -> String {
        guard let field else { return "form" }
        let parts = field.split(separator: ".").map(String.init)
        switch parts.first {
        case "objectives": return "objectives"
        case "contents": return "contents"
        case "plannedForms": return "plannedForms"
        case "criteria" where parts.count > 1: return fieldOf["criteria.\(parts[1])"] ?? "criteria_other"
        case "criteria": return "criteria_other"
        case "reportDeadlines" where parts.count > 1: return fieldOf["reportDeadlines.\(parts[1])"] ?? "deadlines"
        case "reportDeadlines": return "deadlines"
        case "unitId": return "launcherUnitId"
        default: return field
        }
    }

    struct GroupField {
        let name: String
        let label: String
        let value: String
        let error: String?
    }
    struct Check {
        let code: String
        let name: String
        let checked: Bool
    }
    struct CheckGroup {
        let label: String
        let entries: [Check]
    }
    struct DeadlineRow {
        let number: Int
        let title: String
        let due: String
        let error: String?
    }
    struct FormContent {
        let action: String
        let heading: String
        let isNew: Bool
        let hasErrors: Bool
        let alert: String?
        let cancel: String
        let name: Field
        let launchers: [Option]
        let launcherError: String?
        let launcherName: String
        let kinds: [Option]
        let kindError: String?
        let startDate: Field
        let endDate: Field
        let objectives: Field
        let motto: Field
        let contents: Field
        let groups: [GroupField]
        let formGroups: [CheckGroup]
        let plannedFormsError: String?
        let deadlines: [DeadlineRow]
        let deadlinesError: String?
        let parentId: Int64?
    }

    func form(
        _ values: FormValues, movement: MovementRecord?, errors: [String: [String]], alert: String? = nil, identity: Identity,
        context: some SignedInRequestContext
    ) async throws -> FormContent {
        func error(_ field: String) -> String? { errors[field].map { $0.joined(separator: " ") } }
        func field(_ name: String, _ value: String) -> Field { Field(value: value, error: error(name)) }
        var launchers: [Option] = []
        if movement == nil {
            let candidates = try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
            launchers = candidates.map {
                Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: values.launcherUnitId == String($0.id))
            }
        }
        var groups = ParticipantGroup.named.map { group in
            GroupField(
                name: "criteria_\(group.rawValue)", label: pages.t("movement_group_\(group.rawValue)", context),
                value: values.criteria[group.rawValue] ?? "", error: error("criteria_\(group.rawValue)"))
        }
        groups.append(
            GroupField(
                name: "criteria_other", label: pages.t("movement_group_other", context), value: values.other, error: error("criteria_other")
            ))
        let catalogue = context.catalogue
        let formGroups = AwardCategory.allCases.map { category in
            CheckGroup(
                label: pages.t("award_category_\(category.rawValue)", context),
                entries: catalogue.entries.filter { $0.category == category }.map {
                    Check(
                        code: $0.code, name: context.locale == .vi ? $0.nameVi : $0.nameEn, checked: values.plannedForms.contains($0.code))
                })
        }
        let rows = max(6, values.deadlines.count + 1)
        let deadlines = (0..<rows).map { index in
            let value = index < values.deadlines.count ? values.deadlines[index] : FormValues.Deadline(title: "", due: "")
            return DeadlineRow(number: index + 1, title: value.title, due: value.due, error: error("deadline_\(index + 1)"))
        }
        let heading = pages.t(movement == nil ? "movement_new" : "movement_edit", context)
        return FormContent(
            action: movement.map { "/movements/\($0.id)/edit" } ?? "/movements/new", heading: heading, isNew: movement == nil,
            hasErrors: !errors.isEmpty, alert: alert ?? error("form"), cancel: movement.map { "/movements/\($0.id)" } ?? "/movements",
            name: field("name", values.name), launchers: launchers, launcherError: error("launcherUnitId"),
            launcherName: movement?.launcherName ?? "",
            kinds: MovementKind.allCases.map {
                Option(value: $0.rawValue, label: pages.t("movement_kind_\($0.rawValue)", context), selected: values.kind == $0.rawValue)
            },
            kindError: error("kind"), startDate: field("startDate", values.startDate), endDate: field("endDate", values.endDate),
            objectives: field("objectives", values.objectives), motto: field("motto", values.motto),
            contents: field("contents", values.contents),
            groups: groups, formGroups: formGroups, plannedFormsError: error("plannedForms"), deadlines: deadlines,
            deadlinesError: error("deadlines"),
            parentId: movement?.parentId)
    }

    func newForm(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        var values = FormValues()
        values.launcherUnitId = String(identity.scopeRootId ?? identity.account.unitId)
        let content = try await form(values, movement: nil, errors: [:], identity: identity, context: context)
        return try pages.html("movement_form", title: content.heading, nav: "movements", content: content, context: context)
    }

    func editForm(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let movement = try await movements.get(try context.id(), as: identity)
        guard (try? await units.get(movement.launcherUnitId, as: identity)) != nil else {
            throw DomainError(.forbidden, "error.movement_not_yours")
        }
        guard movement.status == .draft else {
            return try await render(
                movement.id, identity: identity, context: context, flash: pages.t("error.movement_not_draft", context), status: .conflict)
        }
        let content = try await form(FormValues(movement), movement: movement, errors: [:], identity: identity, context: context)
        return try pages.html("movement_form", title: content.heading, nav: "movements", content: content, context: context)
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let values = FormValues(try await FormData.read(request, context: context))
        return try await save(values, movement: nil, identity: identity, context: context) { body in
            try await movements.create(try MovementsAPI.movement(body, catalogue: context.catalogue), as: identity).id
        }
    }

    func update(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let current = try await movements.get(try context.id(), as: identity)
        let values = FormValues(try await FormData.read(request, context: context))
        return try await save(values, movement: current, identity: identity, context: context) { body in
            // The launcher and the higher movement stay as they are (as in the API).
            var body = body
            body.launcherUnitId = current.launcherUnitId
            body.parentId = current.parentId
            return try await movements.update(current.id, with: try MovementsAPI.movement(body, catalogue: context.catalogue), as: identity)
                .id
        }
    }

    /// Validates and writes, or shows the form again with each message beside its field (422,
    /// nothing written); a refusal without a field (not a draft any more, not yours) goes on top.
    func save(
        _ values: FormValues, movement: MovementRecord?, identity: Identity, context: some SignedInRequestContext,
        write: (MovementsAPI.CreateRequest) async throws -> Int64
    ) async throws -> Response {
        let (body, fieldOf, textErrors) = values.request()
        var found: [DomainError] = textErrors
        var status = HTTPResponse.Status.unprocessableContent
        do {
            if textErrors.isEmpty {
                let id = try await write(body)
                return .redirect(to: "/movements/\(id)?done=saved", type: .normal)
            }
            _ = try MovementsAPI.movement(body, catalogue: context.catalogue)  // to show every other field's problem at the same time
        } catch let errors as ValidationErrors {
            found += errors.errors
        } catch let error as DomainError where error.kind != .notFound || error.field != nil {
            found.append(error)
            if error.field == nil { status = error.kind == .forbidden ? .forbidden : error.kind == .conflict ? .conflict : status }
        }
        var errors: [String: [String]] = [:]
        for error in found {
            errors[Self.formField(error.field, fieldOf: fieldOf), default: []].append(pages.localisation.message(error, context.locale))
        }
        let content = try await form(values, movement: movement, errors: errors, identity: identity, context: context)
        return try pages.html("movement_form", title: content.heading, nav: "movements", content: content, context: context, status: status)
    }
}
