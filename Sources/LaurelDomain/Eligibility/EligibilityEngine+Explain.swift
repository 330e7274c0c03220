/// The explanation path: for each condition of a rule, whether it is met (by the same hot-path
/// test) and a sentence with the evidence used. Only built when a verdict is asked for.
extension EligibilityEngine {
    func explain(rule ruleIndex: Int, year: Int, history h: CompactHistory, subject: SubjectHistory) -> [ConditionOutcome] {
        let rule = compiled[ruleIndex]
        return (0..<rule.topCount).map { index in
            let met = holds(index, of: rule, year: year, in: h)
            let (detail, evidence) = describe(index, of: rule, met: met, year: year, history: h, subject: subject)
            let kind: ConditionOutcome.Kind =
                switch rule.conditions[index].condition {
                case .subjectKind, .staffCategory: .applicability
                case .manual: .manual
                default: .record
                }
            return ConditionOutcome(id: rule.conditions[index].id, met: met, detail: detail, evidence: evidence, kind: kind)
        }
    }

    /// Step `index` of `rule` (relative to the rule), by the hot path's test.
    private func holds(_ index: Int, of rule: CompiledRule, year: Int, in h: CompactHistory) -> Bool {
        holds(step: rule.stepBase + index, code: rule.code, year: year, in: h)
    }

