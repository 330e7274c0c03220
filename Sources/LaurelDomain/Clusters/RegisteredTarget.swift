import Foundation

/// A target a member registered at the start of the season (đăng ký chỉ tiêu), with the value it
/// planned and, once reported, the value it reached.
public struct RegisteredTarget: Hashable, Sendable, Codable {
    /// Which way the target is met.
    public enum Direction: String, Hashable, Sendable, Codable {
        /// Met when actual ≥ planned (revenue, households reached, …).
        case atLeast = "at_least"
        /// Met when actual ≤ planned (accidents, overdue files, …).
        case atMost = "at_most"
    }

    public var unitId: Int64
    /// Unique per unit within a season.
    public var code: String
    public var title: String
    /// Unit of measure as shown to people ("%", "hộ", "tỷ đồng"); free text.
    public var measure: String
    public var planned: Decimal
    public var actual: Decimal?
    public var direction: Direction

    public init(
        unitId: Int64, code: String, title: String, measure: String = "", planned: Decimal,
        actual: Decimal? = nil, direction: Direction = .atLeast
    ) {
        self.unitId = unitId
        self.code = code
        self.title = title
        self.measure = measure
        self.planned = planned
        self.actual = actual
        self.direction = direction
    }

    /// Whether the reported value meets the plan; false while nothing is reported.
    public var isMet: Bool {
        guard let actual else { return false }
        return switch direction {
        case .atLeast: actual >= planned
        case .atMost: actual <= planned
        }
    }
}

/// "32 of 35 targets met": counts over a list of targets.
public struct TargetSummary: Hashable, Sendable, Codable, CustomStringConvertible {
    public var met: Int
    public var total: Int
    /// Targets with no actual value yet (counted as not met).
    public var notReported: Int

    public init(met: Int, total: Int, notReported: Int) {
        self.met = met
        self.total = total
        self.notReported = notReported
    }

    public init(_ targets: [RegisteredTarget]) {
        self.met = targets.filter(\.isMet).count
        self.total = targets.count
        self.notReported = targets.filter { $0.actual == nil }.count
    }

    /// For logs; pages use the localised message with `met` and `total`.
    public var description: String { "\(met) of \(total) targets met" }
}
