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

    struct LoginContent {
        let username: String
        let error: String?
        let next: String
        let loginToken: String
    }

    /// The sign-in form carries a token that must come back with the same value as a cookie that
    /// only this site can set (a double-submit token): another site cannot sign a visitor in to an
    /// account of its choosing (login CSRF).
    static let loginCookie = "laurel_login"
    /// Set at a page sign-in; the throttle lets the device that signed in before through even while
    /// others are guessing the account's password.
    static let deviceCookie = "laurel_device"
    /// Sign-in forms are small; a larger body is refused before it is read.
    static let maxLoginBody = 8 << 10

    func loginForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.identity != nil { return .redirect(to: "/", type: .found) }
        return try form(username: "", error: nil, next: SafeRedirect.path(request.query("next")), context: context, status: .ok)
    }

    /// The form with a fresh double-submit token in it and in its cookie.
    func form(
        username: String, error: String?, next: String, context: AppRequestContext, status: HTTPResponse.Status,
        retryAfter: Int? = nil
    ) throws -> Response {
        let token = Tokens.random()
        let content = LoginContent(username: username, error: error, next: next, loginToken: token)
        var response = try pages.html(
            "login", title: pages.t("login_title", context), nav: "", content: content, context: context, status: status)
        response.setCookie(
            Cookie(
                name: Self.loginCookie, value: token, maxAge: 3600, path: "/login", secure: secureCookies, httpOnly: true,
                sameSite: .strict))
        if let retryAfter { response.headers[.retryAfter] = String(max(1, retryAfter)) }
        return response
    }

    func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form: FormData
        do {
            form = try await FormData.read(request, context: context, limit: Self.maxLoginBody)
        } catch {
            return try pages.error(status: .contentTooLarge, key: "error.payload_too_large", context: context)
        }
        let username = String((form["username"] ?? "").prefix(64))
        let password = form["password"] ?? ""
        let next = SafeRedirect.path(form["next"])
        guard let expected = request.cookies[Self.loginCookie]?.value, let sent = form["_csrf"], Tokens.equal(expected, sent) else {
            return try self.form(
                username: username, error: pages.t("error.login_form_expired", context), next: next, context: context,
                status: .forbidden)
        }
        let device = request.cookies[Self.deviceCookie]?.value.prefix(64).description
        do {
            let account = try await auth.signIn(
                username: username, password: password,
                client: .init(address: context.clientAddress, device: device))
            let issued = try await auth.issue(for: account, kind: "session")
            var response = Response.redirect(to: next, type: .found)
            response.setCookie(
                Cookie(
                    name: SessionMiddleware.cookieName, value: issued.token, maxAge: Int(AuthService.sessionLifetime),
                    path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
            response.setCookie(
                Cookie(
                    name: Self.loginCookie, value: "", maxAge: 0, path: "/login", secure: secureCookies, httpOnly: true,
                    sameSite: .strict))
            if device == nil {
                response.setCookie(
                    Cookie(
                        name: Self.deviceCookie, value: Tokens.random(), maxAge: 365 * 86400, path: "/login",
                        secure: secureCookies, httpOnly: true, sameSite: .strict))
            }
            return response
        } catch let error as APIError {
            return try self.form(
                username: username, error: pages.t(error.key, context, error.arguments), next: next, context: context,
                status: error.status == .tooManyRequests ? .tooManyRequests : .unauthorized, retryAfter: error.retryAfter)
        }
    }

    func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.cookies[SessionMiddleware.cookieName]?.value { try await auth.revoke(token: token) }
        var response = Response.redirect(to: "/login", type: .found)
        response.setCookie(
            Cookie(
                name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    func language(_ request: Request, context: AppRequestContext) async throws -> Response {
        let locale = AppLocale(header: request.query("set"))
        var response = Response.redirect(to: SafeRedirect.path(request.query("next")), type: .found)
        response.setCookie(
            Cookie(
                name: SessionMiddleware.languageCookie, value: locale.rawValue, maxAge: 365 * 86400, path: "/",
                secure: secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}
