/// An exact share between 0 and 1 (a vote threshold or a quorum), kept as a fraction so that
/// "at least 2/3" and "at least 80 %" are decided with integers, never with rounding.
///
/// `Proportion("2/3")`, `Proportion("0.8")`, `Proportion("80%")`, or the named ones below.
/// JSON: `{"numerator": 4, "denominator": 5}`.
public struct Proportion: Hashable, Sendable, Codable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// Nil unless `0 ≤ numerator ≤ denominator` and `denominator > 0`. Kept in lowest terms.
    public init?(numerator: Int, denominator: Int) {
        guard denominator > 0, numerator >= 0, numerator <= denominator else { return nil }
        var a = numerator
        var b = denominator
        while b != 0 { (a, b) = (b, a % b) }
        let divisor = max(a, 1)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// Parses "2/3", "0.8", "1", "80%", "66.5%".
    public init?(_ text: String) {
        if text.hasSuffix("%") {
            guard let (n, d) = Self.decimal(text.dropLast()) else { return nil }
            self.init(numerator: n, denominator: d * 100)
        } else if let slash = text.firstIndex(of: "/") {
            guard let n = Int(text[..<slash]), let d = Int(text[text.index(after: slash)...]) else { return nil }
            self.init(numerator: n, denominator: d)
        } else {
            guard let (n, d) = Self.decimal(Substring(text)) else { return nil }
            self.init(numerator: n, denominator: d)
        }
    }

    /// "0.8" → (8, 10); digits only, at most six decimals.
    private static func decimal(_ text: Substring) -> (Int, Int)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            !parts[0].isEmpty, parts[0].count <= 9
        else { return nil }
        let decimals = parts.count == 2 ? parts[1] : ""
        guard decimals.count <= 6, let value = Int(parts[0] + decimals) else { return nil }
        let scale = decimals.reduce(1) { scale, _ in scale * 10 }
        return (value, scale)
    }

    public static let none = Proportion(numerator: 0, denominator: 1)!
    public static let half = Proportion(numerator: 1, denominator: 2)!
    public static let twoThirds = Proportion(numerator: 2, denominator: 3)!
    /// 80 %: CSTĐ cơ sở, Cờ thi đua bộ/tỉnh, Cờ thi đua của Chính phủ (ND 98/2023 Art 30(7)).
    public static let fourFifths = Proportion(numerator: 4, denominator: 5)!
    /// 90 %: Anh hùng, CSTĐ toàn quốc, CSTĐ bộ/tỉnh (ND 98/2023 Art 30(7)).
    public static let nineTenths = Proportion(numerator: 9, denominator: 10)!
    public static let all = Proportion(numerator: 1, denominator: 1)!

    /// Whether `count` out of `total` reaches this share: `count / total ≥ numerator / denominator`.
    public func isReached(by count: Int, of total: Int) -> Bool {
        count * denominator >= numerator * total
    }

    public var description: String { "\(numerator)/\(denominator)" }
}
