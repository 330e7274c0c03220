import Foundation
import Hummingbird
import LaurelDomain

/// Decodes JSON bodies strictly: malformed JSON, a non-object, an unknown field or a value of the
/// wrong type is a 4xx naming the field, before any handler logic runs.
enum RequestBody {
    struct Decoded<T: Sendable>: Sendable {
        let value: T
        /// The keys the client sent, so PATCH can tell "absent" from "null".
        let keys: Set<String>
    }

    /// Most items of any list (and keys of any map) in a body: every list a handler walks is
    /// bounded before it is walked. Routes that take longer lists say so.
    static let maxItems = 2_000

    /// Decodes the body of `operation`: the members it accepts are the properties its document
    /// states, so what the document says a client may send is what the server takes.
    static func decode<T: Decodable & Sendable>(
        _ type: T.Type, for operation: APIOperation, from request: Request, context: some LaurelContext,
        limit: Int? = nil, maxItems: Int = maxItems
    ) async throws -> Decoded<T> {
        try await decode(type, allowed: operation.bodyProperties, from: request, context: context, limit: limit, maxItems: maxItems)
    }

    /// `limit` bounds the body for routes that need less than the context's default; `maxItems`
    /// bounds every list in it.
    static func decode<T: Decodable & Sendable>(
        _ type: T.Type, allowed: Set<String>, from request: Request, context: some LaurelContext,
        limit: Int? = nil, maxItems: Int = maxItems
    ) async throws -> Decoded<T> {
        var request = request
        let buffer = try await request.collectBody(upTo: limit ?? context.maxUploadSize)
        let data = Data(buffer: buffer)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw APIError(status: .badRequest, code: "malformed_json", key: "error.malformed_json")
        }
        guard let dictionary = object as? [String: Any] else {
            throw APIError(status: .unprocessableContent, code: "invalid", key: "error.expected_object")
        }
        switch BodyShape.problem(in: dictionary, maxItems: maxItems) {
        case nil: break
        // PostgreSQL cannot store NUL in text; refuse it everywhere rather than fail deep inside.
        case .nul(let field)?:
            throw APIError(status: .unprocessableContent, code: "invalid", key: "error.control_characters", field: field)
        case .tooManyItems(let field)?:
            throw APIError(
                status: .contentTooLarge, code: "too_large", key: "error.too_many_items", field: field, arguments: [String(maxItems)])
        case .tooDeep(let field)?:
            throw APIError(status: .unprocessableContent, code: "invalid", key: "error.wrong_type", field: field)
        }
        for key in dictionary.keys.sorted() where !allowed.contains(key) {
            throw APIError(status: .unprocessableContent, code: "unknown_field", key: "error.unknown_field", field: key, arguments: [key])
        }
        do {
            // Text is kept in NFC whatever the client sent (macOS and some keyboards send NFD), as
            // imports keep it: the same name must be the same bytes to be found and compared.
            let text = String(decoding: data, as: UTF8.self)
            let normalised = text.precomposedStringWithCanonicalMapping
            return Decoded(
                value: try JSONDecoder().decode(T.self, from: normalised == text ? data : Data(normalised.utf8)), keys: Set(dictionary.keys)
            )
        } catch let error as DecodingError {
            throw APIError(status: .unprocessableContent, code: "invalid", key: error.messageKey, field: error.fieldPath)
        }
    }
}

/// What a body may not hold, whatever its route: NUL in text, lists longer than the route takes,
/// nesting deeper than any request of ours.
enum BodyShape {
    enum Problem: Equatable {
        case nul(String)
        case tooManyItems(String)
        case tooDeep(String)
    }

    static let maxDepth = 16

    static func problem(in value: Any, maxItems: Int, path: String = "", depth: Int = 0) -> Problem? {
        let here = path.isEmpty ? "body" : path
        switch value {
        case let text as String:
            return text.unicodeScalars.contains("\u{0}") ? .nul(here) : nil
        case let dictionary as [String: Any]:
            if depth > maxDepth { return .tooDeep(here) }
            if dictionary.count > maxItems { return .tooManyItems(here) }
            for (key, item) in dictionary {
                if key.unicodeScalars.contains("\u{0}") { return .nul("body") }
                if let found = problem(in: item, maxItems: maxItems, path: path.isEmpty ? key : path + "." + key, depth: depth + 1) {
                    return found
                }
            }
            return nil
        case let array as [Any]:
            if depth > maxDepth { return .tooDeep(here) }
            if array.count > maxItems { return .tooManyItems(here) }
            for (index, item) in array.enumerated() {
                if let found = problem(in: item, maxItems: maxItems, path: path + "." + String(index), depth: depth + 1) { return found }
            }
            return nil
        default:
            return nil
        }
    }
}

extension DecodingError {
    var fieldPath: String? {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        @unknown default: return nil
        }
        let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return names.isEmpty ? nil : names.joined(separator: ".")
    }

    var messageKey: String {
        switch self {
        case .keyNotFound: "error.required"
        case .valueNotFound: "error.required"
        case .typeMismatch: "error.wrong_type"
        case .dataCorrupted: "error.wrong_type"
        @unknown default: "error.bad_request"
        }
    }
}

/// Parses `application/x-www-form-urlencoded` bodies of the pages.
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    static func decode(_ text: Substring) -> String {
        (String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "").replacingOccurrences(of: "\u{0}", with: "")
            .precomposedStringWithCanonicalMapping
    }

    subscript(_ name: String) -> String? { values[name]?.first }

    static func read(_ request: Request, context: some LaurelContext, limit: Int? = nil) async throws -> FormData {
        var request = request
        let buffer = try await request.collectBody(upTo: limit ?? context.maxUploadSize)
        return FormData(String(buffer: buffer))
    }
}

extension Request {
    func queryInt(_ name: String) -> Int? { query(name).flatMap { Int($0) } }
    func queryInt64(_ name: String) -> Int64? { query(name).flatMap { Int64($0) } }
    /// A query parameter without control characters (they cannot match anything and NUL would
    /// break PostgreSQL), or nil when absent or empty.
    func query(_ name: String) -> String? {
        // Parsed as a form, so that "+" is a space as browsers send it from GET forms.
        guard let raw = FormData(uri.query ?? "")[name] else { return nil }
        let value = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        return value.isEmpty ? nil : String(value.prefix(200))
    }

    /// A query parameter that must be an integer when present.
    func strictQueryInt64(_ name: String) throws -> Int64? {
        guard let text = query(name) else { return nil }
        guard let value = Int64(text) else {
            throw APIError(status: .unprocessableContent, code: "invalid", key: "error.wrong_type", field: name)
        }
        return value
    }

    func strictQueryInt(_ name: String) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text) else {
            throw APIError(status: .unprocessableContent, code: "invalid", key: "error.wrong_type", field: name)
        }
        return value
    }
}

extension LaurelContext {
    /// An `{id}` path parameter: a positive integer, or 404.
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let value = Int64(text), value > 0 else {
            throw APIError(status: .notFound, code: "not_found", key: "error.not_found")
        }
        return value
    }
}
