import Foundation
import HummingbirdTesting
import Synchronization
import Testing

/// Every API answer a test receives through `json(...)` is checked against the OpenAPI document
/// the server publishes: its status must be documented for the operation, and a JSON body must
/// fit the documented schema. So the hundreds of API tests also test the document (issue 15
/// point 3), and a response type that drifts from its schema fails the test that sees it.
enum ResponseConformance {
    /// The document is built from the code, so it is the same for every test app: read it once.
    private static let cached = Mutex<Document?>(nil)

    struct Document: @unchecked Sendable {
        let root: [String: Any]
        let operations: [(method: String, pattern: NSRegularExpression, specificity: Int, operation: [String: Any])]
    }

    static func check(
        _ method: String, _ uri: String, status: Int, contentType: String?, body: Data, client: some TestClientProtocol
    ) async throws {
        guard uri.hasPrefix("/api/v1/"), !uri.hasPrefix("/api/v1/openapi.json") else { return }
        let document = try await load(client)
        let path = String(uri.dropFirst("/api/v1".count).prefix { $0 != "?" })
        let range = NSRange(path.startIndex..., in: path)
        let candidates = document.operations.filter {
            $0.method == method.lowercased() && $0.pattern.firstMatch(in: path, range: range) != nil
        }
        // A served path no operation matches is answered by the API's catch-all (404 or 405).
        guard let operation = candidates.min(by: { $0.specificity < $1.specificity })?.operation else {
            #expect([404, 405].contains(status), "\(method) \(uri): \(status) from a path no operation documents")
            return
        }
        let responses = operation["responses"] as? [String: Any] ?? [:]
        guard let response = responses[String(status)] as? [String: Any] else {
            Issue.record("\(method) \(uri): status \(status) is not documented (documented: \(responses.keys.sorted()))")
            return
        }
        guard let contentType, contentType.hasPrefix("application/json"), !body.isEmpty else { return }
        guard let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] else {
            Issue.record("\(method) \(uri): \(status) answers JSON where the document states none")
            return
        }
        let value = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        var problems: [String] = []
        validate(value, against: schema, at: "$", in: document.root, problems: &problems)
        if !problems.isEmpty {
            let listed = problems.prefix(10).joined(separator: "\n")
            Issue.record("\(method) \(uri) \(status) does not fit its schema:\n\(listed)")
        }
    }

    private static func load(_ client: some TestClientProtocol) async throws -> Document {
        if let document = cached.withLock({ $0 }) { return document }
        let data = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { Data(buffer: $0.body) }
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var operations: [(String, NSRegularExpression, Int, [String: Any])] = []
        for (path, item) in root["paths"] as? [String: [String: Any]] ?? [:] {
            let pattern =
                "^"
                + NSRegularExpression.escapedPattern(for: path)
                .replacingOccurrences(of: #"\\\{[^}]*\\\}|\{[^}]*\}"#, with: "[^/]+", options: .regularExpression) + "$"
            let expression = try NSRegularExpression(pattern: pattern)
            let specificity = path.filter { $0 == "{" }.count
            for (method, operation) in item {
                if let operation = operation as? [String: Any] { operations.append((method, expression, specificity, operation)) }
            }
        }
        let document = Document(root: root, operations: operations)
        cached.withLock { $0 = document }
        return document
    }

    /// The part of JSON Schema the document uses: `$ref`, `oneOf`, `enum`, `const`, `type` (one or
    /// a list), `properties`, `required`, `additionalProperties`, `items`. Formats and bounds are
    /// the request side's business and are not checked here.
    static func validate(_ value: Any, against schema: Any, at path: String, in root: [String: Any], problems: inout [String]) {
        guard let schema = schema as? [String: Any] else { return }
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            let target = ((root["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name]
            guard let target else { return problems.append("\(path): $ref \(reference) resolves to nothing") }
            return validate(value, against: target, at: path, in: root, problems: &problems)
        }
        if let alternatives = schema["oneOf"] as? [Any] {
            let fitting = alternatives.filter { alternative in
                var inner: [String] = []
                validate(value, against: alternative, at: path, in: root, problems: &inner)
                return inner.isEmpty
            }
            if fitting.isEmpty { problems.append("\(path): fits none of oneOf") }
        }
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { same($0, value) }) {
            problems.append("\(path): \(value) is not one of \(choices)")
        }
        if let constant = schema["const"], !same(constant, value) { problems.append("\(path): \(value) is not \(constant)") }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            guard types.contains(where: { fits(value, $0) }) else { return problems.append("\(path): \(value) is not \(types)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path): required \(name) is missing")
            }
            for (name, member) in object {
                if let property = properties[name] {
                    validate(member, against: property, at: "\(path).\(name)", in: root, problems: &problems)
                } else if let additional = schema["additionalProperties"] {
                    if additional as? Bool == false {
                        problems.append("\(path): \(name) is not a documented member")
                    } else {
                        validate(member, against: additional, at: "\(path).\(name)", in: root, problems: &problems)
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, element) in array.enumerated() {
                validate(element, against: items, at: "\(path)[\(index)]", in: root, problems: &problems)
            }
        }
    }

    private static func fits(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return value is NSNumber && !isBool(value)
        default: return true
        }
    }

    private static func isBool(_ value: Any) -> Bool {
        // JSONSerialization gives booleans as NSNumbers of type "c" on both platforms.
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func same(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b && isBool(a) == isBool(b) }
        return false
    }
}
