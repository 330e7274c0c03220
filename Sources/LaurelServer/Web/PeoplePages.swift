import Hummingbird
import LaurelDomain
import LaurelStore

/// Pages of people: list with search and filters, detail with work history, create, edit.
struct PeoplePages {
    let people: PersonStore
    let units: UnitStore
    let histories: HistoryStore
    let registrations: RegistrationStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("people", use: list)
        routes.write.get("people/new", use: newForm)
        routes.write.post("people", use: create)
        routes.any.get("people/{id}", use: show)
        routes.write.get("people/{id}/edit", use: editForm)
        routes.write.post("people/{id}", use: update)
    }

    struct Row {
        let id: Int64, fullName: String, gender: String, birthDate: String, unitId: Int64, unitName: String, position: String
        let category: String, management: Bool, ethnicity: String
    }

    static func row(_ item: PersonListItem, pages: PageRenderer, context: some SignedInRequestContext) -> Row {
        let p = item.person
        return Row(
            id: p.id, fullName: p.fullName, gender: pages.t("gender_\(p.gender.rawValue)", context), birthDate: p.birthDate ?? "",
            unitId: p.unitId, unitName: item.unitName, position: p.position ?? "",
            category: pages.t("category_\(p.staffCategory.rawValue)", context),
            management: p.holdsManagementPost, ethnicity: p.ethnicity ?? "")
    }

    struct ListContent {
        let rows: [Row]
        let q: String
        let unitId: String
        let pager: Pager
        let sorts: [Option]
        let categories: [Option]
        let empty: Bool
        var award = AwardFilterBox(code: "", year: "", hasNot: false, exportQuery: "")
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let sort = request.query("sort").flatMap(PersonSort.init(rawValue:)) ?? .name
        let category = request.query("staffCategory").flatMap(StaffCategory.init(rawValue:))
        var filter = PersonFilter(query: request.query("q"), unitId: request.queryInt64("unitId"), staffCategory: category, sort: sort)
        filter.award = (try? ExportService.awardPresence(request)) ?? nil
        let paging = Paging(page: request.queryInt("page"), per: 50)
        let page = try await people.list(filter, paging: paging, as: identity)
        let sorts = [(PersonSort.name, "sort_name"), (.nameDescending, "sort_name_desc"), (.birthDate, "sort_birth")]
            .map { Option(value: $0.0.rawValue, label: pages.t($0.1, context), selected: $0.0 == sort) }
        let categories =
            [Option(value: "", label: pages.t("all", context), selected: category == nil)]
            + StaffCategory.allCases.map {
                Option(value: $0.rawValue, label: pages.t("category_\($0.rawValue)", context), selected: $0 == category)
            }
        var query = [
            "q": request.query("q") ?? "", "sort": sort.rawValue, "staffCategory": category?.rawValue ?? "",
            "unitId": request.query("unitId") ?? "",
        ]
        let award = AwardFilterBox(request)
        query.merge(award.query) { a, _ in a }
        let pager = Pager(page: paging.page, per: paging.per, total: page.total, path: "/people", query: query) {
            pages.t("page_of", context, [String($0), String($1)])
        }
        var content = ListContent(
            rows: page.items.map { Self.row($0, pages: pages, context: context) }, q: request.query("q") ?? "",
            unitId: request.query("unitId") ?? "", pager: pager, sorts: sorts, categories: categories, empty: page.items.isEmpty)
        content.award = award.with(exportQuery: query)
        return try pages.html("people", title: pages.t("people_title", context), nav: "people", content: content, context: context)
    }

    struct TransferRow {
        let from: String
        let to: String
        let date: String
    }
    struct RegistrationRow {
        let year: Int
        let code: String
        let name: String
        let target: String
    }
    struct ShowContent {
        let person: Row
        let transfers: [TransferRow]
        let canEdit: Bool
        var eligibility: EligibilityPanel? = nil
        var registrations: [RegistrationRow] = []
        var hasRegistrations = false
    }

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let item = try await people.get(try context.id(), as: identity)
        let transfers = try await people.transfers(of: item.person.id, as: identity)
        let names = try await units.names(ids: transfers.flatMap { [$0.fromUnitId, $0.toUnitId] })
        let rows = transfers.map {
            TransferRow(from: names[$0.fromUnitId] ?? "#\($0.fromUnitId)", to: names[$0.toUnitId] ?? "#\($0.toUnitId)", date: $0.onDate)
        }
        var content = ShowContent(person: Self.row(item, pages: pages, context: context), transfers: rows, canEdit: identity.canWrite)
        let history = try await histories.person(item.person.id, as: identity).history
        content.eligibility = EligibilityPanel.make(history, year: request.queryInt("year"), pages: pages, context: context)
        // What the person registered for, beside what the record says they can get.
        let catalogue = context.engine.catalogue
        content.registrations = try await registrations.forPerson(item.person.id, as: identity).map { registration in
            let entry = catalogue.entry(for: registration.code)
            return RegistrationRow(
                year: registration.year, code: registration.code,
                name: (context.locale == .vi ? entry?.nameVi : entry?.nameEn) ?? registration.code, target: registration.target ?? "")
        }
        content.hasRegistrations = !content.registrations.isEmpty
        return try pages.html("person", title: item.person.fullName, nav: "people", content: content, context: context)
    }

    struct FormContent {
        let action: String
        let heading: String
        let fullName: Field
        let birthDate: Field
        let position: Field
        let ethnicity: Field
        let genders: [Option]
        let categories: [Option]
        let units: [Option]
        let management: Bool
        let unitError: String?
        let genderError: String?
        let categoryError: String?
        let hasErrors: Bool
    }

    func form(
        action: String, heading: String, values: [String: String], errors: [DomainError], identity: Identity,
        context: some SignedInRequestContext
    ) async throws -> FormContent {
        func error(_ field: String) -> String? { errors.first { $0.field == field }.map { pages.localisation.message($0, context.locale) } }
        let candidates = try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
        return FormContent(
            action: action, heading: heading,
            fullName: Field(value: values["fullName"] ?? "", error: error("fullName")),
            birthDate: Field(value: values["birthDate"] ?? "", error: error("birthDate")),
            position: Field(value: values["position"] ?? "", error: error("position")),
            ethnicity: Field(value: values["ethnicity"] ?? "", error: error("ethnicity")),
            genders: Gender.allCases.map {
                Option(value: $0.rawValue, label: pages.t("gender_\($0.rawValue)", context), selected: values["gender"] == $0.rawValue)
            },
            categories: StaffCategory.allCases.map {
                Option(
                    value: $0.rawValue, label: pages.t("category_\($0.rawValue)", context), selected: values["staffCategory"] == $0.rawValue
                )
            },
            units: candidates.map {
                Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: values["unitId"] == String($0.id))
            },
            management: values["holdsManagementPost"] == "on", unitError: error("unitId"), genderError: error("gender"),
            categoryError: error("staffCategory"),
            hasErrors: !errors.isEmpty)
    }

    static func values(_ form: FormData) -> [String: String] {
        var values: [String: String] = [:]
        for key in ["fullName", "gender", "birthDate", "unitId", "position", "staffCategory", "holdsManagementPost", "ethnicity"] {
            values[key] = form[key] ?? ""
        }
        return values
    }

    static func request(from form: FormData) -> PeopleAPI.PersonRequest {
        PeopleAPI.PersonRequest(
            fullName: form["fullName"], gender: form["gender"], birthDate: form["birthDate"], unitId: form["unitId"].flatMap { Int64($0) },
            position: form["position"], staffCategory: form["staffCategory"], holdsManagementPost: form["holdsManagementPost"] == "on",
            ethnicity: form["ethnicity"], transferDate: nil)
    }

    func refused(
        _ error: any Error, action: String, heading: String, form: FormData, identity: Identity, context: some SignedInRequestContext
    ) async throws -> Response {
        let errors: [DomainError]
        switch error {
        case let e as ValidationErrors: errors = e.errors
        case let e as DomainError where e.field != nil: errors = [e]
        default: throw error
        }
        let content = try await self.form(
            action: action, heading: heading, values: Self.values(form), errors: errors, identity: identity, context: context)
        return try pages.html(
            "person_form", title: heading, nav: "people", content: content, context: context, status: .unprocessableContent)
    }

    func newForm(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let values = ["unitId": request.query("unitId") ?? "", "gender": "female", "staffCategory": "civil_servant", "ethnicity": "Kinh"]
        let content = try await form(
            action: "/people", heading: pages.t("people_new", context), values: values, errors: [], identity: identity, context: context)
        return try pages.html("person_form", title: pages.t("people_new", context), nav: "people", content: content, context: context)
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        do {
            let person = try await people.create(try PeopleAPI.draft(Self.request(from: form), today: context.today), as: identity)
            return .redirect(to: "/people/\(person.id)", type: .normal)
        } catch {
            return try await refused(
                error, action: "/people", heading: pages.t("people_new", context), form: form, identity: identity, context: context)
        }
    }

    func editForm(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let p = try await people.get(try context.id(), as: identity).person
        let values = [
            "fullName": p.fullName, "gender": p.gender.rawValue, "birthDate": p.birthDate ?? "", "unitId": String(p.unitId),
            "position": p.position ?? "",
            "staffCategory": p.staffCategory.rawValue, "holdsManagementPost": p.holdsManagementPost ? "on" : "",
            "ethnicity": p.ethnicity ?? "",
        ]
        let content = try await form(
            action: "/people/\(p.id)", heading: pages.t("person_edit", context), values: values, errors: [], identity: identity,
            context: context)
        return try pages.html("person_form", title: pages.t("person_edit", context), nav: "people", content: content, context: context)
    }

    func update(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let form = try await FormData.read(request, context: context)
        do {
            _ = try await people.update(
                id, with: try PeopleAPI.draft(Self.request(from: form), today: context.today), transferDate: context.today, as: identity)
            return .redirect(to: "/people/\(id)", type: .normal)
        } catch {
            return try await refused(
                error, action: "/people/\(id)", heading: pages.t("person_edit", context), form: form, identity: identity, context: context)
        }
    }
}
