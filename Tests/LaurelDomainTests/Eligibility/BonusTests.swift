import Testing

@testable import LaurelDomain

@Suite("Bonus amounts")
struct BonusTests {
    let calculator = BonusCalculator()

    /// LAW_FACTS.md §2.6: (coefficient, at 2,340,000, at 2,530,000), rounded up to 10,000 VND.
    static let table: [(Coefficient, Int, Int)] = [
        (46.0, 107_640_000, 116_380_000), (30.5, 71_370_000, 77_170_000), (15.0, 35_100_000, 37_950_000),
        (12.5, 29_250_000, 31_630_000), (10.5, 24_570_000, 26_570_000), (12.0, 28_080_000, 30_360_000),
        (8.0, 18_720_000, 20_240_000), (9.0, 21_060_000, 22_770_000), (7.5, 17_550_000, 18_980_000),
        (4.5, 10_530_000, 11_390_000), (3.5, 8_190_000, 8_860_000), (3.0, 7_020_000, 7_590_000),
        (2.0, 4_680_000, 5_060_000), (1.5, 3_510_000, 3_800_000), (1.0, 2_340_000, 2_530_000),
        (0.8, 1_880_000, 2_030_000), (0.6, 1_410_000, 1_520_000), (0.3, 710_000, 760_000),
    ]

    @Test("the amounts of LAW_FACTS §2.6", arguments: 0..<table.count)
    func lawFactsTable(_ row: Int) {
        let (coefficient, now, later) = Self.table[row]
        #expect(BonusCalculator.roundedAmount(coefficient: coefficient, baseSalaryVND: 2_340_000) == now)
        #expect(BonusCalculator.roundedAmount(coefficient: coefficient, baseSalaryVND: 2_530_000) == later)
    }

    @Test("rounding is up to the next 10,000 VND, and exact multiples stay")
    func rounding() {
        #expect(BonusCalculator.roundedAmount(coefficient: 0.3, baseSalaryVND: 2_340_000) == 710_000)  // 702,000
        #expect(BonusCalculator.roundedAmount(coefficient: 0.15, baseSalaryVND: 2_340_000) == 360_000)  // 351,000
        #expect(BonusCalculator.roundedAmount(coefficient: 1.0, baseSalaryVND: 1_800_000) == 1_800_000)
        #expect(BonusCalculator.roundedAmount(coefficient: Coefficient(thousandths: 1), baseSalaryVND: 1_800_000) == 10_000)
    }

    @Test("Giấy khen pays 0.15 under Decree 98 and 0.3 from 1 July 2025")
    func datedCoefficients() throws {
        let before = try calculator.bonus(code: "GK", subjectKind: .individual, decisionDate: #require(CalendarDate("2025-06-30"))).get()
        let after = try calculator.bonus(code: "GK", subjectKind: .individual, decisionDate: #require(CalendarDate("2025-07-01"))).get()
        #expect(before.amountVND == 360_000 && before.decree.document == LegalReference.decree98)
        #expect(after.amountVND == 710_000 && after.decree.document == LegalReference.decree152)
    }

    @Test("collectives, households (1.5 × a form) and the base salary in force on the decision date")
    func subjectsAndDates() throws {
        let date = try #require(CalendarDate("2025-09-15"))
        #expect(try calculator.bonus(code: "TTLDTT", subjectKind: .collective, decisionDate: date).get().amountVND == 1_880_000)
        #expect(try calculator.bonus(code: "BK_BO", subjectKind: .collective, decisionDate: date).get().amountVND == 7_020_000)
        // 1.5 × 1.5 × 2,340,000 = 5,265,000 → 5,270,000
        #expect(try calculator.bonus(code: "BK_BO", subjectKind: .household, decisionDate: date).get().amountVND == 5_270_000)
        #expect(
            try calculator.bonus(
                code: "CSTD_BO", subjectKind: .individual,
                decisionDate: #require(CalendarDate("2024-06-30"))
            ).get().amountVND == 5_400_000)
        #expect(
            try calculator.bonus(
                code: "CSTD_BO", subjectKind: .individual,
                decisionDate: #require(CalendarDate("2026-07-01"))
            ).get().amountVND == 7_590_000)
    }

    @Test("no amount when nothing known was in force, or the figure is not configured")
    func unknownAmounts() throws {
        let early = try #require(CalendarDate("2023-06-30"))
        #expect(calculator.bonus(code: "LDTT", subjectKind: .individual, decisionDate: early) == .failure(.noBaseSalary(date: early)))
        let preLaw = try #require(CalendarDate("2023-12-31"))
        #expect(
            calculator.bonus(code: "LDTT", subjectKind: .individual, decisionDate: preLaw)
                == .failure(.noCoefficient(code: "LDTT", subjectKind: .individual, date: preLaw)))
        let date = try #require(CalendarDate("2025-09-15"))
        #expect(
            calculator.bonus(code: "GDVH", subjectKind: .household, decisionDate: date)
                == .failure(.noCoefficient(code: "GDVH", subjectKind: .household, date: date)))
        #expect(calculator.bonus(code: "XX", subjectKind: .household, decisionDate: date) == .failure(.unknownCode("XX")))
    }

    @Test("an administrator sets KNC and GDVH coefficients and extends the base salary table")
    func overrides() throws {
        let date = try #require(CalendarDate("2027-01-10"))
        let settings = EligibilitySettings(
            coefficientOverrides: [
                CoefficientOverride(code: "KNC", subjectKind: .individual, coefficient: 0.4),
                CoefficientOverride(code: "GDVH", subjectKind: .household, coefficient: 0.5),
            ],
            baseSalaries: BaseSalaryTable.standard.adding(.init(validFrom: .known(2027, 1, 1), amountVND: 2_700_000, source: "test")))
        let engine = try EligibilityEngine(settings: settings)
        #expect(try engine.bonus(code: "KNC", subjectKind: .individual, decisionDate: date).get().amountVND == 1_080_000)
        #expect(try engine.bonus(code: "GDVH", subjectKind: .household, decisionDate: date).get().amountVND == 1_350_000)
    }

    @Test("a coefficient is encoded as a plain number")
    func coefficientCoding() {
        #expect(Coefficient(floatLiteral: 0.15).description == "0.15")
        #expect(Coefficient(integerLiteral: 12).description == "12")
        #expect(Coefficient(floatLiteral: 30.5).thousandths == 30_500)
    }
}
