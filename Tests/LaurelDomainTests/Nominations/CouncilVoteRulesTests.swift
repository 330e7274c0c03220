import Foundation
import LaurelDomain
import Testing

@Suite("Nominations: council vote thresholds")
struct CouncilVoteRulesTests {
    let rules = CouncilVoteRules.standard

    @Test(
        "the share of all members each code needs",
        arguments: [
            ("CSTD_BO", 9, 10, true), ("CSTD_BO", 8, 10, false), ("CSTDTQ", 18, 20, true), ("CSTDTQ", 17, 20, false),
            ("AHLD", 9, 10, true), ("AHLLVT", 8, 10, false), ("CSTDCS", 8, 10, true), ("CSTDCS", 7, 10, false),
            ("CTD_BO", 4, 5, true), ("CTD_CP", 11, 15, false), ("CTD_CP", 12, 15, true),
            ("BK_BO", 6, 10, true), ("BK_BO", 5, 10, false), ("HCLD3", 4, 7, true), ("HCLD3", 3, 7, false),
        ])
    func thresholdPerCode(code: String, yes: Int, members: Int, passed: Bool) {
        #expect(rules.rule(for: code).isPassed(yes: yes, members: members) == passed)
    }

    @Test func aBallotOfTheCouncilDecidesAsTheRule() throws {
        for (code, members) in [("CSTDCS", 10), ("BK_BO", 10), ("BK_BO", 7), ("CSTDTQ", 13)] {
            let rule = rules.rule(for: code)
            let threshold = rule.ballotThreshold(members: members)
            for yes in 0...members {
                #expect(threshold.isReached(by: yes, of: members) == rule.isPassed(yes: yes, members: members))
            }
        }
        #expect(rules.rule(for: "BK_BO").ballotThreshold(members: 10) == Proportion(numerator: 3, denominator: 5))
        #expect(rules.rule(for: "CSTDCS").ballotThreshold(members: 10) == .fourFifths)
    }

    @Test func quorumIsTwoThirdsByDefaultAndConfigurable() throws {
        #expect(rules.rule(for: "CSTDCS").quorum == .twoThirds)
        #expect(rules.rule(for: "GK").quorum == .twoThirds)
        var bacNinh = rules
        bacNinh.quorum = .fourFifths
        #expect(bacNinh.rule(for: "CSTD_BO").quorum == .fourFifths)
    }

    @Test func votesAreMandatoryForTheSevenCodesOfDecree98() {
        for code in ["AHLD", "AHLLVT", "CSTDTQ", "CSTD_BO", "CSTDCS", "CTD_BO", "CTD_CP"] {
            #expect(rules.requiresVote(code: code))
        }
        #expect(!rules.requiresVote(code: "BK_BO") && !rules.requiresVote(code: "LDTT"))
    }

    @Test func theTableIsDataAnOrganisationOverrides() throws {
        var custom = rules
        custom.thresholds.insert(
            CouncilVoteThreshold(codes: ["BK_BO"], threshold: .twoThirds, comparison: .atLeast, legalBasis: "ministry rule"),
            at: 0)
        #expect(custom.rule(for: "BK_BO").threshold == .twoThirds)
        let decoded = try JSONDecoder().decode(CouncilVoteRules.self, from: JSONEncoder().encode(custom))
        #expect(decoded == custom)
    }
}
