/// A rule of the domain that input broke. `key` names a message in the localisation files;
/// `field` names the input field at fault, when there is one.
public struct DomainError: Error, Equatable, Sendable {
    public enum Kind: String, Sendable {
        case invalid  // 422: the input breaks a rule
        case notFound  // 404
        case conflict  // 409: a duplicate or a state that forbids it
        case forbidden  // 403: who you are does not allow it
    }

    public let kind: Kind
    public let key: String
    public let field: String?
    public let arguments: [String]

    public init(_ kind: Kind, _ key: String, field: String? = nil, arguments: [String] = []) {
        self.kind = kind
        self.key = key
        self.field = field
        self.arguments = arguments
    }

    public static func invalid(_ key: String, field: String? = nil, _ arguments: String...) -> DomainError {
        DomainError(.invalid, key, field: field, arguments: arguments)
    }
}

/// Several field errors found at once, so a form can show them all.
public struct ValidationErrors: Error, Sendable {
    public let errors: [DomainError]
    public init(_ errors: [DomainError]) { self.errors = errors }
}
