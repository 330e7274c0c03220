import Foundation
import NIOSSL
import PostgresNIO

/// `sslmode` of `DATABASE_URL`, as libpq reads it (`tlsmode`, `ssl` and `tls` are accepted too):
/// `disable` (the default, as before: a local or private-network server), `prefer` (TLS when the
/// server offers it), `require` (TLS, the certificate not checked), `verify-ca` (a trusted
/// certificate, any host name) and `verify-full` (a trusted certificate for this host).
public enum PostgresTLSMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"

    public struct Unknown: Error, CustomStringConvertible {
        public let value: String
        public var description: String {
            "unknown sslmode \(value); use one of \(PostgresTLSMode.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }

    public init(url: String) throws {
        let items = URLComponents(string: url)?.queryItems ?? []
        guard let raw = items.last(where: { ["sslmode", "tlsmode", "ssl", "tls"].contains($0.name.lowercased()) })?.value else {
            self = .disable
            return
        }
        guard let mode = PostgresTLSMode(rawValue: raw.lowercased()) else { throw Unknown(value: raw) }
        self = mode
    }

    var clientTLS: PostgresClient.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch self {
        case .disable, .allow:
            return .disable
        case .prefer:
            return .prefer(configuration)
        case .require:
            configuration.certificateVerification = .none
            return .require(configuration)
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
            return .require(configuration)
        case .verifyFull:
            return .require(configuration)
        }
    }
}
