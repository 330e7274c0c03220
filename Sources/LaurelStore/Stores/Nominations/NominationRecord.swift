import LaurelDomain

/// A candidate of a new dossier: a person or a unit, with what they achieved.
public struct CandidateDraft: Sendable, Hashable {
    public var subject: RecordSubject
    public var achievement: String?

    public init(subject: RecordSubject, achievement: String?) {
        self.subject = subject
        self.achievement = achievement
    }
}

/// What a new dossier needs; the code is checked against the request's catalogue.
public struct NominationDraft: Sendable {
    public var proposerUnitId: Int64
    public var code: String
    public var year: Int
    public var kind: NominationKind
    public var movementId: Int64?
    public var candidates: [CandidateDraft]

    public init(proposerUnitId: Int64, code: String, year: Int, kind: NominationKind, movementId: Int64?, candidates: [CandidateDraft]) {
        self.proposerUnitId = proposerUnitId
        self.code = code
        self.year = year
        self.kind = kind
        self.movementId = movementId
        self.candidates = candidates
    }
}

/// A dossier as read back: where it is on its route, its candidates with their verdicts, its
/// documents (without their bytes) and every transition.
public struct NominationRecord: Sendable, Encodable {
    public struct Candidate: Sendable, Encodable {
        public var id: Int64
        public var personId: Int64?
        public var unitId: Int64?
        public var name: String
        public var achievement: String?
        /// The engine's verdict when the dossier was made or, once submitted, as frozen then.
        public var eligible: Bool?
        public var verdict: EligibilityVerdict?
        public var verdictOn: String?
        public var passed: Bool?
    }
    public struct Document: Sendable, Encodable {
        public var id: Int64
        public var candidateId: Int64?
        public var kind: DocumentKind
        public var name: String
        public var contentType: String
        public var size: Int64
    }
    public var id: Int64
    public var proposerUnitId: Int64
    public var proposerName: String
    public var code: String
    public var year: Int
    public var kind: NominationKind
    public var movementId: Int64?
    public var status: NominationStatus
    public var route: [Int64]
    /// Where on the route it is (the stage it is at, or returns to).
    public var stageIndex: Int
    /// The unit holding it now: the current stage, or nil while the proposer does.
    public var stageUnitId: Int64?
    public var deciderUnitId: Int64
    public var round: Int
    public var submittedOn: String?
    public var candidates: [Candidate]
    public var documents: [Document]
    public var timeline: [NominationEvent]
}

/// What a dossier list filters on; every field is optional.
public struct NominationFilter: Sendable {
    public var status: NominationStatus?
    public var code: String?
    public var year: Int?
    /// The proposing unit or any unit below it.
    public var unitId: Int64?

    public init(status: NominationStatus? = nil, code: String? = nil, year: Int? = nil, unitId: Int64? = nil) {
        self.status = status
        self.code = code
        self.year = year
        self.unitId = unitId
    }
}