    private func describe(
        _ index: Int, of rule: CompiledRule, met: Bool, year: Int, history h: CompactHistory, subject: SubjectHistory
    ) -> (String, ConditionEvidence) {
        let step = rule.steps[index]
        let code = catalogue.entries[step.code].code
        let window = Array((year + step.from)...(year + step.to))
        switch rule.conditions[index].condition {
        case .subjectKind(let kinds):
            let names = kinds.map(\.rawValue).joined(separator: ", ")
            return (
                met ? "subject is \(subject.kind.rawValue)" : "for \(names) only; subject is \(subject.kind.rawValue)",
                ConditionEvidence()
            )
        case .staffCategory(let categories, _):
            let needed = categories.map(\.rawValue).joined(separator: ", ")
            guard let category = subject.staffCategory else {
                return ("staff category not recorded; " + (met ? "accepted" : "needs \(needed)"), ConditionEvidence())
            }
            return ("staff category \(category.rawValue)" + (met ? "" : "; needs \(needed)"), ConditionEvidence())
        case .ratingInEach(let rating, _), .ratingTimes(let rating, _, _):
            let found = window.map { "\($0) \(ratingName(h.ratingRank($0)))" + disciplineNote(h, $0, step.flag) }
            let scope =
                step.op == .ratingEach
                ? (window.count == 1 ? "in \(year + step.from)" : "in each of \(span(window))")
                : "in at least \(step.count) of \(span(window))"
            let needed = rating == .excellent ? "excellent" : "\(rating.rawValue) or better"
            return (
                "rating \(needed) \(scope): " + found.joined(separator: ", "),
                ConditionEvidence(years: window)
            )
        case .noDiscipline(let severity, _):
            let hits = window.filter { h.severity($0) >= step.level }
            let scope = window.count == 1 ? "in \(window[0])" : "in \(span(window))"
            let what = severity == .reprimand ? "discipline" : "discipline of \(severity.rawValue) or heavier"
            if hits.isEmpty { return ("no \(what) \(scope)", ConditionEvidence(years: window)) }
            let list = hits.map { "\($0) \(disciplineName(h.severity($0)))" }.joined(separator: ", ")
            return ("\(what): \(list)", ConditionEvidence(years: hits))
        case .heldInYears(_, let offsets):
            let years = offsets.map { year + $0 }.sorted()
            let missing = years.filter { !h.holds(step.code, $0) }
            let evidence = awardEvidence(code, years: years, subject: subject)
            var text = "\(code) needed in \(years.map(String.init).joined(separator: ", ")): "
            text += missing.isEmpty ? "held " + awardList(evidence) : "not held in " + missing.map(String.init).joined(separator: ", ")
            return (text + notCountedNote(evidence), ConditionEvidence(years: years, awards: evidence))
        case .heldTimes(_, let times, _, let consecutive):
            let held = window.filter { h.holds(step.code, $0) }
            let evidence = awardEvidence(code, years: window, subject: subject)
            let needs = consecutive ? "\(times) in a row" : "\(times)"
            let list = held.isEmpty ? "" : " (" + held.map(String.init).joined(separator: ", ") + ")"
            return (
                "\(code) held in \(held.count) of \(span(window))\(list); needs \(needs)" + notCountedNote(evidence),
                ConditionEvidence(years: window, awards: evidence)
            )
        case .heldBefore:
            let before = year + step.from
            let years = subject.awards.filter { $0.code == code && $0.year < before }.map(\.year)
            let evidence = awardEvidence(code, years: Array(Set(years)).sorted(), subject: subject)
            let counted = evidence.filter(\.counted)
            let text =
                counted.isEmpty
                ? "no valid \(code) before \(before)"
                : "\(code) held before \(before): " + awardList(counted)
            return (text + notCountedNote(evidence), ConditionEvidence(years: counted.map(\.year), awards: evidence))
        case .initiatives(let level, let count, _, let inEach):
            return describeInitiatives(
                level: level, count: count, inEach: inEach, window: window,
                ruleCode: catalogue.entries[rule.code].code, met: met, subject: subject)
        case .memberShareHolding(_, let percent):
            let holders = zip(subject.members, h.members).filter { $0.1.holds(step.code, year) }.map(\.0.id)
            let share = h.headCount > 0 ? holders.count * 100 / h.headCount : 0
            return (
                "\(holders.count) of \(h.headCount) members hold \(code) in \(year) (\(share) %); needs \(percent) %",
                ConditionEvidence(years: [year], members: holders)
            )
        case .membersHolding(_, let count):
            let holders = zip(subject.members, h.members).filter { $0.1.holds(step.code, year) }.map(\.0.id)
            let list = holders.isEmpty ? "" : " (" + holders.joined(separator: ", ") + ")"
            return (
                "\(holders.count) member(s) hold \(code) in \(year)\(list); needs \(count)",
                ConditionEvidence(years: [year], members: holders)
            )
        case .everyMemberRating(let rating):
            let below = zip(subject.members, h.members).filter { $0.1.ratingRank(year) < step.level }
            var text =
                below.isEmpty
                ? "all \(subject.members.count) members rated \(rating.rawValue) or better in \(year)"
                : "rated below \(rating.rawValue) in \(year): "
                    + below.map { "\($0.0.id) (\(ratingName($0.1.ratingRank(year))))" }.joined(separator: ", ")
            if h.members.count < h.headCount { text += "; only \(h.members.count) of \(h.headCount) members on record" }
            return (text, ConditionEvidence(years: [year], members: below.map(\.0.id)))
        case .noMemberDiscipline(let severity):
            let hits = zip(subject.members, h.members).filter { $0.1.severity(year) >= step.level }
            if hits.isEmpty {
                return ("no member disciplined with \(severity.rawValue) or heavier in \(year)", ConditionEvidence(years: [year]))
            }
            let list = hits.map { "\($0.0.id) (\(disciplineName($0.1.severity(year))))" }.joined(separator: ", ")
            return (
                "disciplined with \(severity.rawValue) or heavier in \(year): \(list)",
                ConditionEvidence(years: [year], members: hits.map(\.0.id))
            )
        case .anyOf:
            var parts: [String] = []
            var evidence = ConditionEvidence()
            for (number, alternative) in (step.altStart..<step.altEnd).enumerated() {
                let inner = rule.alternatives[alternative].map { i in
                    let ok = holds(i, of: rule, year: year, in: h)
                    let (text, more) = describe(i, of: rule, met: ok, year: year, history: h, subject: subject)
                    evidence.years += more.years
                    evidence.awards += more.awards
                    evidence.initiatives += more.initiatives
                    evidence.members += more.members
                    return (ok ? "[met] " : "[unmet] ") + text
                }
                parts.append("(\(number + 1)) " + inner.joined(separator: " and "))
            }
            evidence.years = Array(Set(evidence.years)).sorted()
            return ((met ? "met by one of: " : "none of: ") + parts.joined(separator: "; "), evidence)
        case .manual(let text):
            return ("to be judged by a person, not in the record: \(text)", ConditionEvidence())
        }
    }

