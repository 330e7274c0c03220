import Testing

@testable import LaurelDomain

@Suite("Season: setting up, locking, targets")
struct SeasonTests {
    typealias F = ClusterFixtures

    @Test func finalisedSeasonRefusesEveryWrite() throws {
        var season = F.season(mode: .verification)
        try season.finalise()
        #expect(season.isFinalised)
        #expect(throws: SeasonError.finalised) { try season.submitSelfScore(unit: 3, sheet: F.sheet(1)) }
        #expect(throws: SeasonError.finalised) { try season.verify(target: 3, by: 1, sheet: F.sheet(1)) }
        #expect(throws: SeasonError.finalised) { try season.acceptSelfScore(target: 3, by: 1) }
        #expect(throws: SeasonError.finalised) { try season.replaceTable(F.table) }
        #expect(throws: SeasonError.finalised) { try season.registerTargets([], for: 3) }
        #expect(throws: SeasonError.finalised) { try season.finalise() }
        var cross = F.season(mode: .cross)
        try cross.finalise()
        #expect(throws: SeasonError.finalised) { try cross.submitCrossScore(scorer: 1, target: 2, sheet: F.sheet(1)) }
    }

    @Test func reopeningNeedsAReason() throws {
        var season = F.season(mode: .verification)
        #expect(throws: SeasonError.notFinalised) { try season.reopen(reason: "x") }
        try season.finalise()
        #expect(throws: SeasonError.emptyReopenReason) { try season.reopen(reason: "") }
        #expect(throws: SeasonError.emptyReopenReason) { try season.reopen(reason: " \n\t") }
        #expect(season.isFinalised)
        try season.reopen(reason: "  Sai sót điểm tiêu chí 2.1 ")
        #expect(season.status == .open)
        #expect(season.reopenReasons == ["Sai sót điểm tiêu chí 2.1"])
        try season.submitSelfScore(unit: 3, sheet: F.sheet(1))
    }

    @Test func tableIsFixedOnceScoringStarts() throws {
        var season = F.season(mode: .verification)
        try season.replaceTable(F.table)
        try season.submitSelfScore(unit: 3, sheet: F.sheet(1))
        #expect(throws: SeasonError.scoresExist) { try season.replaceTable(F.table) }
    }

    @Test func nextSeasonCopiesTheTableAndStartsClean() throws {
        var season = F.season(mode: .cross)
        try season.submitCrossScore(scorer: 1, target: 2, sheet: F.sheet(10))
        try season.finalise()
        let next = try season.nextSeason(leadership: ClusterLeadership(leaderUnitId: 3, deputyUnitId: 4))
        #expect(next.year == 2026)
        #expect(next.table == season.table)
        #expect(next.mode == .cross)
        #expect(next.members == season.members)
        #expect(next.crossScores.isEmpty)
        #expect(next.status == .open)
    }

    @Test func setUpErrors() {
        let table = F.table
        let leadership = ClusterLeadership(leaderUnitId: 1, deputyUnitId: 2)
        #expect(throws: SeasonError.tooFewMembers) {
            try Season(clusterId: 1, year: 2025, members: [1], leadership: leadership, table: table, mode: .cross)
        }
        #expect(throws: SeasonError.duplicateMember(2)) {
            try Season(clusterId: 1, year: 2025, members: [1, 2, 2], leadership: leadership, table: table, mode: .cross)
        }
        #expect(throws: SeasonError.invalidLeadership) {
            try Season(
                clusterId: 1, year: 2025, members: [1, 2], leadership: ClusterLeadership(leaderUnitId: 1, deputyUnitId: 1),
                table: table, mode: .cross)
        }
        #expect(throws: SeasonError.invalidLeadership) {
            try Season(
                clusterId: 1, year: 2025, members: [1, 2], leadership: ClusterLeadership(leaderUnitId: 1, deputyUnitId: 9),
                table: table, mode: .cross)
        }
    }

    @Test func targetsMetCount() throws {
        var season = F.season(mode: .verification)
        try season.registerTargets(
            [
                RegisteredTarget(unitId: 3, code: "T1", title: "Thu ngân sách", measure: "tỷ đồng", planned: 120),
                RegisteredTarget(unitId: 3, code: "T2", title: "Hộ nghèo giảm", measure: "%", planned: 1.5),
                RegisteredTarget(unitId: 3, code: "T3", title: "Tai nạn giao thông", planned: 5, direction: .atMost),
                RegisteredTarget(unitId: 3, code: "T4", title: "Hồ sơ trễ hạn", planned: 0, direction: .atMost),
            ], for: 3)
        try season.registerTargets([RegisteredTarget(unitId: 4, code: "T1", title: "x", planned: 10, actual: 9)], for: 4)
        try season.recordActual(121, unit: 3, code: "T1")
        try season.recordActual(1.5, unit: 3, code: "T2")
        try season.recordActual(6, unit: 3, code: "T3")
        #expect(season.targetSummary(unit: 3) == TargetSummary(met: 2, total: 4, notReported: 1))
        #expect(season.targetSummary().description == "2 of 5 targets met")
        #expect(throws: SeasonError.unknownTarget(unitId: 3, code: "T9")) { try season.recordActual(1, unit: 3, code: "T9") }
        #expect(throws: SeasonError.duplicateTargetCode("A")) {
            try season.registerTargets(
                [
                    RegisteredTarget(unitId: 5, code: "A", title: "", planned: 1),
                    RegisteredTarget(unitId: 5, code: "A", title: "", planned: 2),
                ], for: 5)
        }
    }
}
