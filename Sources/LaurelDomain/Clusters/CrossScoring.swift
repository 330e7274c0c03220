/// The arithmetic of cross-scoring (chấm chéo): every member scores every other member.
///
/// **Raw final** of a target = mean of the totals the *other* members gave it, rounded to the
/// nearest hundredth, halves away from zero (`Points.mean`). Section subtotals are the means of the
/// section subtotals, rounded the same way, so they may add up to the raw final ± 0.01 per section.
///
/// **Normalised score** (to cancel out lenient and severe scorers). For each scorer `s`, over the
/// `n` targets `s` scored, with totals `x` (exact hundredths): `S = Σx`, `Q = Σx²`,
/// `D = n·Q − S²`. Then
///
///     z(s, t) = (n·x(s,t) − S) / √D        which is (x − mean) / population standard deviation,
///
/// and `z(s, t) = 0` for every target when `D = 0` (the scorer gave everyone the same total, or
/// scored a single target): such a scorer expresses no preference and pulls nobody up or down.
/// The normalised score of `t` is the mean of `z(s, t)` over the scorers who scored `t`, summed
/// in scorer-id order and rounded to four decimals (halves away from zero). It is unitless:
/// 0 is an average member, +1 one standard deviation above.
public struct CrossScoring: Hashable, Sendable {
    public struct Result: Hashable, Sendable, Codable {
        /// Mean of the others' totals.
        public var raw: Points
        /// Mean of the others' section subtotals, by section code.
        public var sections: [String: Points]
        /// Normalised score in ten-thousandths (exact integer, so that ties are ties).
        public var normalisedTenThousandths: Int
        /// How many other members scored this target.
        public var scorerCount: Int

        /// The normalised score as a number with four decimals.
        public var normalised: Double { Double(normalisedTenThousandths) / 10_000 }
    }

    /// By target unit id; targets nobody else scored are absent.
    public let results: [Int64: Result]

    /// - Parameter totals: target unit → scorer unit → that scorer's totals for the target.
    ///   A scorer's score of itself, if present, is ignored.
    public init(totals: [Int64: [Int64: SheetTotals]]) {
        var others: [Int64: [Int64: SheetTotals]] = [:]
        for (target, byScorer) in totals {
            let given = byScorer.filter { $0.key != target }
            if !given.isEmpty { others[target] = given }
        }
        let z = Self.zScores(others.mapValues { $0.mapValues(\.total) })
        var results: [Int64: Result] = [:]
        for (target, byScorer) in others {
            let sheets = Array(byScorer.values)
            let sectionCodes = Set(sheets.flatMap(\.sections.keys))
            var sections: [String: Points] = [:]
            for code in sectionCodes {
                sections[code] = Points.mean(sheets.map { $0.sections[code] ?? .zero })
            }
            let zs = byScorer.keys.sorted().map { z[$0]?[target] ?? 0 }
            let meanZ = zs.reduce(0, +) / Double(zs.count)
            results[target] = Result(
                raw: Points.mean(sheets.map(\.total)) ?? .zero,
                sections: sections,
                normalisedTenThousandths: Int((meanZ * 10_000).rounded()),
                scorerCount: sheets.count)
        }
        self.results = results
    }

    /// scorer → target → z-score, from target → scorer → total.
    static func zScores(_ totals: [Int64: [Int64: Points]]) -> [Int64: [Int64: Double]] {
        var byScorer: [Int64: [Int64: Int]] = [:]
        for (target, scores) in totals {
            for (scorer, total) in scores { byScorer[scorer, default: [:]][target] = total.hundredths }
        }
        return byScorer.mapValues { given in
            let n = given.count
            let sum = given.values.reduce(0, +)
            let sumOfSquares = given.values.reduce(0) { $0 + $1 * $1 }
            let spread = n * sumOfSquares - sum * sum
            guard spread > 0 else { return given.mapValues { _ in 0 } }
            let root = Double(spread).squareRoot()
            return given.mapValues { Double(n * $0 - sum) / root }
        }
    }
}
