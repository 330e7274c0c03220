/// Points on a cluster's scoring table, held exactly as whole hundredths of a point
/// (95.5 points is `Points(hundredths: 9550)`), so that sums, means and ties are exact.
///
/// JSON: a number with at most two decimals (`95.5`); more decimals are refused when decoding.
public struct Points: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    AdditiveArithmetic, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral
{
    public var hundredths: Int

    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Whole points: `Points(8)` is 8.00 points.
    public init(_ whole: Int) { self.hundredths = whole * 100 }

    public init(integerLiteral value: Int) { self.init(value) }

    /// For literals in code and tests (`95.5`); rounds to the nearest hundredth.
    public init(floatLiteral value: Double) { self.hundredths = Int((value * 100).rounded()) }

    /// Parses "95", "95.5", "-8", "12.25"; nil for anything else (three decimals, "1e2", "").
    public init?(_ text: some StringProtocol) {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(Points.isDigit),
            parts[0].count <= 12, let whole = Int(parts[0])
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(Points.isDigit), let value = Int(digits)
            else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let magnitude = whole * 100 + fraction
        self.hundredths = negative ? -magnitude : magnitude
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    public static let zero = Points(hundredths: 0)

    public static func + (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths - rhs.hundredths) }
    public static prefix func - (value: Points) -> Points { Points(hundredths: -value.hundredths) }
    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.hundredths < rhs.hundredths }

    /// The mean of `values`, rounded to the nearest hundredth, halves away from zero
    /// (mean of 90.00 and 90.01 is 90.01; of −0.01 and −0.02 is −0.02). Nil for no values.
    public static func mean(_ values: [Points]) -> Points? {
        guard !values.isEmpty else { return nil }
        let sum = values.reduce(0) { $0 + $1.hundredths }
        return Points(hundredths: roundedQuotient(sum, values.count))
    }

    /// `numerator ÷ denominator` rounded to the nearest integer, halves away from zero.
    static func roundedQuotient(_ numerator: Int, _ denominator: Int) -> Int {
        let sign = numerator < 0 ? -1 : 1
        return (2 * numerator + sign * denominator) / (2 * denominator)
    }

    /// "95", "95.5", "-0.25": at most two decimals, trailing zeros dropped.
    public var description: String {
        let magnitude = hundredths.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        let sign = hundredths < 0 ? "-" : ""
        switch fraction {
        case 0: return sign + whole
        case let f where f % 10 == 0: return sign + whole + "." + String(f / 10)
        case let f: return sign + whole + "." + (f < 10 ? "0" : "") + String(f)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        let scaled = value * 100
        let rounded = scaled.rounded()
        guard rounded.isFinite, abs(scaled - rounded) < 1e-6, abs(rounded) < 1e15 else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected points with at most two decimals")
        }
        self.hundredths = Int(rounded)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Double(hundredths) / 100)
    }
}
