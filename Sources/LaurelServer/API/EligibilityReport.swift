import LaurelDocuments
import LaurelDomain
import LaurelStore

/// Checks a whole unit for one award and year: one row per person (or per unit, for collective
/// titles) with the verdict, what is missing, and from which year it could be met. Shared by the
/// API, the page and the exports, so all three say the same.
struct EligibilityReport: Sendable {
    struct Row: APIResponseBody {
        let subjectId: Int64
        let name: String
        let unitName: String
        let eligible: Bool
        let eligibleFrom: Int?
        /// The unmet conditions' explanations, and their ids (stable, for labels in any language).
        let unmet: [String]
        let unmetConditions: [String]
        let bonusVND: Int?
    }

    let code: String
    let year: Int
    let rows: [Row]
    var eligibleCount: Int { rows.filter(\.eligible).count }

    /// Loads a whole subtree's records and judges them: one of the heaviest requests, run through
    /// `gate` so that a few at once cannot starve the others.
    static func make(
        histories: HistoryStore, unitId: Int64, code: String, year: Int, decisionDate: LaurelDomain.CalendarDate?, identity: Identity,
        gate: HeavyWorkGate, engine: EligibilityEngine
    ) async throws -> EligibilityReport {
        try await gate.run {
            try await judge(
                histories: histories, unitId: unitId, code: code, year: year, decisionDate: decisionDate, identity: identity, engine: engine
            )
        }
    }

    private static func judge(
        histories: HistoryStore, unitId: Int64, code: String, year: Int, decisionDate: LaurelDomain.CalendarDate?,
        identity: Identity, engine: EligibilityEngine
    ) async throws -> EligibilityReport {
        guard let entry = engine.catalogue.entry(for: code) else {
            throw DomainError.invalid("error.unknown_award_code", field: "code", code)
        }
        let collective = !entry.subjectKinds.contains(.individual)
        let subjects =
            collective
            ? try await histories.units(inSubtreeOf: unitId, as: identity)
            : try await histories.people(inSubtreeOf: unitId, as: identity)
        let rows = subjects.map { subject in
            let verdict = engine.verdict(for: subject.history, code: code, year: year, decisionDate: decisionDate)
            return Row(
                subjectId: subject.id, name: subject.name, unitName: subject.unitName, eligible: verdict.eligible,
                eligibleFrom: verdict.eligibleFrom, unmet: verdict.conditions.filter { !$0.met }.map(\.detail),
                unmetConditions: verdict.conditions.filter { !$0.met }.map(\.id), bonusVND: verdict.bonusVND)
        }
        return EligibilityReport(code: code, year: year, rows: rows)
    }

    /// The label of a condition in the reader's language, or the engine's own explanation when
    /// no label exists (a rule an administrator added).
    static func missing(_ row: Row, labels: [String: String]) -> String {
        zip(row.unmetConditions, row.unmet).map { id, detail in
            labels["condition_" + id.replacingOccurrences(of: ".", with: "_")] ?? detail
        }.joined(separator: "; ")
    }

    func table(_ t: (String) -> String, labels: [String: String]) -> (header: [String], rows: [[CellValue]]) {
        let header = [
            t("eligibility_name"), t("eligibility_unit"), t("eligibility_verdict"), t("eligibility_from"), t("eligibility_missing"),
        ]
        let values: [[CellValue]] = rows.map { row in
            [
                .text(row.name), .text(row.unitName), .text(row.eligible ? t("eligibility_yes") : t("eligibility_no")),
                row.eligibleFrom.map { .number(Double($0)) } ?? .empty, .text(Self.missing(row, labels: labels)),
            ]
        }
        return (header, values)
    }
}
