/// A rule book or settings value the engine cannot compile. Lists every problem at once.
public struct EligibilityConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String { problems.joined(separator: "\n") }
}
