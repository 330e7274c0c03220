import Foundation

/// A JSON Schema (as OpenAPI 3.1 reads it), written in Swift beside the type it describes, so the
/// document the API serves is built from the code that serves it.
///
/// A schema carries the named components it refers to, so the document collects them by walking
/// what the operations use: a component nobody refers to is not published, and one that is
/// referred to cannot be forgotten.
struct Schema: Sendable {
    fileprivate(set) var keywords: [String: JSONValue]
    fileprivate(set) var components: [String: SchemaComponent] = [:]

    init(_ keywords: [String: JSONValue]) { self.keywords = keywords }

    /// The property names of an object schema: what a request body may contain.
    var propertyNames: Set<String> {
        guard case .object(let properties)? = keywords["properties"] else { return [] }
        return Set(properties.keys)
    }

    var json: JSONValue { .object(keywords) }

    /// The schema itself, or the component it refers to.
    var resolved: Schema {
        guard case .string(let reference)? = keywords["$ref"], let name = reference.split(separator: "/").last,
            let component = components[String(name)]
        else { return self }
        return component.schema.resolved
    }

    /// Adds a keyword this builder has no shorthand for (`multipleOf`, `const`…).
    func with(_ keyword: String, _ value: JSONValue) -> Schema {
        var copy = self
        copy.keywords[keyword] = value
        return copy
    }

    func described(_ text: String) -> Schema { with("description", .string(text)) }

    /// The same schema that also admits `null`: `["string", "null"]`, or `null` added to an enum.
    var orNull: Schema {
        var copy = self
        if case .array(let values)? = keywords["enum"] {
            copy.keywords["enum"] = .array(values.contains(.null) ? values : values + [.null])
        } else if case .string(let type)? = keywords["type"] {
            copy.keywords["type"] = .array([.string(type), .string("null")])
        } else if keywords["$ref"] != nil {
            copy = Schema(["oneOf": .array([json, .object(["type": .string("null")])])])
            copy.components = components
        }
        return copy
    }

    fileprivate mutating func absorb(_ other: Schema) {
        components.merge(other.components) { first, _ in first }
    }
}

/// A named schema published under `components/schemas` and referred to by `$ref`.
struct SchemaComponent: Sendable {
    let name: String
    private let build: @Sendable () -> Schema

    init(_ name: String, _ build: @escaping @Sendable () -> Schema) {
        self.name = name
        self.build = build
    }

    var schema: Schema { build() }
}

extension Schema {
    static let string = Schema(["type": "string"])
    static let integer = Schema(["type": "integer"])
    static let int64 = Schema(["type": "integer", "format": "int64"])
    static let number = Schema(["type": "number"])
    static let boolean = Schema(["type": "boolean"])
    static let date = Schema(["type": "string", "format": "date"])
    static let dateTime = Schema(["type": "string", "format": "date-time"])
    /// Any JSON object, its members undescribed.
    static let anyObject = Schema(["type": "object"])
    /// Any JSON value at all.
    static let anyValue = Schema([:])

    static func string(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, format: String? = nil) -> Schema {
        var keywords: [String: JSONValue] = ["type": "string"]
        if let minLength { keywords["minLength"] = .number(Double(minLength)) }
        if let maxLength { keywords["maxLength"] = .number(Double(maxLength)) }
        if let pattern { keywords["pattern"] = .string(pattern) }
        if let format { keywords["format"] = .string(format) }
        return Schema(keywords)
    }

    static func integer(minimum: Int? = nil, maximum: Int? = nil, format: String? = nil) -> Schema {
        var keywords: [String: JSONValue] = ["type": "integer"]
        if let minimum { keywords["minimum"] = .number(Double(minimum)) }
        if let maximum { keywords["maximum"] = .number(Double(maximum)) }
        if let format { keywords["format"] = .string(format) }
        return Schema(keywords)
    }

    /// One of the raw values of a domain enumeration: the document lists what the code accepts.
    static func choice<Choice: CaseIterable & RawRepresentable>(_ type: Choice.Type) -> Schema where Choice.RawValue == String {
        choice(type.allCases.map(\.rawValue))
    }

    static func choice(_ values: [String]) -> Schema {
        Schema(["enum": .array(values.map(JSONValue.string))])
    }

    static func array(_ items: Schema, minItems: Int? = nil, maxItems: Int? = nil) -> Schema {
        var schema = Schema(["type": "array", "items": items.json])
        if let minItems { schema.keywords["minItems"] = .number(Double(minItems)) }
        if let maxItems { schema.keywords["maxItems"] = .number(Double(maxItems)) }
        schema.absorb(items)
        return schema
    }

    /// An object with these properties. A closed object (request bodies) refuses any other member,
    /// as `RequestBody` does.
    static func object(
        required: [String] = [], closed: Bool = false, description: String? = nil, _ properties: KeyValuePairs<String, Schema>
    ) -> Schema {
        var schema = Schema(["type": "object"])
        var members: [String: JSONValue] = [:]
        for (name, property) in properties {
            precondition(members[name] == nil, "property \(name) declared twice")
            members[name] = property.json
            schema.absorb(property)
        }
        precondition(Set(required).isSubset(of: members.keys), "a required property is not declared: \(required)")
        schema.keywords["properties"] = .object(members)
        if !required.isEmpty { schema.keywords["required"] = .array(required.map(JSONValue.string)) }
        if closed { schema.keywords["additionalProperties"] = false }
        if let description { schema.keywords["description"] = .string(description) }
        return schema
    }

    /// An object used as a map: any keys, each value of this shape.
    static func map(_ value: Schema) -> Schema {
        var schema = Schema(["type": "object", "additionalProperties": value.json])
        schema.absorb(value)
        return schema
    }

    static func ref(_ component: SchemaComponent) -> Schema {
        var schema = Schema(["$ref": .string("#/components/schemas/\(component.name)")])
        schema.components[component.name] = component
        return schema
    }

    /// Any of these shapes.
    static func oneOf(_ alternatives: [Schema]) -> Schema {
        var schema = Schema(["oneOf": .array(alternatives.map(\.json))])
        for alternative in alternatives { schema.absorb(alternative) }
        return schema
    }

    /// A page of items, as `ListResponse` writes it.
    static func list(_ item: Schema) -> Schema {
        .object(
            required: ["items", "total", "page", "per"],
            ["items": .array(item), "total": .integer, "page": .integer, "per": .integer])
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    init(floatLiteral value: Double) { self = .number(value) }
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
}
