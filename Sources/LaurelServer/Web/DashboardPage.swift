import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The dashboard: real counts within the user's scope, and the latest changes.
struct DashboardPage {
    let units: UnitStore
    let people: PersonStore
    let accounts: AccountStore
    let audit: AuditStore
    let work: WorkListStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.any.get("/", use: show)
    }

    struct WorkTask {
        let text: String
        let link: String
        let due: String?
        let overdue: Bool
    }
    struct Content {
        let units: Int
        let people: Int
        let accounts: Int?
        let scope: String
        let recent: [AuditPages.Row]
        let tasks: [WorkTask]
        let hasTasks: Bool
        let showsTasks: Bool
    }

    /// A work item in words, with the page where it is done.
    func task(_ item: WorkItem, context: some SignedInRequestContext) -> WorkTask {
        let count = String(item.count ?? 1)
        let (key, link): (String, String) =
            switch item.kind {
            case .report: ("work_report", "/movements/\(item.subjectId)#reports")
            case .selfScore: ("work_self_score", "/seasons/\(item.subjectId)#self-score")
            case .verify: ("work_verify", "/seasons/\(item.subjectId)")
            case .crossScore: ("work_cross_score", "/seasons/\(item.subjectId)/cross")
            case .vote: ("work_vote", "/ballots/\(item.subjectId)")
            case .register: ("work_register", "/registrations/\(item.subjectId)")
            case .review: ("work_review", "/nominations/\(item.subjectId)")
            case .returned: ("work_returned", "/nominations/\(item.subjectId)")
            }
        return WorkTask(text: pages.t(key, context, [item.title, count]), link: link, due: item.due, overdue: item.overdue)
    }

    func show(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        if identity.role == .staff, let personId = identity.account.personId { return .redirect(to: "/people/\(personId)", type: .found) }
        let scopeName =
            identity.scopeRootId != nil
            ? (try await units.get(identity.account.unitId, as: identity).name) : pages.t("scope_everything", context)
        let recent = try await audit.list(AuditFilter(), scope: identity.scope, paging: Paging(page: 1, per: 8))
        let tasks = try await work.items(for: identity, today: context.today).map { task($0, context: context) }
        let content = Content(
            units: try await units.count(as: identity), people: try await people.count(as: identity),
            accounts: identity.role == .admin ? try await accounts.count() : nil, scope: scopeName,
            recent: recent.items.map { AuditPages.Row($0, pages: pages, context: context) },
            tasks: tasks, hasTasks: !tasks.isEmpty, showsTasks: identity.canWrite && identity.role != .admin)
        return try pages.html("dashboard", title: pages.t("dashboard_title", context), nav: "dashboard", content: content, context: context)
    }
}
