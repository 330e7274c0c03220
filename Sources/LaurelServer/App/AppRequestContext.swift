import Hummingbird
import LaurelDomain
import Logging
import NIOCore

/// What middleware learns about a request: who is asking, in which language, and the CSRF secret
/// of their session.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext, LaurelContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer (nil in router tests).
    public let remoteAddress: SocketAddress?
    public var identity: Identity?
    public var csrf: String?
    public var locale: AppLocale = .vi
    /// The request's "today", read once from the app's clock as it enters (`ClockMiddleware`).
    public var today: CalendarDate = CalendarDate(year: 2000, month: 1, day: 1)!
    /// The catalogue as stored (standard and added entries) and the engine on it, from `LiveCatalogue`.
    public var catalogue: AwardCatalogue = .standard
    public var engine: EligibilityEngine = .standard

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The client as the sign-in throttle counts it: its IP address.
    public var clientAddress: String { remoteAddress?.ipAddress ?? "local" }

    public var signedIn: Identity? { identity }

    /// Bodies larger than this are refused before they are read.
    static let maxUploadSize = 1 << 20
    public var maxUploadSize: Int { Self.maxUploadSize }

    /// The identity stays optional here: the sign-in page and the API's token route run without one.
    /// Routes behind sign-in take a `SignedIn` context instead, whose identity is not optional.
}
