import Hummingbird
import LaurelDomain
import LaurelStore
import NIOCore

/// What pages, bodies and path helpers read from any of Laurel's contexts.
public protocol LaurelContext: RequestContext {
    var locale: AppLocale { get }
    /// The request's "today" (Asia/Ho_Chi_Minh), from the app's clock.
    var today: CalendarDate { get }
    /// The award catalogue as stored, and the eligibility engine built on it.
    var catalogue: AwardCatalogue { get }
    var engine: EligibilityEngine { get }
    var csrf: String? { get }
    /// Who is signed in, if anyone (the layout's user menu needs it on public pages too).
    var signedIn: Identity? { get }
    /// The client as the sign-in throttle counts it: its IP address.
    var clientAddress: String { get }
}

/// A context whose user is known: the routes of a signed-in group.
public protocol SignedInRequestContext: LaurelContext {
    var identity: Identity { get }
}

/// What a group of routes requires of the signed-in user, checked once when the request enters the
/// group: a handler that takes a `WriteContext` cannot be reached by a read-only role, whether or not
/// it remembers to check.
public protocol RoleRequirement: Sendable {
    static func check(_ identity: Identity) throws
}

/// Every signed-in role (staff read their own record).
public enum AnyRole: RoleRequirement {
    public static func check(_ identity: Identity) {}
}

/// Every role but staff: they browse their scope.
public enum MayBrowse: RoleRequirement {
    public static func check(_ identity: Identity) throws { try Permissions.requireBrowse(identity) }
}

/// Roles that change data in their scope.
public enum MayWrite: RoleRequirement {
    public static func check(_ identity: Identity) throws { try Permissions.requireWrite(identity) }
}

public enum AdminOnly: RoleRequirement {
    public static func check(_ identity: Identity) throws { try Permissions.requireAdmin(identity) }
}

/// The context of a route behind sign-in: the identity is not optional, and `Role` was checked.
public struct SignedIn<Role: RoleRequirement>: ChildRequestContext, SignedInRequestContext {
    public typealias ParentContext = AppRequestContext
    public var coreContext: CoreRequestContextStorage
    public let identity: Identity
    public let locale: AppLocale
    public let today: CalendarDate
    public let catalogue: AwardCatalogue
    public let engine: EligibilityEngine
    public let csrf: String?
    public let clientAddress: String

    public init(context: AppRequestContext) throws {
        guard let identity = context.identity else {
            throw APIError(status: .unauthorized, code: "unauthorized", key: "error.unauthorized")
        }
        try Role.check(identity)
        self.coreContext = context.coreContext
        self.identity = identity
        self.locale = context.locale
        self.today = context.today
        self.catalogue = context.catalogue
        self.engine = context.engine
        self.csrf = context.csrf
        self.clientAddress = context.clientAddress
    }

    public var signedIn: Identity? { identity }
    /// As the parent's: bodies larger than this are refused before they are read.
    public var maxUploadSize: Int { AppRequestContext.maxUploadSize }
}

public typealias SignedInContext = SignedIn<AnyRole>
public typealias BrowseContext = SignedIn<MayBrowse>
public typealias WriteContext = SignedIn<MayWrite>
public typealias AdminContext = SignedIn<AdminOnly>

/// The groups a feature registers its routes on, one per role requirement, all behind the same
/// authentication middleware.
struct SignedInRoutes {
    let any: RouterGroup<SignedInContext>
    let browse: RouterGroup<BrowseContext>
    let write: RouterGroup<WriteContext>
    let admin: RouterGroup<AdminContext>

    init(_ group: RouterGroup<AppRequestContext>) {
        any = group.group(context: SignedInContext.self)
        browse = group.group(context: BrowseContext.self)
        write = group.group(context: WriteContext.self)
        admin = group.group(context: AdminContext.self)
    }
}
