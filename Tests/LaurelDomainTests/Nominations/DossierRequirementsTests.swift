import Foundation
import LaurelDomain
import Testing

@Suite("Nominations: required documents")
struct DossierRequirementsTests {
    let requirements = DossierRequirements.standard

    @Test func aRegularCSTDCSNeedsTheFullDossierWithInitiatives() {
        let kinds = requirements.required(code: "CSTDCS", kind: .regular).map(\.kind)
        #expect(kinds == [.proposal, .achievementReport, .councilMinutes, .initiativeCertificate])
        #expect(requirements.required(code: "BK_BO", kind: .thematic).map(\.kind) == [.proposal, .achievementReport, .councilMinutes])
    }

    @Test func theSimplifiedProcedureNeedsOnlyTheProposalAndReports() {
        for kind in [NominationKind.adHoc, .contribution, .longService, .foreign] {
            #expect(requirements.required(code: "CSTDCS", kind: kind).map(\.kind) == [.proposal, .achievementReport])
        }
    }

    @Test func missingItemsNameTheCandidate() {
        let present = [
            PresentDocument(kind: .proposal), PresentDocument(kind: .achievementReport, candidateId: 1),
            PresentDocument(kind: .achievementReport, candidateId: 99),  // not a candidate here
            PresentDocument(kind: .initiativeCertificate, candidateId: 2),
            PresentDocument(kind: .initiativeCertificate),  // no candidate: counts for nobody
            PresentDocument(kind: .other),
        ]
        let missing = requirements.missing(code: "CSTDCS", kind: .regular, candidateIds: [1, 2], present: present)
        #expect(
            missing == [
                MissingDocument(kind: .achievementReport, candidateId: 2), MissingDocument(kind: .councilMinutes),
                MissingDocument(kind: .initiativeCertificate, candidateId: 1),
            ])
        let simplified = requirements.missing(code: "CSTDCS", kind: .adHoc, candidateIds: [1], present: present)
        #expect(simplified.isEmpty)
        #expect(requirements.missing(code: "GK", kind: .adHoc, candidateIds: [5], present: []).count == 2)
    }

    @Test func theTableIsDataAnOrganisationOverrides() throws {
        var custom = requirements
        custom.additionalByCode["CSTDCS"] = nil
        custom.simplifiedProcedure.append(DocumentRequirement(.councilMinutes))
        #expect(custom.required(code: "CSTDCS", kind: .regular).map(\.kind) == [.proposal, .achievementReport, .councilMinutes])
        #expect(custom.required(code: "GK", kind: .adHoc).map(\.kind) == [.proposal, .achievementReport, .councilMinutes])
        let decoded = try JSONDecoder().decode(DossierRequirements.self, from: JSONEncoder().encode(custom))
        #expect(decoded == custom)
        #expect(
            DocumentKind.allCases.map(\.rawValue) == [
                "proposal", "achievement_report", "council_minutes", "initiative_certificate", "other",
            ])
    }
}
