import Hummingbird
import NIOCore
import LaurelDomain
import Logging

/// What middleware learns about a request: who is asking, in which language, and the CSRF secret
/// of their session.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer (nil in router tests).
    public let remoteAddress: SocketAddress?
    public var identity: Identity?
    public var csrf: String?
    public var locale: AppLocale = .vi

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The client as the sign-in throttle counts it: its IP address.
    var clientAddress: String { remoteAddress?.ipAddress ?? "local" }

    /// Bodies larger than this are refused before they are read.
    public var maxUploadSize: Int { 1 << 20 }

    /// The authenticated identity; routes behind an authentication middleware always have one.
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw APIError(status: .unauthorized, code: "unauthorized", key: "error.unauthorized") }
        return identity
    }
}
