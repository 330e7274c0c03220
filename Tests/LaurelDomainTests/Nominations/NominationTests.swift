import LaurelDomain
import Testing

@Suite("Nominations: the state machine")
struct NominationTests {
    static let commune: Int64 = 20
    static let province: Int64 = 30
    static let officer: Int64 = 7
    static let clerk: Int64 = 8
    static func day(_ n: Int) -> CalendarDate { CalendarDate(year: 2026, month: 3, day: n)! }

    @Test func aDraftClimbsEachStageAndIsDecidedAtTheLast() throws {
        var dossier = try Nomination(route: [Self.commune, Self.province])
        #expect(dossier.status == .draft && dossier.holdingUnitId == nil && dossier.deciderUnitId == Self.province)
        try dossier.submit(on: Self.day(2), by: Self.officer)
        #expect(dossier.status == .submitted && dossier.holdingUnitId == Self.commune)
        try dossier.startReview(by: Self.commune, actor: Self.clerk, on: Self.day(3))
        #expect(dossier.status == .inReview)
        try dossier.approve(by: Self.commune, actor: Self.clerk, on: Self.day(4))
        // Approved at the commune, it waits there until the commune sends it up in a submission.
        #expect(dossier.status == .approved && dossier.holdingUnitId == Self.commune && !dossier.isAtDecider)
        #expect(dossier.allowedActions(by: Self.commune) == [.forward])
        try dossier.forward(by: Self.commune, actor: Self.clerk, on: Self.day(4))
        #expect(dossier.status == .submitted && dossier.holdingUnitId == Self.province && dossier.isAtDecider)
        try dossier.approve(by: Self.province, actor: Self.clerk, on: Self.day(5))  // straight from submitted
        #expect(dossier.status == .approvedForDecision && dossier.holdingUnitId == Self.province)
        #expect(throws: NominationError.illegalAction(.forward, from: .approvedForDecision)) {
            try dossier.forward(by: Self.province, actor: Self.clerk, on: Self.day(5))
        }
        try dossier.decide(by: Self.province, actor: Self.clerk, on: Self.day(6))
        #expect(dossier.status == .decided && dossier.holdingUnitId == nil)
        #expect(
            dossier.timeline.map(\.kind) == [.submitted, .reviewStarted, .approved, .submitted, .approvedForDecision, .decided])
        #expect(dossier.timeline.map(\.stageUnitId) == [20, 20, 20, 30, 30, 30])
        #expect(dossier.timeline.allSatisfy { $0.round == 1 })
    }

    @Test func aReturnedDossierGoesBackToTheReturningStageInANewRound() throws {
        var dossier = try Nomination(route: [Self.commune, Self.province])
        try dossier.submit(on: Self.day(2), by: Self.officer)
        try dossier.approve(by: Self.commune, actor: Self.clerk, on: Self.day(3))
        try dossier.forward(by: Self.commune, actor: Self.clerk, on: Self.day(3))
        try dossier.startReview(by: Self.province, actor: Self.clerk, on: Self.day(4))
        try dossier.returnToProposer(reason: "  Thiếu biên bản họp hội đồng ", by: Self.province, actor: 9, on: Self.day(5))
        #expect(dossier.status == .returned && dossier.holdingUnitId == nil && dossier.round == 1)
        #expect(dossier.timeline.last?.reason == "Thiếu biên bản họp hội đồng")
        try dossier.submit(on: Self.day(9), by: Self.officer)
        #expect(dossier.round == 2 && dossier.status == .submitted && dossier.holdingUnitId == Self.province)
        #expect(dossier.timeline.count == 6)
        #expect(dossier.timeline.map(\.round) == [1, 1, 1, 1, 1, 2])
        #expect(dossier.timeline.map(\.kind) == [.submitted, .approved, .submitted, .reviewStarted, .returned, .submitted])
        #expect(dossier.timeline.last?.stageUnitId == Self.province)
    }

    @Test func onlyTheHoldingStageActs() throws {
        var dossier = try Nomination(route: [Self.commune, Self.province])
        try dossier.submit(on: Self.day(2), by: Self.officer)
        #expect(throws: NominationError.notHoldingStage(unitId: Self.province, holder: Self.commune)) {
            try dossier.approve(by: Self.province, actor: Self.clerk, on: Self.day(3))
        }
        #expect(throws: NominationError.notHoldingStage(unitId: 99, holder: Self.commune)) {
            try dossier.reject(reason: "Không đủ tiêu chuẩn", by: 99, actor: Self.clerk, on: Self.day(3))
        }
        #expect(dossier.allowedActions(by: Self.province).isEmpty)
        #expect(dossier.allowedActions(by: nil).isEmpty)
        #expect(dossier.allowedActions(by: Self.commune) == [.startReview, .approve, .returnToProposer, .reject])
        #expect(dossier.timeline.count == 1)
    }

    @Test func illegalMovesAreRefusedAndChangeNothing() throws {
        var dossier = try Nomination(route: [Self.commune])
        #expect(throws: NominationError.illegalAction(.approve, from: .draft)) {
            try dossier.approve(by: Self.commune, actor: Self.clerk, on: Self.day(2))
        }
        #expect(throws: NominationError.illegalAction(.decide, from: .draft)) {
            try dossier.decide(by: Self.commune, actor: Self.clerk, on: Self.day(2))
        }
        #expect(dossier.allowedActions(by: nil) == [.submit])
        try dossier.submit(on: Self.day(2), by: Self.officer)
        #expect(throws: NominationError.illegalAction(.submit, from: .submitted)) {
            try dossier.submit(on: Self.day(2), by: Self.officer)
        }
        try dossier.startReview(by: Self.commune, actor: Self.clerk, on: Self.day(3))
        #expect(throws: NominationError.illegalAction(.startReview, from: .inReview)) {
            try dossier.startReview(by: Self.commune, actor: Self.clerk, on: Self.day(3))
        }
        try dossier.reject(reason: "Không đủ tiêu chuẩn", by: Self.commune, actor: Self.clerk, on: Self.day(4))
        #expect(dossier.status == .rejected && dossier.holdingUnitId == nil)
        for action in [NominationAction.submit, .approve, .decide] {
            #expect(dossier.allowedActions(by: Self.commune).isEmpty)
            #expect(throws: NominationError.illegalAction(action, from: .rejected)) {
                switch action {
                case .submit: try dossier.submit(on: Self.day(5), by: Self.officer)
                case .approve: try dossier.approve(by: Self.commune, actor: Self.clerk, on: Self.day(5))
                default: try dossier.decide(by: Self.commune, actor: Self.clerk, on: Self.day(5))
                }
            }
        }
        #expect(dossier.timeline.count == 3)
    }

    @Test func aReturnOrRejectionStatesItsReasonAndEventsKeepDateOrder() throws {
        var dossier = try Nomination(route: [Self.commune])
        try dossier.submit(on: Self.day(5), by: Self.officer)
        #expect(throws: NominationError.reasonRequired) {
            try dossier.returnToProposer(reason: " \n ", by: Self.commune, actor: Self.clerk, on: Self.day(6))
        }
        #expect(throws: NominationError.reasonRequired) {
            try dossier.reject(reason: "", by: Self.commune, actor: Self.clerk, on: Self.day(6))
        }
        #expect(throws: NominationError.dateBeforePreviousEvent(previous: Self.day(5))) {
            try dossier.startReview(by: Self.commune, actor: Self.clerk, on: Self.day(4))
        }
        #expect(dossier.status == .submitted && dossier.timeline.count == 1)
    }

    @Test func aRouteHasStagesEachOnce() {
        #expect(throws: NominationError.emptyRoute) { try Nomination(route: []) }
        #expect(throws: NominationError.duplicateStage(20)) { try Nomination(route: [20, 30, 20]) }
    }

    @Test func restoringKeepsTheState() throws {
        var dossier = try Nomination(route: [Self.commune, Self.province])
        try dossier.submit(on: Self.day(2), by: Self.officer)
        try dossier.approve(by: Self.commune, actor: Self.clerk, on: Self.day(3))
        let restored = Nomination(
            restoring: dossier.route, stageIndex: dossier.stageIndex, status: dossier.status, round: dossier.round,
            timeline: dossier.timeline)
        #expect(restored == dossier)
    }

    @Test func kindsMapToTheRegisterAndTheProcedure() {
        #expect(NominationKind.allCases.map(\.rawValue) == ["regular", "thematic", "ad_hoc", "contribution", "long_service", "foreign"])
        #expect(NominationKind.regular.awardKind == .merit && NominationKind.longService.awardKind == .seniority)
        #expect(NominationKind.adHoc.awardKind == .adHoc && NominationKind.foreign.awardKind == .foreign)
        #expect(NominationKind.allCases.filter { !$0.isChained } == [.adHoc])
        let simplified = NominationKind.allCases.filter { $0.usesSimplifiedProcedure }
        #expect(simplified == [.adHoc, .contribution, .longService, .foreign])
        #expect(
            NominationStatus.allCases.map(\.rawValue) == [
                "draft", "submitted", "in_review", "approved", "returned", "rejected", "approved_for_decision", "decided",
            ])
    }
}
