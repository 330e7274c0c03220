import Hummingbird
import LaurelDomain
import Logging

/// What middleware learns about a request: who is asking, in which language, and the CSRF secret
/// of their session.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    public var csrf: String?
    public var locale: AppLocale = .vi

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Bodies larger than this are refused before they are read.
    public var maxUploadSize: Int { 1 << 20 }

    /// The authenticated identity; routes behind an authentication middleware always have one.
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw APIError(status: .unauthorized, code: "unauthorized", key: "error.unauthorized") }
        return identity
    }
}
