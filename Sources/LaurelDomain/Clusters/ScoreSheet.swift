/// The scores one unit gives (to itself or to another member) against a criteria table, keyed by
/// criterion code. Deductions are negative. JSON: `{"1.1": 45, "B1": 10, "D1": -8}`.
public struct ScoreSheet: Hashable, Sendable, Codable {
    public var scores: [String: Points]

    public init(_ scores: [String: Points] = [:]) { self.scores = scores }

    public init(from decoder: any Decoder) throws {
        self.scores = try decoder.singleValueContainer().decode([String: Points].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(scores)
    }
}

/// A sheet's total and its subtotal per section code.
public struct SheetTotals: Hashable, Sendable, Codable {
    public var total: Points
    public var sections: [String: Points]

    public init(total: Points, sections: [String: Points]) {
        self.total = total
        self.sections = sections
    }
}
