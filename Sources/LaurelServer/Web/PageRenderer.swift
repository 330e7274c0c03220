import Foundation
import HTTPTypes
import Hummingbird
import LaurelDomain
import Mustache

/// Renders pages: the Mustache templates are loaded once at start (a missing template stops the
/// launch, not a user), and every page gets the layout's data: strings, user, CSRF token.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let localisation: Localisation
    static let required = [
        "layout", "login", "dashboard", "units", "unit", "unit_form", "people", "person", "person_form", "accounts", "account_form",
        "audit", "error", "record", "register", "imports", "import_result", "catalogue", "movements", "movement", "movement_form",
        "registration", "registrations", "clusters", "season", "ballot", "minutes", "eligibility", "eligibility_quotas", "account_edit",
        "account_password", "season_tabs", "season_cross", "season_votes", "cluster", "cluster_form", "season_form", "season_setup",
        "nominations", "nomination", "nomination_form",
    ]

    public static func load(localisation: Localisation) async throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil, subdirectory: "Resources")?.path else {
            throw PageError.missingResources
        }
        let library = try await MustacheLibrary(directory: directory)
        for name in required where library.getTemplate(named: name) == nil { throw PageError.missingTemplate(name) }
        return PageRenderer(library: library, localisation: localisation)
    }

    enum PageError: Error {
        case missingResources
        case missingTemplate(String)
    }

    /// What every page template can use: `t.key` for strings, `user`, `csrf`, `nav_*` flags, and
    /// the page's own `content`, typed by the page that renders it.
    struct Layout<Content> {
        let t: [String: String]
        let lang: String
        let title: String
        let csrf: String
        let user: UserBox?
        let nav: [String: Bool]
        let content: Content
        let flash: String?
    }

    struct UserBox {
        let username: String
        let roleName: String
        let isAdmin: Bool
        let canWrite: Bool
        let canManageAccounts: Bool
        let canBrowse: Bool
    }

    func html<Content>(
        _ template: String, title: String, nav: String, content: Content, context: some LaurelContext,
        status: HTTPResponse.Status = .ok, flash: String? = nil
    ) throws -> Response {
        let body = try htmlString(template, title: title, nav: nav, content: content, context: context, flash: flash)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A page as text: the body of `html`, and of responses streamed in parts (the import's progress page).
    func htmlString<Content>(
        _ template: String, title: String, nav: String, content: Content, context: some LaurelContext, flash: String? = nil
    ) throws -> String {
        let t = localisation.table(context.locale)
        let user = context.signedIn.map {
            UserBox(
                username: $0.account.username, roleName: t["role_\($0.role.rawValue)"] ?? $0.role.rawValue, isAdmin: $0.role == .admin,
                canWrite: $0.canWrite, canManageAccounts: $0.role == .admin || $0.role == .officer, canBrowse: $0.role != .staff)
        }
        let layout = Layout(
            t: t, lang: context.locale.rawValue, title: title, csrf: context.csrf ?? "", user: user, nav: [nav: true], content: content,
            flash: flash)
        guard let body = library.render(layout, withTemplate: template) else { throw PageError.missingTemplate(template) }
        return body
    }

    func error(status: HTTPResponse.Status, key: String, context: some LaurelContext) throws -> Response {
        let message = localisation.string(key, context.locale)
        return try html(
            "error", title: localisation.string("error_title", context.locale), nav: "",
            content: ErrorContent(message: message, status: status.code), context: context, status: status)
    }

    struct ErrorContent {
        let message: String
        let status: Int
    }

    func t(_ key: String, _ context: some LaurelContext, _ arguments: [String] = []) -> String {
        localisation.string(key, context.locale, arguments)
    }
}

/// Paging links for a list page.
struct Pager {
    let total: Int
    let label: String
    let previousURL: String?
    let nextURL: String?

    init(page: Int, per: Int, total: Int, path: String, query: [String: String], label: (Int, Int) -> String) {
        let pages = max(1, (total + per - 1) / per)
        self.total = total
        self.label = label(min(page, pages), pages)
        func url(_ page: Int) -> String {
            var parts = query.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
            parts.append("page=\(page)")
            return path + "?" + parts.joined(separator: "&")
        }
        previousURL = page > 1 ? url(page - 1) : nil
        nextURL = page < pages ? url(page + 1) : nil
    }
}

/// An `<option>` of a select.
struct Option {
    let value: String
    let label: String
    let selected: Bool
}

/// A form field's value and its error message, if any.
struct Field {
    let value: String
    let error: String?
}
