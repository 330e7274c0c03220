import Testing

@testable import LaurelDomain

@Suite("Individual rules, chains and eligible-from")
struct EligibilityRuleTests {
    let engine = EligibilityEngine.standard

    @Test("a gap in the record breaks three consecutive CSTDCS")
    func gapBreaksConsecutive() {
        // 2023 has no record and no CSTDCS: the run 2022–2024 is broken.
        let person = Fixture.person(
            ratings: [2022: .excellent, 2024: .excellent],
            initiatives: [2024: [.init(level: .ministerialProvincial)]],
            awards: [Fixture.award("CSTDCS", 2022), Fixture.award("CSTDCS", 2024)])
        let verdict = engine.verdict(for: person, code: "CSTD_BO", year: 2024)
        #expect(!verdict.eligible)
        #expect(verdict.unmet == ["cstd_bo.cstdcs_3_consecutive"])
        #expect(verdict.eligibleFrom == 2026)  // CSTDCS 2025 and 2026 complete a new run with the 2024 initiative
    }

    @Test("a year missing from the five good+ years breaks BK_TTG")
    func gapBreaksFiveYears() {
        var ratings = Fixture.excellent(2019...2024)
        ratings[2022] = nil
        let person = Fixture.person(
            ratings: ratings,
            awards: [
                Fixture.award("BK_BO", 2019), Fixture.award("CSTDCS", 2020), Fixture.award("CSTDCS", 2021),
                Fixture.award("CSTDCS", 2023),
            ])
        let verdict = engine.verdict(for: person, code: "BK_TTG", year: 2024)
        #expect(verdict.unmet == ["bk_ttg.good_plus_5_years"])
        #expect(verdict.conditions[3].detail.contains("2022 not on record"))
    }

    @Test("a year before 1 July 2025 is judged under Decree 98/2023, a later one under Decree 152/2025")
    func lawInForceByYear() {
        let person = Fixture.person(ratings: [2024: .good, 2025: .good])
        #expect(engine.verdict(for: person, code: "LDTT", year: 2024).basis.contains("Decree 98/2023"))
        #expect(engine.verdict(for: person, code: "LDTT", year: 2025).basis.contains("Decree 152/2025"))
        #expect(engine.verdict(for: person, code: "LDTT", year: 2021).basis.contains("outside the periods"))
    }

    @Test("a rule that changed is applied by the period of the year judged")
    func versionedOverrides() throws {
        // An administrator's GK rule: good+ under Decree 98, excellent from Decree 152.
        func rule(_ from: CalendarDate?, _ until: CalendarDate?, _ rating: Rating) -> AwardRule {
            AwardRule(
                code: "GK", subjectKinds: [.individual], validFrom: from, validUntil: until,
                basis: [LegalReference.law(75)],
                conditions: [RuleCondition("rating", .ratingInEach(atLeast: rating, window: .thisYear))])
        }
        let settings = EligibilitySettings(ruleOverrides: [
            rule(CalendarDate("2024-01-01"), CalendarDate("2025-06-30"), .good),
            rule(CalendarDate("2025-07-01"), nil, .excellent),
        ])
        let engine = try EligibilityEngine(settings: settings)
        let person = Fixture.person(ratings: [2024: .good, 2025: .good])
        #expect(engine.verdict(for: person, code: "GK", year: 2024).eligible)
        let later = engine.verdict(for: person, code: "GK", year: 2025)
        #expect(!later.eligible)
        #expect(later.eligibleFrom == 2026)
        #expect(engine.verdict(for: person, code: "GK", year: 2024, decisionDate: CalendarDate("2025-03-01")).bonusVND == 360_000)
    }

