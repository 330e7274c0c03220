/// The kind of a document in a dossier (LAW_FACTS §4.2). Raw values are the API codes.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    /// Tờ trình: the proposing unit's request.
    case proposal
    /// Báo cáo thành tích: one per candidate (a summary report under the simplified procedure).
    case achievementReport = "achievement_report"
    /// Biên bản họp hội đồng, with the vote result.
    case councilMinutes = "council_minutes"
    /// Certificate of an initiative, S&T work or combat ingenuity.
    case initiativeCertificate = "initiative_certificate"
    case other
}

/// One document a dossier must hold: once, or once for every candidate.
public struct DocumentRequirement: Hashable, Sendable, Codable {
    public var kind: DocumentKind
    public var perCandidate: Bool

    public init(_ kind: DocumentKind, perCandidate: Bool = false) {
        self.kind = kind
        self.perCandidate = perCandidate
    }
}

/// A document a dossier holds: its kind and, for a candidate's own document, that candidate.
public struct PresentDocument: Hashable, Sendable, Codable {
    public var kind: DocumentKind
    public var candidateId: Int64?

    public init(kind: DocumentKind, candidateId: Int64? = nil) {
        self.kind = kind
        self.candidateId = candidateId
    }
}

/// A document a dossier lacks: one problem of the 422 answer.
public struct MissingDocument: Hashable, Sendable, Codable {
    public var kind: DocumentKind
    /// The candidate it is missing for; nil for a document of the whole dossier.
    public var candidateId: Int64?

    public init(kind: DocumentKind, candidateId: Int64? = nil) {
        self.kind = kind
        self.candidateId = candidateId
    }
}
