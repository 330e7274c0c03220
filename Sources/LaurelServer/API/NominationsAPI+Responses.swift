import LaurelDomain
import LaurelStore

/// A dossier as the API shows it (schema `Nomination`).
struct NominationResponse: APIResponseBody {
    struct Candidate: Encodable, Sendable {
        let id: Int64, personId: Int64?, unitId: Int64?, name: String, achievement: String?, eligible: Bool?
        let verdict: VerdictResponse?, verdictOn: String?, passed: Bool?
    }
    struct Document: Encodable, Sendable {
        let id: Int64, candidateId: Int64?, kind: DocumentKind, name: String, contentType: String, size: Int64
    }
    struct Event: Encodable, Sendable {
        let kind: NominationEvent.Kind, stageUnitId: Int64, round: Int, reason: String?, date: String, accountId: Int64
    }
    let id: Int64, status: NominationStatus, proposerUnitId: Int64, proposerName: String, code: String, year: Int
    let kind: NominationKind, movementId: Int64?, route: [Int64], stageUnitId: Int64?, deciderUnitId: Int64, round: Int
    let submittedOn: String?, candidates: [Candidate], documents: [Document], timeline: [Event]

    init(_ record: NominationRecord) {
        id = record.id
        status = record.status
        proposerUnitId = record.proposerUnitId
        proposerName = record.proposerName
        code = record.code
        year = record.year
        kind = record.kind
        movementId = record.movementId
        route = record.route
        stageUnitId = record.stageUnitId
        deciderUnitId = record.deciderUnitId
        round = record.round
        submittedOn = record.submittedOn
        candidates = record.candidates.map {
            Candidate(
                id: $0.id, personId: $0.personId, unitId: $0.unitId, name: $0.name, achievement: $0.achievement, eligible: $0.eligible,
                verdict: $0.verdict.map(VerdictResponse.init), verdictOn: $0.verdictOn, passed: $0.passed)
        }
        documents = record.documents.map {
            Document(id: $0.id, candidateId: $0.candidateId, kind: $0.kind, name: $0.name, contentType: $0.contentType, size: $0.size)
        }
        timeline = record.timeline.map {
            Event(
                kind: $0.kind, stageUnitId: $0.stageUnitId, round: $0.round, reason: $0.reason, date: $0.date.description,
                accountId: $0.actorAccountId)
        }
    }
}
