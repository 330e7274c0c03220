import Foundation
import Hummingbird

/// Encodes a value as the API's JSON.
enum JSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func response(_ value: some APIResponseBody, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A page of items as the API lists them.
struct ListResponse<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let total: Int
    let page: Int
    let per: Int
}

/// A shape the API answers with, declared in this module beside its contract. `JSON.response`
/// takes only these, so a store or domain model cannot become part of the API by being returned:
/// a change to what is stored then changes the API only where a response type says so.
protocol APIResponseBody: Encodable, Sendable {}

/// A page of the API's own shapes is one too.
extension ListResponse: APIResponseBody where Item: APIResponseBody {}
