import LaurelDomain

// The engine's verdicts as the API shows them (schemas `Verdict`, `Condition`, `Evidence`): the
// API's own shapes, built from the domain's, so a change to the engine's values does not change
// the API unnoticed. Absent optionals are left out, as they always were.

struct VerdictResponse: APIResponseBody {
    struct Condition: Encodable, Sendable {
        let id: String, met: Bool, detail: String, evidence: Evidence, kind: ConditionOutcome.Kind

        init(_ condition: ConditionOutcome) {
            id = condition.id
            met = condition.met
            detail = condition.detail
            evidence = Evidence(condition.evidence)
            kind = condition.kind
        }
    }

    struct Evidence: Encodable, Sendable {
        struct Award: Encodable, Sendable {
            let code: String, year: Int, decisionNumber: String?, counted: Bool, reason: String?
        }
        struct Initiative: Encodable, Sendable {
            let id: String?, year: Int, level: InitiativeLevel, counted: Bool, reason: String?
        }
        let years: [Int], awards: [Award], initiatives: [Initiative], members: [String]

        init(_ evidence: ConditionEvidence) {
            years = evidence.years
            awards = evidence.awards.map {
                Award(code: $0.code, year: $0.year, decisionNumber: $0.decisionNumber, counted: $0.counted, reason: $0.reason)
            }
            initiatives = evidence.initiatives.map {
                Initiative(id: $0.id, year: $0.year, level: $0.level, counted: $0.counted, reason: $0.reason)
            }
            members = evidence.members
        }
    }

    let subject: String, code: String, year: Int, eligible: Bool, conditions: [Condition], basis: String
    let eligibleFrom: Int?, bonusVND: Int?

    init(_ verdict: EligibilityVerdict) {
        subject = verdict.subject
        code = verdict.code
        year = verdict.year
        eligible = verdict.eligible
        conditions = verdict.conditions.map(Condition.init)
        basis = verdict.basis
        eligibleFrom = verdict.eligibleFrom
        bonusVND = verdict.bonusVND
    }
}
