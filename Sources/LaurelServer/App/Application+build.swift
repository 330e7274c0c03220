import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore
import Logging
import ServiceLifecycle

/// How the server is run: address, database, and the cost of password hashing.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var bcryptCost: UInt8
    /// Cookies carry `Secure` when Laurel is served over TLS (behind a proxy that terminates it).
    public var secureCookies: Bool
    /// The first wait of the sign-in back-off, in seconds; it doubles with each further failure.
    /// Tests lengthen it so that a slow machine cannot outwait it between two requests.
    public var signInFirstDelay: Double
    /// Where each request's "today" comes from; tests fix it.
    public var clock: AppClock

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, bcryptCost: UInt8 = 11, secureCookies: Bool = false, signInFirstDelay: Double = 1,
        clock: AppClock = .system
    ) {
        self.hostname = hostname
        self.port = port
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.signInFirstDelay = signInFirstDelay
        self.clock = clock
    }
}

/// The services every route needs, built once.
public struct AppDependencies: Sendable {
    public let database: LaurelDatabase
    public let units: UnitStore
    public let people: PersonStore
    public let accounts: AccountStore
    public let audit: AuditStore
    public let auth: AuthService
    public let localisation: Localisation
    public let pages: PageRenderer
    /// Bounds how many CPU-heavy requests run at once.
    let heavyWork = HeavyWorkGate()
    /// The award catalogue as stored, shared by every route.
    let catalogue: LiveCatalogue

    public static func make(database: LaurelDatabase, configuration: AppConfiguration) async throws -> AppDependencies {
        let localisation = try Localisation.load()
        let accounts = AccountStore(database: database)
        return AppDependencies(
            database: database, units: UnitStore(database: database), people: PersonStore(database: database), accounts: accounts,
            audit: AuditStore(database: database),
            auth: AuthService(
                accounts: accounts, bcryptCost: configuration.bcryptCost,
                throttle: LoginThrottle.Policy(firstDelay: configuration.signInFirstDelay)),
            localisation: localisation, pages: try await PageRenderer.load(localisation: localisation),
            catalogue: LiveCatalogue(store: CatalogueStore(database: database)))
    }
}

/// Builds the router: the JSON API under /api/v1 (bearer tokens) and the pages (session cookie).
public func buildRouter(_ dependencies: AppDependencies, configuration: AppConfiguration) throws -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: configuration.secureCookies))
    router.add(middleware: ClockMiddleware(clock: configuration.clock))
    let methodNotAllowed = MethodNotAllowedMiddleware(localisation: dependencies.localisation)
    router.add(middleware: methodNotAllowed)
    let d = dependencies

    let api = router.group("api/v1").add(middleware: APIErrorMiddleware(localisation: d.localisation))
    let contract = APIContract()
    AuthAPI(auth: d.auth).register(on: DocumentedGroup(group: api, contract: contract))
    let secured = APIRoutes(
        SignedInRoutes(
            api.group().add(middleware: BearerAuthMiddleware(auth: d.auth)).add(middleware: CatalogueMiddleware(live: d.catalogue))),
        contract: contract)
    AuthAPI(auth: d.auth).registerSecured(on: secured)
    UnitsAPI(units: d.units).register(on: secured)
    PeopleAPI(people: d.people).register(on: secured)
    AccountsAPI(accounts: d.accounts, auth: d.auth).register(on: secured)
    AuditAPI(audit: d.audit).register(on: secured)
    RecordRoutes(d).registerAPI(on: secured)
    EligibilityAPI(localisation: d.localisation, histories: HistoryStore(database: d.database), gate: d.heavyWork).register(on: secured)
    QuotasAPI(quotas: QuotaStore(database: d.database), histories: HistoryStore(database: d.database)).register(on: secured)
    ClusterRoutes(d).registerAPI(on: secured)
    CouncilsAPI(councils: CouncilStore(database: d.database)).register(on: secured)
    NominationsAPI(nominations: NominationStore(database: d.database), localisation: d.localisation).register(on: secured)
    SubmissionsAPI(submissions: SubmissionStore(database: d.database)).register(on: secured)
    // Built from the operations just registered: what the document states is what is served.
    let openAPI = try OpenAPIDocument(contract.document())
    api.get("openapi.json") { _, _ in openAPI.response() }
    // Unknown API paths answer JSON, not an HTML page; a known path with a method it does not serve
    // answers 405 and names the methods it does.
    let allowed = AllowedMethods(router, under: "/api/v1/")
    methodNotAllowed.table.routes.withLock { $0 = allowed }
    for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
        api.on("**", method: method) { request, _ -> Response in
            let methods = allowed.methods(for: request.uri.path)
            guard !methods.isEmpty else { throw APIError(status: .notFound, code: "not_found", key: "error.not_found") }
            throw APIError(status: .methodNotAllowed, code: "method_not_allowed", key: "error.method_not_allowed", allow: methods)
        }
    }

    let stylesheet = try StaticAsset.load("laurel.css", contentType: "text/css; charset=utf-8")
    router.get("static/laurel.css") { _, _ in stylesheet.response() }
    router.get("health") { _, _ in "ok" }

    let session = router.group().add(middleware: SessionMiddleware(auth: d.auth, pages: d.pages))
    AuthPages(auth: d.auth, pages: d.pages, secureCookies: configuration.secureCookies).register(on: session)
    let web = SignedInRoutes(session.add(middleware: CatalogueMiddleware(live: d.catalogue)))
    DashboardPage(
        units: d.units, people: d.people, accounts: d.accounts, audit: d.audit, work: WorkListStore(database: d.database), pages: d.pages
    )
    .register(on: web)
    UnitPages(units: d.units, people: d.people, histories: HistoryStore(database: d.database), pages: d.pages).register(on: web)
    PeoplePages(
        people: d.people, units: d.units, histories: HistoryStore(database: d.database),
        registrations: RegistrationStore(database: d.database), pages: d.pages
    ).register(on: web)
    AccountPages(accounts: d.accounts, units: d.units, auth: d.auth, pages: d.pages).register(on: web)
    NominationPages(nominations: NominationStore(database: d.database), people: d.people, pages: d.pages).register(on: web)
    AuditPages(audit: d.audit, pages: d.pages).register(on: web)
    EligibilityPages(
        histories: HistoryStore(database: d.database), units: d.units, quotas: QuotaStore(database: d.database), gate: d.heavyWork,
        pages: d.pages
    ).register(on: web)
    RecordRoutes(d).registerPages(on: web)
    ClusterRoutes(d).registerPages(on: web)
    return router
}

/// Builds the application used by `laurel serve` and by the tests. `laurel serve` adds the
/// database as a service of its own; the tests run their databases themselves.
public func buildApplication(
    _ dependencies: AppDependencies, configuration: AppConfiguration, logger: Logger
) throws -> Application<RouterResponder<AppRequestContext>> {
    let router = try buildRouter(dependencies, configuration: configuration)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.hostname, port: configuration.port), serverName: "Laurel"),
        logger: logger)
}

/// A file of `Resources/Static`, read once at start.
struct StaticAsset: Sendable {
    let bytes: ByteBuffer
    let contentType: String

    static func load(_ name: String, contentType: String) throws -> StaticAsset {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources/Static") else {
            throw StaticAssetError.missing(name)
        }
        return StaticAsset(bytes: ByteBuffer(bytes: try Data(contentsOf: url)), contentType: contentType)
    }

    enum StaticAssetError: Error { case missing(String) }

    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
    }
}
