/// A bonus coefficient (hệ số): how many times the base salary an award pays.
///
/// Held exactly, in thousandths, so that money never goes through floating point.
/// Encoded as a JSON number (`1.5`), which is what a seeded database column expects.
public struct Coefficient: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral
{
    /// The coefficient × 1000 (0.15 → 150, 46.0 → 46_000).
    public let thousandths: Int

    public init(thousandths: Int) {
        self.thousandths = thousandths
    }

    public init(floatLiteral value: Double) {
        self.thousandths = Int((value * 1000).rounded())
    }

    public init(integerLiteral value: Int) {
        self.thousandths = value * 1000
    }

    /// The coefficient as a number, for display and JSON only; amounts use `thousandths`.
    public var value: Double { Double(thousandths) / 1000 }

    public var description: String {
        let whole = thousandths / 1000
        var fraction = String(thousandths % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }

    public static func < (lhs: Coefficient, rhs: Coefficient) -> Bool { lhs.thousandths < rhs.thousandths }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Double.self)
        guard number >= 0, number < 10_000 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "coefficient out of range")
        }
        self.init(floatLiteral: number)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
