import Testing

@testable import LaurelDomain

/// Who forms a quota's base: the organisation-set quotas (QuotasAPI, the unit check page) rely on it.
@Suite("Quota base")
struct QuotaBaseTests {
    let engine = EligibilityEngine.standard

    @Test("the base counts valid LDTT awards and LDTT eligibility, not revoked awards; the cap rounds down to zero")
    func base() {
        let members = [
            Fixture.person("held", ratings: [2024: .complete], awards: [Fixture.award("LDTT", 2024)]),
            Fixture.person("revoked", ratings: [2024: .complete], awards: [Fixture.award("LDTT", 2024, .revoked)]),
            Fixture.person("earned", ratings: [2024: .excellent]),
            Fixture.person("otherYear", ratings: [2024: .incomplete], awards: [Fixture.award("LDTT", 2023)]),
            Fixture.person("disciplined", ratings: [2024: .good], discipline: [2024: .warning]),
        ]
        let unit = SubjectHistory(id: "u", kind: .collective, members: members, memberCount: members.count)
        let verdict = engine.judgeQuota(
            AwardQuota(code: "CSTDCS", percent: 15, ofCode: "LDTT"), unit: unit, proposals: ["earned"], year: 2024)
        #expect(verdict.baseCount == 2)
        // 15 % of 2 is 0.3: no place at all, so the one eligible proposal is over.
        #expect(verdict.cap == 0 && verdict.overQuota == ["earned"] && verdict.exceeded)
        let whole = engine.judgeQuota(
            AwardQuota(code: "CSTDCS", percent: 100, ofCode: "LDTT"), unit: unit, proposals: ["earned", "held"], year: 2024)
        // "held" holds LDTT by award but was rated only complete: not eligible for CSTDCS, takes no place.
        #expect(whole.cap == 2 && whole.withinQuota == ["earned"] && whole.ineligible == ["held"] && !whole.exceeded)
    }
}
