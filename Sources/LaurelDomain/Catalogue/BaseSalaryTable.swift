/// The base salary (mức lương cơ sở) as dated data. An administrator extends it when a new
/// decree changes the figure; bonuses use the step in force on the decision date.
public struct BaseSalaryTable: Hashable, Sendable, Codable {
    /// One figure, from `validFrom` until the next step.
    public struct Step: Hashable, Sendable, Codable {
        public var validFrom: CalendarDate
        public var amountVND: Int
        public var source: String
        /// False while the figure is seen only in unofficial copies.
        public var confirmed: Bool

        public init(validFrom: CalendarDate, amountVND: Int, source: String, confirmed: Bool = true) {
            self.validFrom = validFrom
            self.amountVND = amountVND
            self.source = source
            self.confirmed = confirmed
        }
    }

    /// Oldest first.
    public private(set) var steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps.sorted { $0.validFrom < $1.validFrom }
    }

    /// catalogue.md: 1,800,000 from 1 Jul 2023; 2,340,000 from 1 Jul 2024; 2,530,000 from 1 Jul 2026
    /// (the last from Decree 161/2026, unconfirmed).
    public static let standard = BaseSalaryTable(steps: [
        Step(validFrom: .known(2023, 7, 1), amountVND: 1_800_000, source: "Decree 24/2023/NĐ-CP"),
        Step(validFrom: .known(2024, 7, 1), amountVND: 2_340_000, source: "Decree 73/2024/NĐ-CP"),
        Step(validFrom: .known(2026, 7, 1), amountVND: 2_530_000, source: "Decree 161/2026/NĐ-CP", confirmed: false),
    ])

    /// The figure in force on `date`, or nil before the first step.
    public func amount(on date: CalendarDate) -> Int? {
        steps.last { $0.validFrom <= date }?.amountVND
    }

    /// A table with `step` added, replacing a step of the same date.
    public func adding(_ step: Step) -> BaseSalaryTable {
        BaseSalaryTable(steps: steps.filter { $0.validFrom != step.validFrom } + [step])
    }
}
