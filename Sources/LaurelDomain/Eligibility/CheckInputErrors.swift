/// One thing wrong with a check input: which subject (its id, or its position when it has
/// none), which field (a path such as `years[2].rating`), and what.
public struct CheckInputProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public var subject: String?
    public var field: String
    public var message: String

    public init(subject: String?, field: String, message: String) {
        self.subject = subject
        self.field = field
        self.message = message
    }

    /// "p-001 years[2].rating: unknown rating \"great\"".
    public var description: String {
        (subject.map { "\($0) " } ?? "") + "\(field): \(message)"
    }
}

/// Every problem of a check input at once; when there is any, nothing is checked (the CLI
/// exits with status 2).
public struct CheckInputErrors: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [CheckInputProblem]
    /// Set when the request passed a bound of `CheckInputLimits`; nothing else was checked then.
    public var exceeded: CheckInputLimits.Exceeded?

    public init(problems: [CheckInputProblem], exceeded: CheckInputLimits.Exceeded? = nil) {
        self.problems = problems
        self.exceeded = exceeded
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
