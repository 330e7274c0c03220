import Hummingbird
import Synchronization

/// The API's routes by shape, so that a known path asked with a method it does not serve answers
/// 405 with `Allow` (RFC 9110 §15.5.6) instead of the 404 of an unknown path.
struct AllowedMethods: Sendable {
    private struct Route: Sendable {
        let segments: [Segment]
        let method: String
    }

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case capture
        /// `{list}.csv`: anything ending with the suffix.
        case endsWith(String)

        init(_ text: Substring) {
            if text.hasPrefix("{"), let close = text.firstIndex(of: "}") {
                let rest = text[text.index(after: close)...]
                self = rest.isEmpty ? .capture : .endsWith(String(rest))
            } else {
                self = .literal(String(text))
            }
        }

        func matches(_ part: Substring) -> Bool {
            switch self {
            case .literal(let text): part == text
            case .capture: !part.isEmpty
            case .endsWith(let suffix): part.hasSuffix(suffix) && part.count > suffix.count
            }
        }
    }

    private let routes: [Route]

    /// The routes under `prefix` (wildcards excluded) of a router as it stands.
    init(_ router: Router<AppRequestContext>, under prefix: String) {
        routes = router.routes.compactMap { route in
            let path = "\(route.path)"
            guard path.hasPrefix(prefix), !path.contains("*") else { return nil }
            return Route(segments: path.split(separator: "/").map(Segment.init), method: route.method.rawValue)
        }
    }

    /// The methods served at `path`, sorted; empty when no route has its shape.
    func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/")
        let found = routes.filter { route in
            route.segments.count == parts.count && zip(route.segments, parts).allSatisfy { $0.matches($1) }
        }.map(\.method)
        return Array(Set(found)).sorted()
    }
}

/// Answers 405 with `Allow` when the router found the API path but not the method (it throws 404
/// before any group's middleware runs, so this sits on the router). The table is filled once every
/// route is registered.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    final class Table: Sendable {
        let routes = Mutex<AllowedMethods?>(nil)
    }

    let table = Table()
    let localisation: Localisation

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && request.uri.path.hasPrefix("/api/v1/") {
            let methods = table.routes.withLock { $0?.methods(for: request.uri.path) } ?? []
            guard !methods.isEmpty else { throw error }
            return APIError(status: .methodNotAllowed, code: "method_not_allowed", key: "error.method_not_allowed", allow: methods)
                .response(localisation: localisation, locale: AppLocale(header: request.headers[.acceptLanguage]))
        }
    }
}
