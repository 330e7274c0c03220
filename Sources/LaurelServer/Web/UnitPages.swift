import Hummingbird
import LaurelDomain
import LaurelStore

/// Pages of the organisation tree: list, detail, create, edit, deactivate, merge.
struct UnitPages {
    let units: UnitStore
    let people: PersonStore
    let histories: HistoryStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("units", use: list)
        routes.write.get("units/new", use: newForm)
        routes.write.post("units", use: create)
        routes.browse.get("units/{id}", use: show)
        routes.write.get("units/{id}/edit", use: editForm)
        routes.write.post("units/{id}", use: update)
        routes.write.post("units/{id}/deactivate", use: deactivate)
        routes.write.post("units/{id}/merge", use: merge)
    }

    struct Row {
        let id: Int64
        let code: String
        let name: String
        let kind: String
        let level: String
        let active: Bool
    }

    func row(_ unit: OrgUnit, _ context: some SignedInRequestContext) -> Row {
        Row(
            id: unit.id, code: unit.code, name: unit.name, kind: pages.t("kind_\(unit.kind.rawValue)", context),
            level: pages.t("level_\(unit.level.rawValue)", context), active: unit.active)
    }

    struct ListContent {
        let rows: [Row]
        let q: String
        let pager: Pager
        let sorts: [Option]
        let kinds: [Option]
        let empty: Bool
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let sort = request.query("sort").flatMap(UnitSort.init(rawValue:)) ?? .name
        let kind = request.query("kind").flatMap(UnitKind.init(rawValue:))
        let filter = UnitFilter(parentId: request.queryInt64("parentId"), query: request.query("q"), kind: kind, sort: sort)
        let paging = Paging(page: request.queryInt("page"), per: 50)
        let page = try await units.list(filter, paging: paging, as: identity)
        let sorts = [(UnitSort.name, "sort_name"), (.nameDescending, "sort_name_desc"), (.code, "sort_code")]
            .map { Option(value: $0.0.rawValue, label: pages.t($0.1, context), selected: $0.0 == sort) }
        let kinds =
            [Option(value: "", label: pages.t("all", context), selected: kind == nil)]
            + UnitKind.allCases.map { Option(value: $0.rawValue, label: pages.t("kind_\($0.rawValue)", context), selected: $0 == kind) }
        let pager = Pager(
            page: paging.page, per: paging.per, total: page.total, path: "/units",
            query: ["q": request.query("q") ?? "", "sort": sort.rawValue, "kind": kind?.rawValue ?? ""]
        ) { pages.t("page_of", context, [String($0), String($1)]) }
        let content = ListContent(
            rows: page.items.map { row($0, context) }, q: request.query("q") ?? "", pager: pager, sorts: sorts, kinds: kinds,
            empty: page.items.isEmpty)
        return try pages.html("units", title: pages.t("units_title", context), nav: "units", content: content, context: context)
    }

    struct ShowContent {
        let unit: Row
        let parent: Row?
        let activeFrom: String?
        let activeTo: String?
        let mergedInto: Row?
        let children: [Row]
        let people: [PeoplePages.Row]
        let peopleTotal: Int
        let targets: [Option]
        let canChange: Bool
        let flash: String?
        let eligibility: EligibilityPanel
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let unit = try await units.get(try context.id(), as: identity)
        return try await renderShow(unit, identity: identity, context: context)
    }

    func renderShow(
        _ unit: OrgUnit, identity: Identity, context: some SignedInRequestContext, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var parent: OrgUnit?
        if let parentId = unit.parentId { parent = try? await units.get(parentId, as: identity) }
        var merged: OrgUnit?
        if let mergedId = unit.mergedIntoId { merged = try? await units.get(mergedId, as: identity) }
        let children = try await units.list(UnitFilter(parentId: unit.id), paging: Paging(page: 1, per: 200), as: identity)
        let members = try await people.list(PersonFilter(unitId: unit.id), paging: Paging(page: 1, per: 20), as: identity)
        let targets =
            unit.active && identity.canWrite
            ? try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
                .filter { $0.id != unit.id && !unit.unitPath.contains($0.unitPath) }
                .map { Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: false) }
            : []
        let content = ShowContent(
            unit: row(unit, context), parent: parent.map { row($0, context) }, activeFrom: unit.activeFrom, activeTo: unit.activeTo,
            mergedInto: merged.map { row($0, context) }, children: children.items.map { row($0, context) },
            people: members.items.map { PeoplePages.row($0, pages: pages, context: context) }, peopleTotal: members.total, targets: targets,
            canChange: identity.canWrite && unit.active && identity.scopeRootId != unit.id, flash: flash,
            eligibility: EligibilityPanel.make(
                try await histories.unit(unit.id, as: identity).history, year: nil, pages: pages, context: context))
        return try pages.html("unit", title: unit.name, nav: "units", content: content, context: context, status: status)
    }

    struct FormContent {
        let action: String
        let heading: String
        let code: Field
        let name: Field
        let activeFrom: Field
        let kinds: [Option]
        let levels: [Option]
        let parents: [Option]
        let kindError: String?
        let levelError: String?
        let parentError: String?
        let hasErrors: Bool
    }

    func form(
        action: String, heading: String, values: [String: String], errors: [DomainError], identity: Identity,
        context: some SignedInRequestContext
    ) async throws -> FormContent {
        func error(_ field: String) -> String? { errors.first { $0.field == field }.map { pages.localisation.message($0, context.locale) } }
        let candidates = try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
        var parents = candidates.map {
            Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: values["parentId"] == String($0.id))
        }
        if identity.scope == .everything {
            parents.insert(
                Option(value: "", label: pages.t("unit_parent_none", context), selected: (values["parentId"] ?? "").isEmpty), at: 0)
        }
        return FormContent(
            action: action, heading: heading,
            code: Field(value: values["code"] ?? "", error: error("code")), name: Field(value: values["name"] ?? "", error: error("name")),
            activeFrom: Field(value: values["activeFrom"] ?? "", error: error("activeFrom")),
            kinds: UnitKind.allCases.map {
                Option(value: $0.rawValue, label: pages.t("kind_\($0.rawValue)", context), selected: values["kind"] == $0.rawValue)
            },
            levels: UnitLevel.allCases.map {
                Option(value: $0.rawValue, label: pages.t("level_\($0.rawValue)", context), selected: values["level"] == $0.rawValue)
            },
            parents: parents, kindError: error("kind"), levelError: error("level"), parentError: error("parentId"),
            hasErrors: !errors.isEmpty)
    }

    func newForm(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let values = ["parentId": request.query("parentId") ?? "", "kind": "department", "level": "provincial"]
        let content = try await form(
            action: "/units", heading: pages.t("units_new", context), values: values, errors: [], identity: identity, context: context)
        return try pages.html("unit_form", title: pages.t("units_new", context), nav: "units", content: content, context: context)
    }

    static func request(from form: FormData) -> UnitsAPI.CreateRequest {
        UnitsAPI.CreateRequest(
            code: form["code"], name: form["name"], kind: form["kind"], level: form["level"],
            parentId: form["parentId"].flatMap { Int64($0) }, activeFrom: form["activeFrom"])
    }

    static func values(_ form: FormData) -> [String: String] {
        [
            "code": form["code"] ?? "", "name": form["name"] ?? "", "kind": form["kind"] ?? "", "level": form["level"] ?? "",
            "parentId": form["parentId"] ?? "", "activeFrom": form["activeFrom"] ?? "",
        ]
    }

    /// Re-shows the form with every field's message when input is refused.
    func refused(
        _ error: any Error, action: String, heading: String, form: FormData, identity: Identity, context: some SignedInRequestContext
    ) async throws -> Response {
        let errors: [DomainError]
        switch error {
        case let e as ValidationErrors: errors = e.errors
        case let e as DomainError where e.kind != .notFound || e.field != nil:
            errors = [e.field == nil ? DomainError(e.kind, e.key, field: "code", arguments: e.arguments) : e]
        default: throw error
        }
        let content = try await self.form(
            action: action, heading: heading, values: Self.values(form), errors: errors, identity: identity, context: context)
        return try pages.html("unit_form", title: heading, nav: "units", content: content, context: context, status: .unprocessableContent)
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        do {
            let unit = try await units.create(try UnitsAPI.draft(Self.request(from: form)), as: identity)
            return .redirect(to: "/units/\(unit.id)", type: .normal)
        } catch {
            return try await refused(
                error, action: "/units", heading: pages.t("units_new", context), form: form, identity: identity, context: context)
        }
    }

    func editForm(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let unit = try await units.get(try context.id(), as: identity)
        let values = [
            "code": unit.code, "name": unit.name, "kind": unit.kind.rawValue, "level": unit.level.rawValue,
            "parentId": unit.parentId.map(String.init) ?? "", "activeFrom": unit.activeFrom ?? "",
        ]
        let content = try await form(
            action: "/units/\(unit.id)", heading: pages.t("unit_edit", context), values: values, errors: [], identity: identity,
            context: context)
        return try pages.html("unit_form", title: pages.t("unit_edit", context), nav: "units", content: content, context: context)
    }

    func update(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let form = try await FormData.read(request, context: context)
        do {
            _ = try await units.update(id, with: try UnitsAPI.draft(Self.request(from: form)), as: identity)
            return .redirect(to: "/units/\(id)", type: .normal)
        } catch {
            return try await refused(
                error, action: "/units/\(id)", heading: pages.t("unit_edit", context), form: form, identity: identity, context: context)
        }
    }

    /// Permission is checked before the input: a read-only role's try is 403 whatever it sends.
    func deactivate(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        do {
            _ = try await units.deactivate(id, on: context.today, as: identity)
            return .redirect(to: "/units/\(id)", type: .normal)
        } catch let error as DomainError where error.kind != .notFound {
            return try await renderShow(
                try await units.get(id, as: identity), identity: identity, context: context,
                flash: pages.localisation.message(error, context.locale), status: Self.status(of: error))
        }
    }

    /// A refusal shown on the unit's page keeps its status: who you are (403), or the input or state (422).
    static func status(of error: DomainError) -> HTTPResponse.Status {
        error.kind == .forbidden ? .forbidden : .unprocessableContent
    }

    func merge(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let form = try await FormData.read(request, context: context)
        do {
            guard let target = form["targetId"].flatMap({ Int64($0) }) else {
                throw DomainError.invalid("error.required", field: "targetId")
            }
            let result = try await units.merge(id, into: target, on: context.today, as: identity)
            return try await renderShow(
                result.source, identity: identity, context: context,
                flash: pages.t("unit_merge_done", context, [String(result.peopleMoved), String(result.unitsMoved)]))
        } catch let error as DomainError where error.kind != .notFound || error.field != nil {
            return try await renderShow(
                try await units.get(id, as: identity), identity: identity, context: context,
                flash: pages.localisation.message(error, context.locale), status: Self.status(of: error))
        }
    }
}
