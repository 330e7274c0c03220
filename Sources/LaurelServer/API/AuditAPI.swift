import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/audit`: the audit log within one's scope (read-only; there is no route to change it).
struct AuditAPI {
    let audit: AuditStore

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.list, use: list)
    }

    struct EventResponse: APIResponseBody {
        // The shape of the issue: no event or actor ids, which mean nothing to a reader of the log.
        let at: String, actor: String, action: String, entity: String, entityId: Int64?
        let before: JSONValue?, after: JSONValue?
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let filter = AuditFilter(
            entity: request.query("entity"), entityId: try request.strictQueryInt64("entityId"),
            actorId: try request.strictQueryInt64("actorId"))
        let page = try await audit.list(
            filter, scope: identity.scope, paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")))
        let items = page.items.map {
            EventResponse(
                at: $0.at, actor: $0.actor, action: $0.action, entity: $0.entity, entityId: $0.entityId,
                before: $0.before.flatMap(JSONValue.parse), after: $0.after.flatMap(JSONValue.parse))
        }
        return try JSON.response(ListResponse(items: items, total: page.total, page: page.page, per: page.per))
    }
}
