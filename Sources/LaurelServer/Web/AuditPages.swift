import Hummingbird
import LaurelDomain
import LaurelStore

/// The audit log page.
struct AuditPages {
    let audit: AuditStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("audit", use: list)
    }

    struct Content {
        let rows: [Row]
        let pager: Pager
        let entity: [Option]
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let entity = request.query("entity")
        let paging = Paging(page: request.queryInt("page"), per: 50)
        let page = try await audit.list(
            AuditFilter(entity: entity, entityId: request.queryInt64("entityId")), scope: identity.scope, paging: paging)
        let options =
            [Option(value: "", label: pages.t("all", context), selected: entity == nil)]
            + ["unit", "person", "account"].map { Option(value: $0, label: pages.t("entity_\($0)", context), selected: entity == $0) }
        let pager = Pager(page: paging.page, per: paging.per, total: page.total, path: "/audit", query: ["entity": entity ?? ""]) {
            pages.t("page_of", context, [String($0), String($1)])
        }
        return try pages.html(
            "audit", title: pages.t("audit_title", context), nav: "audit",
            content: Content(rows: page.items.map { Row($0, pages: pages, context: context) }, pager: pager, entity: options),
            context: context)
    }
}
