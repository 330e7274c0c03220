import Foundation
import LaurelDomain
import Testing

@Suite("Bounds of one check request")
struct CheckInputLimitsTests {
    static let limits = CheckInputLimits(maxSubjects: 2, maxRecordsPerSubject: 3, maxMembers: 2, maxChecks: 4)

    static func run(_ json: String) -> CheckInputErrors? {
        if case .failure(let errors) = EligibilityCheckRun.verdicts(input: Data(json.utf8), limits: limits) { return errors }
        return nil
    }

    @Test func tooManySubjectsIsNamedBeforeAnythingIsValidated() {
        let errors = Self.run(#"{"subjects": [{"id": "a"}, {"id": "b"}, {"bad": 1}]}"#)
        #expect(errors?.exceeded == .subjects(limit: 2, given: 3))
        #expect(errors?.problems.isEmpty == true)
    }

    @Test func tooManyYearsOfOneSubjectOrMembersInAll() {
        let years = (2020...2023).map { #"{"year": \#($0), "rating": "good"}"# }.joined(separator: ",")
        #expect(
            Self.run(#"{"subjects": [{"id": "a", "kind": "individual", "years": [\#(years)]}]}"#)?.exceeded
                == .records(limit: 3, subject: "a", given: 4))
        let member = #"{"id": "m", "kind": "individual"}"#
        #expect(
            Self.run(#"{"subjects": [{"id": "c", "kind": "collective", "members": [\#(member), \#(member), \#(member)]}]}"#)?.exceeded
                == .members(limit: 2, given: 3))
    }

    @Test func defaultChecksCountTowardsTheCap() {
        // Without `check`, every code of the kind is judged: more than four verdicts.
        let errors = Self.run(#"{"subjects": [{"id": "a", "kind": "individual", "years": [{"year": 2024, "rating": "good"}]}]}"#)
        guard case .checks(limit: 4, given: let given)? = errors?.exceeded else {
            Issue.record("expected the checks bound")
            return
        }
        #expect(given > 4)
        let within = EligibilityCheckRun.verdicts(
            input: Data(
                #"{"subjects": [{"id": "a", "kind": "individual", "years": [{"year": 2024, "rating": "good"}], "check": [{"code": "LDTT", "year": 2024}]}]}"#
                    .utf8),
            limits: Self.limits)
        #expect((try? within.get())?.count == 1)
    }
}