    private func describeInitiatives(
        level: InitiativeLevel, count: Int, inEach: Bool, window: [Int], ruleCode: String, met: Bool,
        subject: SubjectHistory
    ) -> (String, ConditionEvidence) {
        var evidence: [InitiativeEvidence] = []
        for entry in subject.years where window.contains(entry.year) {
            for initiative in entry.initiatives where initiative.level >= level {
                var reason: String?
                if let usedFor = initiative.usedFor, usedFor != ruleCode || !reuseUsedInitiatives {
                    reason = "already used for \(usedFor)"
                }
                evidence.append(
                    InitiativeEvidence(
                        id: initiative.id, year: entry.year, level: initiative.level, counted: reason == nil, reason: reason))
            }
        }
        let counted = evidence.filter(\.counted)
        let scope = window.count == 1 ? "in \(window[0])" : (inEach ? "in each of \(span(window))" : "in \(span(window))")
        var text = "initiatives at \(level.rawValue) level or higher \(scope): \(counted.count)"
        if !counted.isEmpty { text += " (" + counted.map(initiativeName).joined(separator: ", ") + ")" }
        text += "; needs \(count)" + (inEach ? " a year" : "")
        let skipped = evidence.filter { !$0.counted }
        if !skipped.isEmpty {
            text += "; not counted: " + skipped.map { initiativeName($0) + " " + ($0.reason ?? "") }.joined(separator: ", ")
        }
        return (text, ConditionEvidence(years: window, initiatives: evidence))
    }

    private func awardEvidence(_ code: String, years: [Int], subject: SubjectHistory) -> [AwardEvidence] {
        subject.awards.filter { $0.code == code && years.contains($0.year) }.sorted { $0.year < $1.year }.map { award in
            let reason: String? =
                award.status != .valid
                ? award.status.rawValue
                : (award.feedsChains ? nil : "\(award.kind.rawValue) award does not feed a chain")
            return AwardEvidence(
                code: code, year: award.year, decisionNumber: award.decisionNumber,
                counted: reason == nil, reason: reason)
        }
    }

    private func awardList(_ evidence: [AwardEvidence]) -> String {
        evidence.filter(\.counted).map { award in
            award.decisionNumber.map { "\(award.year) (decision \($0))" } ?? String(award.year)
        }.joined(separator: ", ")
    }

    private func notCountedNote(_ evidence: [AwardEvidence]) -> String {
        let skipped = evidence.filter { !$0.counted }
        guard !skipped.isEmpty else { return "" }
        return "; not counted: " + skipped.map { "\($0.code) \($0.year) (\($0.reason ?? ""))" }.joined(separator: ", ")
    }

    private func initiativeName(_ initiative: InitiativeEvidence) -> String {
        (initiative.id.map { "\($0) " } ?? "") + "\(initiative.year) \(initiative.level.rawValue)"
    }

    private func span(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    private func ratingName(_ rank: Int) -> String {
        Rating.allCases.first { $0.rank == rank }?.rawValue ?? "not on record"
    }

    private func disciplineName(_ severity: Int) -> String {
        Discipline.allCases.first { $0.severity == severity }?.rawValue ?? "none"
    }

    private func disciplineNote(_ h: CompactHistory, _ year: Int, _ breaks: Bool) -> String {
        breaks && h.severity(year) > 0 ? " (disciplined: \(disciplineName(h.severity(year))))" : ""
    }
}
