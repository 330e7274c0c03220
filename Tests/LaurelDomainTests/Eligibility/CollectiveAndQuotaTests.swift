import Testing

@testable import LaurelDomain

@Suite("Collective rules and quotas")
struct CollectiveAndQuotaTests {
    let engine = EligibilityEngine.standard

    @Test("one member disciplined with a warning bars TTLDTT; a reprimand does not")
    func disciplinedMember() {
        let warned = Fixture.collective(year: 2024, rating: .good, holders: 8, others: 2, memberDiscipline: .warning)
        let verdict = engine.verdict(for: warned, code: "TTLDTT", year: 2024)
        #expect(!verdict.eligible)
        #expect(verdict.unmet == ["members.no_warning"])
        #expect(verdict.conditions.last?.evidence.members == ["o0"])
        #expect(verdict.eligibleFrom == 2025)
        let reprimanded = Fixture.collective(year: 2024, rating: .good, holders: 8, others: 2, memberDiscipline: .reprimand)
        #expect(engine.isEligible(reprimanded, code: "TTLDTT", year: 2024))
    }

    @Test("the LDTT share counts against the head count, not only the members listed")
    func shareOfHeadCount() {
        var unit = Fixture.collective(year: 2024, rating: .good, holders: 7, others: 3)
        #expect(engine.isEligible(unit, code: "TTLDTT", year: 2024))
        unit.memberCount = 11
        let verdict = engine.verdict(for: unit, code: "TTLDTT", year: 2024)
        #expect(verdict.unmet == ["members.ldtt_share"])
        #expect(verdict.conditions[3].detail.hasPrefix("7 of 11 members hold LDTT"))
    }

    @Test("the share is configurable")
    func configurableShare() throws {
        let unit = Fixture.collective(year: 2024, rating: .good, holders: 6, others: 4)
        #expect(!engine.isEligible(unit, code: "TTLDTT", year: 2024))
        let lenient = try EligibilityEngine(settings: EligibilitySettings(collectiveLDTTSharePercent: 60))
        #expect(lenient.isEligible(unit, code: "TTLDTT", year: 2024))
    }

    @Test("TTLDXS needs an excellent collective, every member complete+, and one CSTDCS")
    func excellentCollective() {
        let unit = Fixture.collective(year: 2024, rating: .excellent, holders: 8, others: 2, cstdcsHolder: true)
        #expect(engine.isEligible(unit, code: "TTLDXS", year: 2024))
        let noFighter = Fixture.collective(year: 2024, rating: .excellent, holders: 8, others: 2)
        #expect(engine.verdict(for: noFighter, code: "TTLDXS", year: 2024).unmet == ["members.one_cstdcs"])
        var unrated = unit
        unrated.members[9].years[0].rating = .incomplete
        #expect(engine.verdict(for: unrated, code: "TTLDXS", year: 2024).unmet == ["members.all_complete"])
    }

    @Test("a proposal list over the quota: the unit's order decides who fits")
    func quotaOverflow() {
        // 10 members hold LDTT; 4 of them are CSTDCS-eligible (excellent); one proposal is not eligible.
        var members: [SubjectHistory] = (0..<10).map { i in
            Fixture.person("m\(i)", ratings: [2024: i < 4 ? .excellent : .good], awards: [Fixture.award("LDTT", 2024)])
        }
        members.append(Fixture.person("x", ratings: [2024: .complete]))
        let unit = SubjectHistory(id: "u", kind: .collective, years: [.init(year: 2024, rating: .good)], members: members)
        let quota = AwardQuota(code: "CSTDCS", percent: 20, ofCode: "LDTT")
        let verdict = engine.judgeQuota(quota, unit: unit, proposals: ["m3", "x", "m1", "m0", "m2"], year: 2024)
        #expect(verdict.baseCount == 10)
        #expect(verdict.cap == 2)
        #expect(verdict.ineligible == ["x"])
        #expect(verdict.withinQuota == ["m3", "m1"])
        #expect(verdict.overQuota == ["m0", "m2"])
        #expect(verdict.exceeded)
        #expect(verdict.detail.contains("exceeds it by 2: m0, m2"))
        let fits = engine.judgeQuota(quota, unit: unit, proposals: ["m0"], year: 2024)
        #expect(!fits.exceeded && fits.withinQuota == ["m0"])
    }

    @Test("quotas are off by default and rounded down when set")
    func quotaSettings() throws {
        #expect(engine.quotas(for: "CSTDCS", unitID: "u").isEmpty)
        let quota = AwardQuota(code: "CSTDCS", percent: 15, ofCode: "LDTT", unitID: "u")
        let configured = try EligibilityEngine(settings: EligibilitySettings(quotas: [quota]))
        #expect(configured.quotas(for: "CSTDCS", unitID: "u") == [quota])
        #expect(configured.quotas(for: "CSTDCS", unitID: "v").isEmpty)
        #expect(quota.cap(forBase: 13) == 1)
        #expect(quota.cap(forBase: 20) == 3)
    }
}
