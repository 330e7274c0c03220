import Foundation
import Hummingbird
import LaurelDomain
import Logging

/// Turns every error of an API route into the JSON error shape, in the client's language.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let localisation: Localisation

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // A page's link answers in the page's language; a client with a token in its own.
        let viaPage = BearerAuthMiddleware.sessionToken(in: request) != nil
        context.locale = AppLocale(
            header: viaPage ? request.cookies[SessionMiddleware.languageCookie]?.value ?? "vi" : request.headers[.acceptLanguage])
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            }
            return apiError.response(localisation: localisation, locale: context.locale)
        }
    }
}

/// API routes need `Authorization: Bearer TOKEN` from `POST /api/v1/auth/token`, or, for a
/// read (GET, HEAD), the pages' session cookie: the exports and downloads the pages link to are
/// API reads, and a signed-in browser following such a link has no token. Writes never take the
/// cookie, so the API needs no CSRF token: a cross-site form cannot reach it.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let auth: AuthService

    /// The bearer token a request carries.
    static func token(in request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    /// The session a page's link brings to an API read, when it carries no token.
    static func sessionToken(in request: Request) -> String? {
        guard token(in: request) == nil, request.method == .get || request.method == .head else { return nil }
        return request.cookies[SessionMiddleware.cookieName]?.value
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let found: (Identity, String?)?
        if let token = Self.token(in: request) {
            found = try await auth.identity(token: token, kind: "api")
        } else if let session = Self.sessionToken(in: request) {
            found = try await auth.identity(token: session, kind: "session")
        } else {
            found = nil
        }
        guard let (identity, _) = found else { throw APIError(status: .unauthorized, code: "unauthorized", key: "error.unauthorized") }
        var context = context
        context.identity = identity
        return try await next(request, context)
    }
}

/// Pages: the session cookie gives the identity and CSRF secret; the language comes from the
/// `lang` cookie. Unauthenticated page requests go to the sign-in page; every unsafe method must
/// carry the session's CSRF token in the form.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "laurel_session"
    static let languageCookie = "laurel_lang"
    let auth: AuthService
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.locale = AppLocale(header: request.cookies[Self.languageCookie]?.value ?? "vi")
        let path = request.uri.path
        let isPublic = path == "/login" || path.hasPrefix("/static/") || path == "/lang" || path == "/health"
        if let token = request.cookies[Self.cookieName]?.value,
            let (identity, csrf) = try await auth.identity(token: token, kind: "session")
        {
            context.identity = identity
            context.csrf = csrf
        }
        if context.identity == nil && !isPublic {
            return .redirect(to: "/login?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"), type: .found)
        }
        var request = request
        if request.method != .get && request.method != .head && path != "/login" {
            // Collecting keeps the body in the request, so the handler can read it again.
            // File uploads (multipart, up to the import cap) carry the token as a form part.
            let sent: String?
            if let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") {
                guard let buffer = try? await request.collectBody(upTo: ImportService.maxUpload + (64 << 10)) else {
                    return try pages.error(status: .contentTooLarge, key: "error.import_upload_too_large", context: context)
                }
                sent = MultipartForm(body: Data(buffer: buffer), contentType: type)?.text("_csrf")
            } else {
                sent = FormData(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))["_csrf"]
            }
            guard let expected = context.csrf, let sent, Tokens.equal(expected, sent) else {
                return try pages.error(status: .forbidden, key: "error.csrf", context: context)
            }
        }
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.code >= 500 {
                context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(path)"])
            }
            return try pages.error(
                status: apiError.status, key: apiError.status == .notFound ? "error_page_not_found" : apiError.key, context: context)
        }
    }
}

/// Stamps each request with the day it arrived, from the app's clock.
struct ClockMiddleware: RouterMiddleware {
    let clock: AppClock

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.today = clock.today
        return try await next(request, context)
    }
}

/// Gives each signed-in request the catalogue as stored (from memory; read again when it changed).
struct CatalogueMiddleware: RouterMiddleware {
    let live: LiveCatalogue

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if context.identity != nil {
            let snapshot = try await live.current()
            context.catalogue = snapshot.catalogue
            context.engine = snapshot.engine
        }
        return try await next(request, context)
    }
}
