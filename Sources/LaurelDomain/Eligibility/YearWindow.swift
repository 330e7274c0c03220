/// Years counted back from the year being judged (Y): `from: -2, to: 0` is Y−2 … Y.
public struct YearWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        precondition(from <= to, "a window runs forward")
        self.from = from
        self.to = to
    }

    /// Y alone.
    public static let thisYear = YearWindow(from: 0, to: 0)

    /// The `count` years ending with Y.
    public static func last(_ count: Int) -> YearWindow { YearWindow(from: 1 - count, to: 0) }

    public var length: Int { to - from + 1 }

    /// The calendar years of the window when judging `year`.
    public func years(judging year: Int) -> ClosedRange<Int> { (year + from)...(year + to) }

    public var description: String {
        func offset(_ value: Int) -> String { value == 0 ? "Y" : "Y\(value)" }
        return from == to ? offset(from) : "\(offset(from))…\(offset(to))"
    }
}
