/// Which documents a dossier must hold before it is submitted, by code and kind: data an
/// organisation may override (issue 9, point 2; LAW_FACTS §4.2).
public struct DossierRequirements: Hashable, Sendable, Codable {
    /// The full procedure (Law 06/2022 Art 84(1)): tờ trình, an achievement report per candidate,
    /// the council's minutes with the vote result.
    public var fullProcedure: [DocumentRequirement]
    /// The simplified procedure (Law 06/2022 Art 85; Decree 98/2023 Art 40(1)): tờ trình and a
    /// summary achievement report. Whether minutes may always be omitted is UNCONFIRMED.
    public var simplifiedProcedure: [DocumentRequirement]
    /// Added to the full procedure for these codes.
    public var additionalByCode: [String: [DocumentRequirement]]

    public init(
        fullProcedure: [DocumentRequirement], simplifiedProcedure: [DocumentRequirement],
        additionalByCode: [String: [DocumentRequirement]]
    ) {
        self.fullProcedure = fullProcedure
        self.simplifiedProcedure = simplifiedProcedure
        self.additionalByCode = additionalByCode
    }

    /// Law 06/2022 Art 84(1)(d): a certificate of the candidate's initiative or S&T work for
    /// CSTĐ cơ sở, CSTĐ bộ/tỉnh and CSTĐ toàn quốc. (A CSTĐCS earned by an excellent rating
    /// rather than an initiative, R-CSTDCS, has none: an organisation accepting that drops it.)
    public static let standard = DossierRequirements(
        fullProcedure: [
            DocumentRequirement(.proposal), DocumentRequirement(.achievementReport, perCandidate: true),
            DocumentRequirement(.councilMinutes),
        ],
        simplifiedProcedure: [DocumentRequirement(.proposal), DocumentRequirement(.achievementReport, perCandidate: true)],
        additionalByCode: Dictionary(
            uniqueKeysWithValues: ["CSTDCS", "CSTD_BO", "CSTDTQ"].map {
                ($0, [DocumentRequirement(.initiativeCertificate, perCandidate: true)])
            }))

    /// The documents a dossier of `kind` for `code` needs.
    public func required(code: String, kind: NominationKind) -> [DocumentRequirement] {
        kind.usesSimplifiedProcedure ? simplifiedProcedure : fullProcedure + (additionalByCode[code] ?? [])
    }

    /// What is missing, in requirement order, then candidate order: one item per lacking
    /// document. A candidate's document counts only for its own candidate.
    public func missing(
        code: String, kind: NominationKind, candidateIds: [Int64], present: [PresentDocument]
    ) -> [MissingDocument] {
        let held = Set(present)
        let heldKinds = Set(present.map(\.kind))
        return required(code: code, kind: kind).flatMap { requirement -> [MissingDocument] in
            guard requirement.perCandidate else {
                return heldKinds.contains(requirement.kind) ? [] : [MissingDocument(kind: requirement.kind)]
            }
            return candidateIds.filter { !held.contains(PresentDocument(kind: requirement.kind, candidateId: $0)) }
                .map { MissingDocument(kind: requirement.kind, candidateId: $0) }
        }
    }
}
