import LaurelDomain
import Testing

@Suite struct ConditionKindTests {
    let civilServant = SubjectHistory(
        id: "p", kind: .individual, staffCategory: .civilServant,
        years: [.init(year: 2024, rating: .excellent)])

    @Test func conditionsSayWhatTheyTest() {
        let verdict = EligibilityEngine.standard.verdict(for: civilServant, code: "LDTT", year: 2024)
        #expect(verdict.conditions.first { $0.id == "subject.kind" }?.kind == .applicability)
        #expect(verdict.conditions.first { $0.id == "rating.good_plus" }?.kind == .record)
        #expect(!verdict.notApplicable && !verdict.awaitsJudgement)
    }

    @Test func aTitleForAnotherStaffCategoryIsNotApplicable() {
        let verdict = EligibilityEngine.standard.verdict(for: civilServant, code: "CSTT", year: 2024)
        #expect(verdict.notApplicable)
    }

    @Test func aCollectiveForACollectiveCodeIsApplicableAndACouncilCodeAwaitsJudgement() {
        let unit = SubjectHistory(id: "u", kind: .collective, years: [.init(year: 2024, rating: .excellent)])
        let flag = EligibilityEngine.standard.verdict(for: unit, code: "CTD_BO", year: 2024)
        #expect(!flag.notApplicable)
        #expect(flag.conditions.contains { $0.kind == .manual })
        #expect(EligibilityEngine.standard.verdict(for: unit, code: "LDTT", year: 2024).notApplicable)
    }
}
