import Foundation
import Hummingbird
import LaurelDomain
import NIOCore

/// An error as the API answers it: `{"error": {"code", "message", "field"}}` with a status.
public struct APIError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let key: String
    public let field: String?
    public let arguments: [String]
    public var details: [FieldMessage] = []
    /// Seconds after which the client may try again (`Retry-After`), for 429 and 503.
    public var retryAfter: Int?
    /// The methods a path serves (`Allow`), for 405.
    public var allow: [String] = []

    public init(
        status: HTTPResponse.Status, code: String, key: String, field: String? = nil, arguments: [String] = [], retryAfter: Int? = nil,
        allow: [String] = []
    ) {
        self.status = status
        self.code = code
        self.key = key
        self.field = field
        self.arguments = arguments
        self.retryAfter = retryAfter
        self.allow = allow
    }

    public struct FieldMessage: Codable, Sendable {
        public let field: String?
        public let message: String
    }

    /// Maps every error a handler can throw to the status and message the client sees. Unknown
    /// errors become a 500 with a generic message: internals never reach the client.
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as DomainError:
            return APIError(domain: error)
        case let error as any ReportableError:
            // A rule refused outside a store (a page or handler checking before it writes).
            return from(error.reported)
        case let errors as ValidationErrors:
            var first = APIError(domain: errors.errors.first ?? DomainError.invalid("error.bad_request"))
            first.details = []
            first.pending = errors.errors
            return first
        case is NIOTooManyBytesError:
            // A body larger than the route accepts, found while collecting it.
            return APIError(status: .contentTooLarge, code: "payload_too_large", key: "error.payload_too_large")
        case let error as HTTPError:
            switch error.status {
            case .notFound: return APIError(status: .notFound, code: "not_found", key: "error.not_found")
            case .contentTooLarge: return APIError(status: .contentTooLarge, code: "payload_too_large", key: "error.payload_too_large")
            case .methodNotAllowed: return APIError(status: .methodNotAllowed, code: "method_not_allowed", key: "error.method_not_allowed")
            case .unauthorized: return APIError(status: .unauthorized, code: "unauthorized", key: "error.unauthorized")
            case .forbidden: return APIError(status: .forbidden, code: "forbidden", key: "error.forbidden")
            default:
                if error.status.code < 500 { return APIError(status: error.status, code: "bad_request", key: "error.bad_request") }
                return APIError(status: .internalServerError, code: "internal", key: "error.internal")
            }
        default:
            return APIError(status: .internalServerError, code: "internal", key: "error.internal")
        }
    }

    var pending: [DomainError] = []

    init(domain error: DomainError) {
        switch error.kind {
        case .invalid:
            self.init(status: .unprocessableContent, code: "invalid", key: error.key, field: error.field, arguments: error.arguments)
        case .notFound: self.init(status: .notFound, code: "not_found", key: error.key, field: error.field, arguments: error.arguments)
        case .conflict: self.init(status: .conflict, code: "conflict", key: error.key, field: error.field, arguments: error.arguments)
        case .forbidden: self.init(status: .forbidden, code: "forbidden", key: error.key, field: error.field, arguments: error.arguments)
        }
    }

    struct Body: Encodable {
        struct Inner: Encodable {
            let code: String
            let message: String
            let field: String?
            let errors: [FieldMessage]?
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encode(field, forKey: .field)
                try container.encodeIfPresent(errors, forKey: .errors)
            }
            enum CodingKeys: String, CodingKey { case code, message, field, errors }
        }
        let error: Inner
    }

    func response(localisation: Localisation, locale: AppLocale) -> Response {
        let all = pending.map { FieldMessage(field: $0.field, message: localisation.message($0, locale)) }
        let body = Body(
            error: .init(
                code: code, message: localisation.string(key, locale, arguments), field: field,
                errors: all.count > 1 ? all : nil))
        let data = (try? JSONEncoder().encode(body)) ?? Data("{\"error\":{\"code\":\"internal\",\"message\":\"\",\"field\":null}}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let retryAfter { headers[.retryAfter] = String(max(1, retryAfter)) }
        if !allow.isEmpty { headers[.allow] = allow.joined(separator: ", ") }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