    @Test("revoked, ad hoc and thematic awards never feed a chain")
    func onlyValidMeritAwardsCount() {
        let ratings = Fixture.excellent(2022...2024)
        let idea: [Int: [SubjectHistory.Initiative]] = [2023: [.init(level: .ministerialProvincial)]]
        for spoiled in [
            Fixture.award("CSTDCS", 2023, .revoked), Fixture.award("CSTDCS", 2023, kind: .thematic),
            Fixture.award("CSTDCS", 2023, kind: .adHoc), Fixture.award("CSTDCS", 2023, .corrected),
        ] {
            let person = Fixture.person(
                ratings: ratings, initiatives: idea,
                awards: [
                    Fixture.award("CSTDCS", 2022), spoiled, Fixture.award("CSTDCS", 2024),
                ])
            let verdict = engine.verdict(for: person, code: "CSTD_BO", year: 2024)
            #expect(!verdict.eligible, "\(spoiled)")
            #expect(verdict.conditions[2].detail.contains("not counted: CSTDCS 2023"))
        }
    }

    @Test("decision numbers appear in the evidence")
    func decisionNumbersInEvidence() {
        let person = Fixture.person(
            ratings: Fixture.excellent(2023...2024),
            awards: [
                Fixture.award("CSTDCS", 2023, decision: "12/QĐ-UBND"), Fixture.award("CSTDCS", 2024, decision: "31/QĐ-UBND"),
            ])
        let verdict = engine.verdict(for: person, code: "BK_BO", year: 2024)
        #expect(verdict.eligible)
        #expect(verdict.conditions[2].detail.contains("2023 (decision 12/QĐ-UBND)"))
        #expect(verdict.conditions[2].evidence.awards.map(\.decisionNumber) == ["12/QĐ-UBND", "31/QĐ-UBND"])
    }

    @Test("an initiative counts only in its own year")
    func initiativeInTheWrongYear() {
        let person = Fixture.person(ratings: [2023: .good, 2024: .good], initiatives: [2023: [.init(level: .grassroots)]])
        #expect(engine.isEligible(person, code: "CSTDCS", year: 2023))
        #expect(!engine.isEligible(person, code: "CSTDCS", year: 2024))
        // A ministerial initiative of 2021 is outside CSTD_BO's window 2022–2024.
        let chain = Fixture.person(
            ratings: Fixture.excellent(2021...2024), initiatives: [2021: [.init(level: .ministerialProvincial)]],
            awards: (2021...2024).map { Fixture.award("CSTDCS", $0) })
        let verdict = engine.verdict(for: chain, code: "CSTD_BO", year: 2024)
        #expect(verdict.unmet == ["cstd_bo.initiative_ministerial"])
        #expect(verdict.eligibleFrom == nil)  // the replay adds no initiative
        #expect(engine.isEligible(chain, code: "CSTD_BO", year: 2023))
    }

    @Test("an initiative used for one code does not count for another")
    func usedInitiatives() throws {
        func person(_ usedFor: String?) -> SubjectHistory {
            Fixture.person(
                ratings: Fixture.excellent(2023...2024),
                initiatives: [
                    2023: [.init(id: "SK-1", level: .grassroots, usedFor: usedFor)], 2024: [.init(id: "SK-2", level: .grassroots)],
                ])
        }
        #expect(engine.isEligible(person(nil), code: "BK_BO", year: 2024))
        let used = engine.verdict(for: person("CSTDCS"), code: "BK_BO", year: 2024)
        #expect(!used.eligible)
        #expect(used.conditions[2].detail.contains("SK-1 2023 grassroots already used for CSTDCS"))
        #expect(engine.isEligible(person("BK_BO"), code: "BK_BO", year: 2024))
        let strict = try EligibilityEngine(settings: EligibilitySettings(initiativeReuse: .never))
        #expect(!strict.isEligible(person("BK_BO"), code: "BK_BO", year: 2024))
    }

    @Test("a CSTDCS earned in the judged year completes the chain in that same year of the replay")
    func eligibleFromTheSameYear() {
        let person = Fixture.person(
            ratings: Fixture.excellent(2022...2024), initiatives: [2024: [.init(level: .ministerialProvincial)]],
            awards: [Fixture.award("CSTDCS", 2022), Fixture.award("CSTDCS", 2023)])
        let verdict = engine.verdict(for: person, code: "CSTD_BO", year: 2024)
        #expect(!verdict.eligible)
        #expect(verdict.eligibleFrom == 2024)
    }

