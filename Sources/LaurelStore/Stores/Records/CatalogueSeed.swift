import Foundation
import LaurelDomain
import SQLKit

/// Writes `AwardCatalogue.standard` into `award_types`: the codes every register row points to.
enum CatalogueSeed {
    static func insertStandard(_ db: any SQLDatabase) async throws {
        let now = Clock.timestamp()
        for (position, entry) in AwardCatalogue.standard.entries.enumerated() {
            let latest = entry.coefficients.last
            try await db.insert(into: "award_types")
                .columns("code", "category", "name_vi", "name_en", "subject_kinds", "awarding_level", "annual",
                         "coefficient_individual", "coefficient_collective", "legal_basis", "rule_reference", "note",
                         "builtin", "position", "created_at")
                .values(SQLBind(entry.code), SQLBind(entry.category.rawValue), SQLBind(entry.nameVi), SQLBind(entry.nameEn),
                        SQLBind(entry.subjectKinds.map(\.rawValue).joined(separator: ",")), SQLBind(entry.awardingLevel.rawValue),
                        SQLBind(entry.annual), SQLBind(latest?.individual?.thousandths), SQLBind(latest?.collective?.thousandths),
                        SQLBind(entry.legalBasis.map(\.description).joined(separator: "; ")), SQLBind(entry.ruleReference),
                        SQLBind(entry.note), SQLBind(true), SQLBind(position), SQLBind(now))
                .run()
        }
    }
}
