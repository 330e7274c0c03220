import Testing

@testable import LaurelDomain

@Suite("Movements")
struct MovementTests {
    typealias F = ClusterFixtures

    static func movement(_ start: String, _ end: String) -> Movement {
        Movement(
            name: "Phong trào thi đua", launcherUnitId: 1, kind: .thematic, start: F.date(start), end: F.date(end),
            objectives: ["Hoàn thành kế hoạch"], motto: "Đoàn kết, sáng tạo",
            contents: [MovementContent(number: 1, text: "Cải cách hành chính")],
            criteria: [
                GroupCriteria(group: .provinces, criteria: ["Tỷ lệ hồ sơ đúng hạn ≥ 98 %"]),
                GroupCriteria(group: .other("Các trường đại học"), criteria: ["…"]),
            ],
            plannedForms: ["CO_THI_DUA_CP", "BANG_KHEN_TTG"],
            reportDeadlines: [ReportDeadline(code: "final", title: "Báo cáo tổng kết", dueDate: F.date(end))])
    }

    @Test(
        "interim review required for three years or more",
        arguments: [
            ("2021-01-01", "2023-12-31", true),
            ("2021-01-02", "2023-12-31", false),
            ("2021-01-01", "2025-12-31", true),
            ("2025-01-01", "2025-12-31", false),
            ("2024-02-29", "2027-02-27", true),  // anniversary falls on 28 February
            ("2024-02-29", "2027-02-26", false),
            ("2021-03-01", "2024-02-29", true),
        ])
    func threeYearRule(start: String, end: String, required: Bool) {
        #expect(Self.movement(start, end).requiresInterimReview == required)
    }

    @Test func longMovementCannotSkipTheInterimReview() throws {
        var movement = Self.movement("2021-01-01", "2025-12-31")
        try movement.launch(on: F.date("2021-03-02"))
        #expect(movement.allowedNextStatuses == [.interimReviewed])
        #expect(throws: MovementError.interimReviewRequired) { try movement.recordFinalReview(on: F.date("2025-10-01")) }
        try movement.recordInterimReview(on: F.date("2023-06-30"))
        try movement.recordInterimReview(on: F.date("2024-06-30"))  // sơ kết may repeat
        #expect(movement.allowedNextStatuses == [.interimReviewed, .finalReviewed])
        try movement.recordFinalReview(on: F.date("2025-10-01"))
        try movement.close(on: F.date("2025-12-31"))
        #expect(movement.status == .closed)
        #expect(movement.interimReviews == [F.date("2023-06-30"), F.date("2024-06-30")])
        #expect(movement.allowedNextStatuses.isEmpty)
    }

    @Test func shortMovementMaySkipTheInterimReview() throws {
        var movement = Self.movement("2025-01-01", "2025-12-31")
        try movement.launch(on: F.date("2025-01-15"))
        try movement.recordFinalReview(on: F.date("2025-12-10"))
        #expect(movement.status == .finalReviewed)
        #expect(movement.finalReviewedOn == F.date("2025-12-10"))
    }

    @Test(
        "illegal transitions",
        arguments: [
            (MovementStatus.draft, MovementStatus.interimReviewed),
            (.draft, .finalReviewed), (.draft, .closed), (.draft, .draft),
            (.launched, .launched), (.launched, .closed), (.launched, .draft),
            (.finalReviewed, .interimReviewed), (.finalReviewed, .launched),
            (.closed, .launched), (.closed, .closed),
        ])
    func illegalTransition(from: MovementStatus, to: MovementStatus) {
        var movement = Movement(
            restoring: Self.movement("2025-01-01", "2025-12-31"), status: from, launchedOn: nil, interimReviews: [],
            finalReviewedOn: nil, closedOn: nil)
        #expect(throws: MovementError.illegalTransition(from: from, to: to)) {
            try movement.advance(to: to, on: F.date("2025-06-01"))
        }
        #expect(movement.status == from)
    }

    @Test func stepsMustBeInDateOrder() throws {
        var movement = Self.movement("2025-01-01", "2025-12-31")
        try movement.launch(on: F.date("2025-02-01"))
        #expect(throws: MovementError.dateBeforePreviousStep(previous: F.date("2025-02-01"))) {
            try movement.recordInterimReview(on: F.date("2025-01-31"))
        }
    }

    @Test func anInvalidDraftCannotBeLaunched() {
        var movement = Self.movement("2025-12-31", "2025-01-01")
        movement.name = "  "
        movement.contents.append(MovementContent(number: 1, text: "again"))
        movement.reportDeadlines.append(movement.reportDeadlines[0])
        movement.criteria.append(GroupCriteria(group: .provinces, criteria: []))
        let expected: [MovementProblem] = [
            .emptyName, .endBeforeStart, .duplicateContentNumber(1), .duplicateGroup("provinces"),
            .duplicateDeadlineCode("final"),
        ]
        #expect(movement.problems == expected)
        #expect(throws: MovementError.invalid(expected)) { try movement.launch(on: F.date("2025-01-01")) }
        #expect(movement.status == .draft)
    }

    @Test func participantGroupsRoundTripAsStrings() {
        #expect(ParticipantGroup(rawValue: "front_and_organisations") == .frontAndOrganisations)
        #expect(ParticipantGroup(rawValue: "Hộ gia đình") == .other("Hộ gia đình"))
        #expect(ParticipantGroup.enterprises.rawValue == "enterprises")
    }
}
