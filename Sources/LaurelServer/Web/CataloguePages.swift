import Hummingbird
import LaurelDomain
import LaurelStore

/// The award catalogue as a page; administrators add entries (a ministry's commemorative medal).
struct CataloguePages {
    let catalogue: CatalogueStore
    let live: LiveCatalogue
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.any.get("catalogue", use: list)
        routes.admin.post("catalogue", use: create)
    }

    struct Row {
        let code: String
        let name: String
        let category: String
        let kinds: String
        let level: String
        let coefficient: String
        let basis: String
        let builtin: Bool
    }
    struct Content {
        let rows: [Row]
        let isAdmin: Bool
        let levels: [Option]
        let error: String?
    }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        try await render(context, error: nil, status: .ok)
    }

    func render(_ context: some SignedInRequestContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let identity = context.identity
        let rows = try await catalogue.list().map { item in
            Row(
                code: item.code, name: context.locale == .vi ? item.nameVi : item.nameEn,
                category: pages.t("award_category_\(item.category.rawValue)", context),
                kinds: item.subjectKinds.map { pages.t("subject_kind_\($0.rawValue)", context) }.joined(separator: ", "),
                level: pages.t("awarding_level_\(item.awardingLevel.rawValue)", context),
                coefficient: [item.coefficientIndividual, item.coefficientCollective].map { $0.map { String($0) } ?? "—" }.joined(
                    separator: " / "),
                basis: item.legalBasis, builtin: item.builtin)
        }
        let levels = AwardingLevel.allCases.map {
            Option(value: $0.rawValue, label: pages.t("awarding_level_\($0.rawValue)", context), selected: $0 == .ministryProvince)
        }
        return try pages.html(
            "catalogue", title: pages.t("catalogue_title", context), nav: "catalogue",
            content: Content(rows: rows, isAdmin: identity.role == .admin, levels: levels, error: error), context: context, status: status)
    }

    func create(_ request: Request, context: AdminContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        let body = CatalogueAPI.EntryRequest(
            code: form["code"], category: form["category"], nameVi: form["nameVi"], nameEn: form["nameEn"],
            subjectKinds: form["subjectKind"].map { [$0] }, awardingLevel: form["awardingLevel"], annual: false,
            coefficientIndividual: form["coefficientIndividual"].flatMap { Double($0) },
            coefficientCollective: form["coefficientCollective"].flatMap { Double($0) },
            legalBasis: form["legalBasis"], note: nil)
        do {
            _ = try await catalogue.create(try CatalogueAPI.item(body), as: identity)
            live.invalidate()
        } catch let errors as ValidationErrors {
            return try await render(
                context, error: errors.errors.map { pages.localisation.message($0, context.locale) }.joined(separator: " "),
                status: .unprocessableContent)
        } catch let error as DomainError where error.kind == .conflict || error.kind == .invalid {
            return try await render(context, error: pages.localisation.message(error, context.locale), status: .unprocessableContent)
        }
        return .redirect(to: "/catalogue", type: .normal)
    }
}
