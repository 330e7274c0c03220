import LaurelDomain

/// "Eligible now / missing / eligible from year N" for every title and form of a subject's kind,
/// as the person and unit pages show it.
struct EligibilityPanel {
    struct Line {
        let code: String
        let name: String
        let eligible: Bool
        let status: String
        let missing: String
    }
    let heading: String
    let lines: [Line]

    static func make(_ history: SubjectHistory, year: Int?, pages: PageRenderer, context: some SignedInRequestContext) -> EligibilityPanel {
        let engine = context.engine
        let judged = year ?? history.lastYear ?? context.today.year
        let labels = pages.localisation.table(context.locale)
        let lines = engine.catalogue.codes(for: history.kind).compactMap { code -> Line? in
            guard let entry = engine.catalogue.entry(for: code) else { return nil }
            let verdict = engine.verdict(for: history, code: code, year: judged)
            let unmet = verdict.conditions.filter { !$0.met }
            // Titles for another kind of subject or staff, and codes only a person can judge, are
            // left out rather than shown as "not eligible".
            if verdict.notApplicable || verdict.awaitsJudgement { return nil }
            let status =
                verdict.eligible
                ? pages.t("eligibility_now", context)
                : verdict.eligibleFrom.map { pages.t("eligibility_later", context, [String($0)]) } ?? pages.t("eligibility_never", context)
            let missing = unmet.map { labels["condition_" + $0.id.replacingOccurrences(of: ".", with: "_")] ?? $0.detail }.joined(
                separator: "; ")
            return Line(
                code: code, name: context.locale == .vi ? entry.nameVi : entry.nameEn, eligible: verdict.eligible, status: status,
                missing: missing)
        }
        return EligibilityPanel(heading: pages.t("eligibility_record", context, [String(judged)]), lines: lines)
    }
}
