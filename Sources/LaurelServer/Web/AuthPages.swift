import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// Sign-in, sign-out and the language switch.
struct AuthPages {
    let auth: AuthService
    let pages: PageRenderer
    let secureCookies: Bool

    func register(on router: RouterGroup<AppRequestContext>) {
        router.get("login", use: loginForm)
        router.post("login", use: login)
        router.post("logout", use: logout)
        router.get("lang", use: language)
    }

    struct LoginContent { let username: String; let error: String?; let next: String }

    func loginForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.identity != nil { return .redirect(to: "/", type: .found) }
        return try pages.html("login", title: pages.t("login_title", context), nav: "", content: LoginContent(username: "", error: nil, next: safeNext(request.query("next"))), context: context)
    }

    /// Only local paths: an open redirect would let a phishing link borrow our sign-in page.
    func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let username = form["username"] ?? "", password = form["password"] ?? ""
        let next = safeNext(form["next"])
        do {
            let account = try await auth.signIn(username: username, password: password)
            let issued = try await auth.issue(for: account, kind: "session")
            var response = Response.redirect(to: next, type: .found)
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: issued.token, maxAge: Int(AuthService.sessionLifetime),
                                      path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
            return response
        } catch let error as APIError {
            let content = LoginContent(username: username, error: pages.t(error.key, context), next: next)
            return try pages.html("login", title: pages.t("login_title", context), nav: "", content: content, context: context,
                                  status: error.status == .tooManyRequests ? .tooManyRequests : .unauthorized)
        }
    }

    func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await auth.revoke(token: token) }
        var response = Response.redirect(to: "/login", type: .found)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    func language(_ request: Request, context: AppRequestContext) async throws -> Response {
        let locale = AppLocale(header: request.query("set"))
        var response = Response.redirect(to: safeNext(request.query("next")), type: .found)
        response.setCookie(Cookie(name: SessionMiddleware.languageCookie, value: locale.rawValue, maxAge: 365 * 86400, path: "/",
                                  secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}

/// The dashboard: real counts within the user's scope, and the latest changes.
struct DashboardPage {
    let units: UnitStore
    let people: PersonStore
    let accounts: AccountStore
    let audit: AuditStore
    let work: WorkListStore
    let pages: PageRenderer

    func register(on router: RouterGroup<AppRequestContext>) {
        router.get("/", use: show)
    }

    struct Task { let text: String; let link: String; let due: String?; let overdue: Bool }
    struct Content {
        let units: Int; let people: Int; let accounts: Int?; let scope: String; let recent: [AuditPages.Row]
        let tasks: [Task]; let hasTasks: Bool; let showsTasks: Bool
    }

    /// A work item in words, with the page where it is done.
    func task(_ item: WorkItem, context: AppRequestContext) -> Task {
        let count = String(item.count ?? 1)
        let (key, link): (String, String) = switch item.kind {
        case .report: ("work_report", "/movements/\(item.subjectId)#reports")
        case .selfScore: ("work_self_score", "/seasons/\(item.subjectId)#self-score")
        case .verify: ("work_verify", "/seasons/\(item.subjectId)")
        case .crossScore: ("work_cross_score", "/seasons/\(item.subjectId)/cross")
        case .vote: ("work_vote", "/ballots/\(item.subjectId)")
        case .register: ("work_register", "/registrations/\(item.subjectId)")
        }
        return Task(text: pages.t(key, context, [item.title, count]), link: link, due: item.due, overdue: item.overdue)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        if identity.role == .staff, let personId = identity.account.personId { return .redirect(to: "/people/\(personId)", type: .found) }
        let scopeName = identity.scopeRootId != nil ? (try await units.get(identity.account.unitId, as: identity).name) : pages.t("scope_everything", context)
        let recent = try await audit.list(AuditFilter(), scope: identity.scope, paging: Paging(page: 1, per: 8))
        let tasks = try await work.items(for: identity, today: Today.date()).map { task($0, context: context) }
        let content = Content(
            units: try await units.count(as: identity), people: try await people.count(as: identity),
            accounts: identity.role == .admin ? try await accounts.count() : nil, scope: scopeName,
            recent: recent.items.map { AuditPages.Row($0, pages: pages, context: context) },
            tasks: tasks, hasTasks: !tasks.isEmpty, showsTasks: identity.canWrite && identity.role != .admin)
        return try pages.html("dashboard", title: pages.t("dashboard_title", context), nav: "dashboard", content: content, context: context)
    }
}
