@testable import LaurelDomain

/// Shared values for the cluster, ballot and movement tests (namespaced: other suites share the target).
enum ClusterFixtures {
    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// I: 1.1 (50), 1.2 (30); II: 2.1 (20); B: bonus B1 (10), B2 (10), cap 15; D: deduction D1 (8).
    static let table: CriteriaTable = {
        do {
            return try CriteriaTable(
                sections: [
                    CriteriaSection(
                        code: "I", title: "Nhiệm vụ chính trị",
                        criteria: [
                            ScoringCriterion(code: "1.1", title: "Kế hoạch", maxPoints: 50),
                            ScoringCriterion(code: "1.2", title: "Giao ước", maxPoints: 30),
                        ]),
                    CriteriaSection(
                        code: "II", title: "Xây dựng tổ chức",
                        criteria: [
                            ScoringCriterion(code: "2.1", title: "Cải cách hành chính", maxPoints: 20)
                        ]),
                    CriteriaSection(
                        code: "B", title: "Điểm thưởng",
                        criteria: [
                            ScoringCriterion(code: "B1", title: "Sáng kiến", maxPoints: 10, kind: .bonus),
                            ScoringCriterion(code: "B2", title: "Mô hình", maxPoints: 10, kind: .bonus),
                        ]),
                    CriteriaSection(
                        code: "D", title: "Điểm trừ",
                        criteria: [
                            ScoringCriterion(code: "D1", title: "Không đăng ký thi đua", maxPoints: 8, kind: .deduction)
                        ]),
                ],
                bonusCap: 15)
        } catch {
            fatalError("fixture table: \(error)")
        }
    }()

    /// A sheet scoring section I and II; the total is `a + b + c` (+ bonus/deduction when given).
    static func sheet(_ a: Points, _ b: Points = 0, _ c: Points = 0, bonus: Points = 0, deduction: Points = 0) -> ScoreSheet {
        ScoreSheet(["1.1": a, "1.2": b, "2.1": c, "B1": bonus, "D1": deduction])
    }

    /// Members 1…count; leader 1, deputy 2.
    static func season(mode: ScoringMode, members count: Int64 = 5) -> Season {
        do {
            return try Season(
                clusterId: 7, year: 2025, members: Array(1...count),
                leadership: ClusterLeadership(leaderUnitId: 1, deputyUnitId: 2), table: table, mode: mode)
        } catch {
            fatalError("fixture season: \(error)")
        }
    }
}
