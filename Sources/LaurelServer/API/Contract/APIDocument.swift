import Foundation
import Hummingbird
import Synchronization

/// The operations registered while the router is built; once it is built, the OpenAPI document.
final class APIContract: Sendable {
    private let registered = Mutex<[APIOperation]>([])

    func add(_ operation: APIOperation) {
        registered.withLock { operations in
            precondition(
                !operations.contains { $0.method == operation.method && $0.path == operation.path },
                "\(operation.method) \(operation.path) registered twice")
            operations.append(operation)
        }
    }

    var operations: [APIOperation] { registered.withLock { $0 } }

    /// The OpenAPI 3.1 document of what was registered.
    func document() -> JSONValue { APIDocument.json(of: operations) }
}

enum APIDocument {
    static let info: JSONValue = .object([
        "title": "Laurel API", "version": "1.0.0",
        "description": .string(
            "Emulation and commendation management. Values are codes; errors are {\"error\": {\"code\", \"message\", \"field\"}}."),
    ])

    static func json(of operations: [APIOperation]) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        var pending: [String: SchemaComponent] = [:]
        for operation in operations {
            paths["/" + operation.path, default: [:]][operation.method.rawValue.lowercased()] = json(of: operation)
            for schema in operation.schemas { pending.merge(schema.components) { first, _ in first } }
        }
        var components: [String: JSONValue] = [:]
        while let (name, component) = pending.first {
            pending[name] = nil
            let schema = component.schema
            components[name] = schema.json
            for (other, next) in schema.components where components[other] == nil { pending[other] = next }
        }
        return .object([
            "openapi": "3.1.0", "info": info, "servers": [.object(["url": "/api/v1"])],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(components),
                "securitySchemes": .object([
                    "bearer": .object(["type": "http", "scheme": "bearer"]),
                    // The pages' session, which API reads also take (the exports a page links to).
                    "session": .object(["type": "apiKey", "in": "cookie", "name": .string(SessionMiddleware.cookieName)]),
                ]),
            ]),
        ])
    }

    /// Any secured operation takes a token; a read also takes the pages' session.
    static func security(of operation: APIOperation) -> [JSONValue] {
        guard operation.secured else { return [] }
        return operation.method == .get ? [.object(["bearer": []]), .object(["session": []])] : [.object(["bearer": []])]
    }

    static func json(of operation: APIOperation) -> JSONValue {
        var json: [String: JSONValue] = [
            "summary": .string(operation.summary), "tags": [.string(operation.tag)],
            "security": .array(security(of: operation)),
            "responses": .object(
                Dictionary(
                    uniqueKeysWithValues: operation.responses.map { response in
                        var body: [String: JSONValue] = ["description": .string(response.description)]
                        if !response.content.isEmpty { body["content"] = content(response.content) }
                        return (String(response.status), JSONValue.object(body))
                    })),
        ]
        if let description = operation.description { json["description"] = .string(description) }
        if !operation.parameters.isEmpty {
            json["parameters"] = .array(
                operation.parameters.map { parameter in
                    var json: [String: JSONValue] = [
                        "name": .string(parameter.name), "in": .string(parameter.location.rawValue), "required": .bool(parameter.required),
                        "schema": parameter.schema.json,
                    ]
                    if let description = parameter.description, !description.isEmpty { json["description"] = .string(description) }
                    return .object(json)
                })
        }
        if let body = operation.body { json["requestBody"] = .object(["required": true, "content": content(body.content)]) }
        return .object(json)
    }

    private static func content(_ items: [(mediaType: String, schema: Schema)]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: items.map { ($0.mediaType, JSONValue.object(["schema": $0.schema.json])) }))
    }
}

extension APIOperation {
    /// Every schema the operation names, for collecting the components they refer to.
    var schemas: [Schema] {
        parameters.map(\.schema) + (body?.content.map(\.schema) ?? []) + responses.flatMap { $0.content.map(\.schema) }
    }
}

extension JSONValue: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

/// The document as served: encoded once, when the router is built.
struct OpenAPIDocument: Sendable {
    let bytes: ByteBuffer

    init(_ document: JSONValue) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        bytes = ByteBuffer(bytes: try encoder.encode(document))
    }

    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
    }
}
