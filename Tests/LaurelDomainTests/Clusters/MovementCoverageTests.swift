import Testing

@testable import LaurelDomain

@Suite("Movement coverage")
struct MovementCoverageTests {
    typealias F = ClusterFixtures

    let movement = Movement(
        name: "Thi đua thực hiện Nghị quyết", launcherUnitId: 1, kind: .thematic, start: F.date("2025-01-01"),
        end: F.date("2025-12-31"),
        reportDeadlines: [
            ReportDeadline(code: "interim", title: "Sơ kết 6 tháng", dueDate: F.date("2025-06-30")),
            ReportDeadline(code: "final", title: "Tổng kết", dueDate: F.date("2025-11-30")),
        ])

    func coverage(today: String) -> MovementCoverage {
        MovementCoverage(
            movement: movement, expectedUnits: [14, 11, 12, 13, 11],
            implementations: [
                MovementImplementation(unitId: 11, launchedOn: F.date("2025-02-10")),
                MovementImplementation(unitId: 11, launchedOn: F.date("2025-02-01")),
                MovementImplementation(unitId: 12, launchedOn: nil),  // still a draft
                MovementImplementation(unitId: 99, launchedOn: F.date("2025-02-01")),  // not expected
            ],
            reports: [
                SubmittedReport(unitId: 11, deadlineCode: "interim", submittedOn: F.date("2025-06-30")),
                SubmittedReport(unitId: 11, deadlineCode: "interim", submittedOn: F.date("2025-07-05")),  // correction
                SubmittedReport(unitId: 12, deadlineCode: "interim", submittedOn: F.date("2025-07-02")),
                SubmittedReport(unitId: 13, deadlineCode: "nonsense", submittedOn: F.date("2025-06-01")),
            ],
            today: F.date(today))
    }

    @Test func launchedUnits() {
        let coverage = coverage(today: "2025-07-10")
        #expect(coverage.units.map(\.unitId) == [11, 12, 13, 14])
        #expect(coverage.launchedCount == 1)
        #expect(coverage.units[0].launchedOn == F.date("2025-02-01"))
        #expect(coverage.notLaunched == [12, 13, 14])
    }

    @Test(
        "statuses per unit and deadline",
        arguments: [
            (today: "2025-07-10", unit: 0, deadline: 0, status: ReportStatus.submitted),  // on the due date
            ("2025-07-10", 1, 0, .late),  // late is marked, not refused
            ("2025-07-10", 2, 0, .missing),
            ("2025-06-30", 2, 0, .pending),  // due today: not missing yet
            ("2025-07-01", 2, 0, .missing),
            ("2025-07-10", 0, 1, .pending),
            ("2025-12-01", 0, 1, .missing),
        ])
    func statuses(today: String, unit: Int, deadline: Int, status: ReportStatus) {
        #expect(coverage(today: today).units[unit].reports[deadline].status == status)
    }

    @Test func lateReportsCountDaysAndSummariesAddUp() {
        let coverage = coverage(today: "2025-07-10")
        let late = coverage.units[1].reports[0]
        #expect(late.submittedOn == F.date("2025-07-02"))
        #expect(late.daysLate == 2)
        #expect(coverage.deadlines.map(\.deadlineCode) == ["interim", "final"])
        let interim = coverage.deadlines[0]
        #expect([interim.submitted, interim.late, interim.missing, interim.pending] == [1, 1, 2, 0])
        let final = coverage.deadlines[1]
        #expect([final.submitted, final.late, final.missing, final.pending] == [0, 0, 0, 4])
    }

    @Test func implementationFromAMovement() throws {
        var lower = Movement(
            name: "Tỉnh hưởng ứng", launcherUnitId: 12, kind: .thematic, start: F.date("2025-01-01"),
            end: F.date("2025-12-31"), implementsMovementId: 5)
        #expect(MovementImplementation(lower) == MovementImplementation(unitId: 12, launchedOn: nil))
        try lower.launch(on: F.date("2025-03-01"))
        #expect(MovementImplementation(lower) == MovementImplementation(unitId: 12, launchedOn: F.date("2025-03-01")))
    }
}