    @Test("manual criteria are never met automatically and have no eligible-from")
    func manualCriteria() {
        let person = Fixture.person(ratings: [2024: .excellent])
        let verdict = engine.verdict(for: person, code: "HCSV", year: 2024)
        #expect(!verdict.eligible)
        #expect(verdict.unmet == ["criteria.configurable"])
        #expect(verdict.eligibleFrom == nil)
    }

    @Test("CSTT is for the armed forces, LDTT for everyone else")
    func staffCategories() {
        let soldier = Fixture.person(staff: .armedForces, ratings: [2024: .good])
        let clerk = Fixture.person(staff: .civilServant, ratings: [2024: .good])
        #expect(engine.isEligible(soldier, code: "CSTT", year: 2024))
        #expect(!engine.isEligible(soldier, code: "LDTT", year: 2024))
        #expect(engine.isEligible(clerk, code: "LDTT", year: 2024))
        #expect(engine.verdict(for: clerk, code: "CSTT", year: 2024).eligibleFrom == nil)
    }

    @Test("HCLD3's unconfirmed extra element is off by default and can be switched on")
    func hcld3ExtraElement() throws {
        let ratings: [Int: Rating] = [2019: .good, 2020: .good, 2021: .good, 2022: .good, 2023: .good, 2024: .good]
        let person = Fixture.person(
            ratings: ratings,
            initiatives: [
                2020: [.init(level: .grassroots)], 2022: [.init(level: .grassroots)], 2024: [.init(level: .grassroots)],
            ], awards: [Fixture.award("BK_TTG", 2019)] + [2020, 2022, 2024].map { Fixture.award("CSTDCS", $0) })
        #expect(engine.isEligible(person, code: "HCLD3", year: 2024))
        let strict = try EligibilityEngine(settings: EligibilitySettings(hcld3RequiresExcellentYear: true))
        let verdict = strict.verdict(for: person, code: "HCLD3", year: 2024)
        #expect(verdict.unmet == ["hcld3.excellent_once"])
        #expect(verdict.eligibleFrom == 2025)
    }

    @Test("a discipline inside the window breaks it only when configured")
    func disciplineInWindows() throws {
        let person = Fixture.person(
            ratings: Fixture.excellent(2019...2024), discipline: [2021: .reprimand],
            awards: [
                Fixture.award("BK_BO", 2019), Fixture.award("CSTDCS", 2020), Fixture.award("CSTDCS", 2022),
                Fixture.award("CSTDCS", 2023),
            ])
        #expect(engine.isEligible(person, code: "BK_TTG", year: 2024))
        let strict = try EligibilityEngine(settings: EligibilitySettings(disciplineBreaksWindows: true))
        #expect(strict.verdict(for: person, code: "BK_TTG", year: 2024).unmet == ["bk_ttg.good_plus_5_years"])
    }

    @Test("a code for another kind of subject is not eligible, with a clear condition")
    func wrongKind() {
        let person = Fixture.person(ratings: [2024: .excellent])
        let verdict = engine.verdict(for: person, code: "TTLDTT", year: 2024)
        #expect(!verdict.eligible)
        #expect(verdict.unmet == ["subject.kind"])
        #expect(verdict.eligibleFrom == nil)
    }

    @Test("bad settings are refused with every problem listed")
    func badSettings() {
        let rule = AwardRule(
            code: "NOPE", subjectKinds: [.individual], validFrom: nil, validUntil: nil, basis: [],
            conditions: [])
        let rule2 = AwardRule(
            code: "GK", subjectKinds: [.individual], validFrom: nil, validUntil: nil, basis: [],
            conditions: [RuleCondition("x", .heldTimes(code: "ZZ", times: 1, window: .last(3), consecutive: false))])
        #expect(throws: EligibilityConfigurationError.self) {
            try EligibilityEngine(settings: EligibilitySettings(ruleOverrides: [rule, rule2]))
        }
        do {
            _ = try EligibilityEngine(settings: EligibilitySettings(ruleOverrides: [rule, rule2]))
        } catch {
            #expect(error.problems.count == 2)
        }
    }
}
