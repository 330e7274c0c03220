import Hummingbird
import LaurelDomain
import LaurelStore

/// A unit's registration for a year (đăng ký thi đua): the collective titles it aims for and the
/// title each of its people aims for, each with a target; the reason when registering after the
/// deadline; and the organisation's settings (whether titles need a prior registration, the
/// deadline) that the unit's subtree inherits.
struct RegistrationPages {
    let registrations: RegistrationStore
    let units: UnitStore
    let people: PersonStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("registrations", use: list)
        routes.browse.get("registrations/{unitId}", use: thisYear)
        routes.browse.get("registrations/{unitId}/{year}", use: show)
        routes.write.post("registrations/{unitId}/{year}", use: save)
        routes.write.post("registrations/{unitId}/{year}/settings", use: saveSettings)
    }

    struct TitleOption {
        let code: String
        let name: String
        let checked: Bool
        let target: String
        let field: String
    }
    struct PersonRow {
        let id: Int64
        let name: String
        let options: [Option]
        let target: String
    }
    struct Content {
        let unitName: String
        let unitId: Int64
        let year: Int
        let previousYear: Int
        let nextYear: Int
        let collective: [TitleOption]
        let people: [PersonRow]
        let deadline: String
        let deadlineMonthDay: String
        let required: Bool
        let late: Bool
        let reason: String
        let canWrite: Bool
        let flash: String?
        let registeredOn: String?
    }

    /// Typed by the reader on a refused save, so that nothing typed is lost.
    struct Typed { let form: FormData }

    func thisYear(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let unitId = try context.pathId("unitId", notFound: "error.unit_not_found")
        _ = try await units.get(unitId, as: identity)
        return .redirect(to: "/registrations/\(unitId)/\(context.today.year)", type: .normal)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let flash = request.query("done").map { pages.t($0 == "settings" ? "registration_settings_saved" : "registration_saved", context) }
        return try await render(identity: identity, context: context, flash: flash)
    }

    func render(
        identity: Identity, context: some SignedInRequestContext, typed: Typed? = nil, flash: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let unitId = try context.pathId("unitId", notFound: "error.unit_not_found")
        let year = try context.pathYear()
        let unit = try await units.get(unitId, as: identity)
        let saved = try await registrations.get(unitId: unitId, year: year, as: identity)
        let titles = context.catalogue.entries.filter { $0.category == .emulationTitle }
        let staff = try await people.list(PersonFilter(unitId: unitId), paging: Paging(page: 1, per: 500), as: identity)
        let name = { (entry: AwardCatalogueEntry) in context.locale == .en ? entry.nameEn : entry.nameVi }
        let content = Content(
            unitName: unit.name, unitId: unitId, year: year, previousYear: year - 1, nextYear: year + 1,
            collective: titles.filter { $0.isFor(.collective) }.map { entry in
                let savedEntry = saved.collective.first { $0.code == entry.code }
                let checked = typed.map { $0.form.values["collective"]?.contains(entry.code) ?? false } ?? (savedEntry != nil)
                return TitleOption(
                    code: entry.code, name: name(entry), checked: checked,
                    target: typed.map { $0.form["ct_" + entry.code] ?? "" } ?? savedEntry?.target ?? "", field: "ct_" + entry.code)
            },
            people: staff.items.map(\.person).filter { $0.unitId == unitId }.map { person in
                let savedEntry = saved.individuals.first { $0.personId == person.id }
                let chosen = typed.map { $0.form["p_\(person.id)"] ?? "" } ?? savedEntry?.code ?? ""
                return PersonRow(
                    id: person.id, name: person.fullName,
                    options: [Option(value: "", label: "—", selected: chosen.isEmpty)]
                        + titles.filter { $0.isFor(.individual) }.map {
                            Option(value: $0.code, label: name($0), selected: chosen == $0.code)
                        },
                    target: typed.map { $0.form["t_\(person.id)"] ?? "" } ?? savedEntry?.target ?? "")
            },
            deadline: saved.deadline, deadlineMonthDay: String(saved.deadline.suffix(5)), required: saved.registrationRequired,
            late: CalendarDate(saved.deadline).map { RegistrationRules.isLate(on: context.today, deadline: $0) } ?? false,
            reason: typed.map { $0.form["reason"] ?? "" } ?? saved.reason ?? "",
            canWrite: identity.canWrite, flash: flash, registeredOn: saved.registeredOn)
        return try pages.html(
            "registration", title: pages.t("registration_title", context), nav: "movements", content: content, context: context,
            status: status)
    }

    /// The form's fields as the API's request: `collective` check boxes with `ct_<code>` targets,
    /// `p_<personId>` selects with `t_<personId>` targets.
    static func request(_ form: FormData) -> RegistrationsAPI.PutRequest {
        let individuals = form.values.compactMap { name, values -> RegistrationsAPI.PutRequest.Individual? in
            guard name.hasPrefix("p_"), let personId = Int64(name.dropFirst(2)), let code = values.first, !code.isEmpty else { return nil }
            let target = form["t_\(personId)"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            return RegistrationsAPI.PutRequest.Individual(personId: personId, code: code, target: target)
        }.sorted { ($0.personId ?? 0) < ($1.personId ?? 0) }
        let collective = form.values["collective"] ?? []
        var targets: [String: String] = [:]
        for code in collective {
            if let target = form["ct_" + code], !target.trimmingCharacters(in: .whitespaces).isEmpty { targets[code] = target }
        }
        let reason = form["reason"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return RegistrationsAPI.PutRequest(collective: collective, individuals: individuals, targets: targets, reason: reason)
    }

    func save(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let unitId = try context.pathId("unitId", notFound: "error.unit_not_found")
        let year = try context.pathYear()
        let form = try await FormData.read(request, context: context)
        return try await attempt(identity: identity, context: context, typed: Typed(form: form)) {
            let (collective, people, reason) = try RegistrationsAPI.validate(Self.request(form), catalogue: context.catalogue)
            _ = try await registrations.put(
                unitId: unitId, year: year, collective: collective, individuals: people, reason: reason,
                on: context.today, as: identity)
            return "/registrations/\(unitId)/\(year)?done=1"
        }
    }

    func saveSettings(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let unitId = try context.pathId("unitId", notFound: "error.unit_not_found")
        let year = try context.pathYear()
        let form = try await FormData.read(request, context: context)
        return try await attempt(identity: identity, context: context) {
            let body = RegistrationsAPI.SettingsRequest(
                registrationRequired: form["required"] == "on",
                registrationDeadline: form["deadline"]?.trimmingCharacters(in: .whitespaces))
            try await RegistrationsAPI.apply(
                try RegistrationsAPI.settingsChange(body), to: unitId, registrations: registrations, as: identity)
            return "/registrations/\(unitId)/\(year)?done=settings"
        }
    }

    /// Runs a write; a refusal shows the page again with the message (and what was typed).
    func attempt(
        identity: Identity, context: some SignedInRequestContext, typed: Typed? = nil, _ body: () async throws -> String
    ) async throws -> Response {
        do {
            return .redirect(to: try await body(), type: .normal)
        } catch let error as DomainError where error.kind != .notFound || error.field != nil {
            return try await render(
                identity: identity, context: context, typed: typed, flash: pages.localisation.message(error, context.locale),
                status: error.kind == .forbidden ? .forbidden : .unprocessableContent)
        } catch let errors as ValidationErrors {
            let text = errors.errors.map { pages.localisation.message($0, context.locale) }.joined(separator: " ")
            return try await render(identity: identity, context: context, typed: typed, flash: text, status: .unprocessableContent)
        }
    }

    struct ListRow {
        let unitId: Int64
        let unitName: String
        let person: String?
        let personId: Int64?
        let title: String
        let target: String
        let late: Bool
        let on: String
    }
    struct ListContent {
        let rows: [ListRow]
        let empty: Bool
        let year: String
        let units: [Option]
        let codes: [Option]
        let subjects: [Option]
        let lateOnly: Bool
        let pager: Pager
        let exportQuery: String
    }

    /// Who registered for what across the reader's scope, filtered as the API filters.
    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let filter = try RegistrationListAPI.filter(request, today: context.today, catalogue: context.catalogue)
        let paging = Paging(page: request.queryInt("page"), per: 100)
        let page = try await registrations.list(filter, paging: paging, as: identity)
        let catalogue = context.catalogue
        let name = { (entry: AwardCatalogueEntry) in context.locale == .en ? entry.nameEn : entry.nameVi }
        let scopeUnits = try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
        var query = [
            "year": String(filter.year), "unitId": filter.unitId.map(String.init) ?? "", "code": filter.code ?? "",
            "subject": filter.subject?.rawValue ?? "",
        ]
        if filter.lateOnly { query["late"] = "true" }
        let exportQuery = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        let content = ListContent(
            rows: page.items.map { row in
                ListRow(
                    unitId: row.unitId, unitName: row.unitName, person: row.personName, personId: row.personId,
                    title: catalogue.entry(for: row.code).map(name) ?? row.code, target: row.target ?? "", late: row.late,
                    on: row.registeredOn)
            },
            empty: page.items.isEmpty, year: String(filter.year),
            units: [Option(value: "", label: pages.t("registrations_all_units", context), selected: filter.unitId == nil)]
                + scopeUnits.map { Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: $0.id == filter.unitId) },
            codes: [Option(value: "", label: pages.t("registrations_all_titles", context), selected: filter.code == nil)]
                + catalogue.entries.filter { $0.category == .emulationTitle }.map {
                    Option(value: $0.code, label: name($0), selected: $0.code == filter.code)
                },
            subjects: [
                ("", "registrations_all_subjects"), ("collective", "registration_collective"), ("individual", "registration_individuals"),
            ].map {
                Option(value: $0.0, label: pages.t($0.1, context), selected: (filter.subject?.rawValue ?? "") == $0.0)
            },
            lateOnly: filter.lateOnly,
            pager: Pager(page: paging.page, per: paging.per, total: page.total, path: "/registrations", query: query) {
                pages.t("page_of", context, [String($0), String($1)])
            },
            exportQuery: exportQuery)
        return try pages.html(
            "registrations", title: pages.t("registrations_title", context), nav: "movements", content: content, context: context)
    }
}
