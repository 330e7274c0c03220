/// One code, fast or explained; every code at once.
public struct EligibilityOutcome: Hashable, Sendable, Codable {
    public var code: String
    public var eligible: Bool
    /// As in `EligibilityVerdict.eligibleFrom`.
    public var eligibleFrom: Int?
}

extension EligibilityEngine {
    /// The full verdict: every condition with its evidence, the legal basis, "eligible from",
    /// and the bonus when eligible and `decisionDate` is given.
    public func verdict(
        for subject: SubjectHistory, code: String, year: Int, decisionDate: CalendarDate? = nil
    ) -> EligibilityVerdict {
        let kind = Self.kindIndex(subject.kind)
        guard let codeIndex = codeIndex[code] else {
            return EligibilityVerdict(
                subject: subject.id, code: code, year: year, eligible: false,
                conditions: [ConditionOutcome(id: "code.known", met: false, detail: "\(code) is not in the catalogue")],
                basis: "", eligibleFrom: nil, bonusVND: nil)
        }
        let entry = catalogue.entries[codeIndex]
        guard let (ruleIndex, outside) = selectRule(code: codeIndex, kind: kind, year: year) else {
            let kinds = entry.subjectKinds.map(\.rawValue).joined(separator: ", ")
            return EligibilityVerdict(
                subject: subject.id, code: code, year: year, eligible: false,
                conditions: [
                    ConditionOutcome(
                        id: "subject.kind", met: false, detail: "for \(kinds) only; subject is \(subject.kind.rawValue)",
                        kind: .applicability)
                ],
                basis: entry.legalBasis.map(\.description).joined(separator: "; "), eligibleFrom: nil, bonusVND: nil)
        }
        let rule = compiled[ruleIndex]
        var history = CompactHistory()
        history.load(subject, judging: year, through: lastSlotYear(judging: year), codeIndex: self.codeIndex)
        let eligible = satisfied(rule: ruleIndex, year: year, in: history)
        let conditions = explain(rule: ruleIndex, year: year, history: history, subject: subject)
        var basis = rule.source.basisText
        if outside { basis += " (the year lies outside the periods encoded; judged by the nearest rule)" }
        var from: Int?
        if !eligible {
            var first = [Int](repeating: OutcomeMark.never, count: catalogue.entries.count)
            replay(targets: UInt64(1) << UInt64(codeIndex), kind: kind, from: year, in: &history, firstEligible: &first)
            from = first[codeIndex] >= 0 ? first[codeIndex] : nil
        }
        var bonus: Int?
        if eligible, let decisionDate,
            case .success(let amount) = bonusCalculator.bonus(
                code: code, subjectKind: subject.kind, decisionDate: decisionDate)
        {
            bonus = amount.amountVND
        }
        return EligibilityVerdict(
            subject: subject.id, code: code, year: year, eligible: eligible, conditions: conditions,
            basis: basis, eligibleFrom: from, bonusVND: bonus)
    }

    /// Eligible or not, without explanation (the fast path).
    public func isEligible(_ subject: SubjectHistory, code: String, year: Int) -> Bool {
        guard let codeIndex = codeIndex[code] else { return false }
        var history = CompactHistory()
        history.load(subject, judging: year, through: year, codeIndex: self.codeIndex)
        return isEligible(code: codeIndex, kind: Self.kindIndex(subject.kind), year: year, in: history)
    }

    /// Every code of `codes` (default: every code for the subject's kind) judged for `year`,
    /// with "eligible from" — one replay for all of them.
    public func outcomes(for subject: SubjectHistory, year: Int, codes: [String]? = nil) -> [EligibilityOutcome] {
        let list = codes ?? catalogue.codes(for: subject.kind)
        var mask: UInt64 = 0
        for code in list { if let i = codeIndex[code] { mask |= UInt64(1) << UInt64(i) } }
        var history = CompactHistory()
        history.load(subject, judging: year, through: lastSlotYear(judging: year), codeIndex: codeIndex)
        var result = [Int](repeating: OutcomeMark.notChecked, count: catalogue.entries.count)
        outcomes(codes: mask, kind: Self.kindIndex(subject.kind), year: year, in: &history, result: &result)
        return list.map { code in
            guard let i = codeIndex[code] else { return EligibilityOutcome(code: code, eligible: false, eligibleFrom: nil) }
            return EligibilityOutcome(
                code: code, eligible: result[i] == OutcomeMark.eligible, eligibleFrom: result[i] >= 0 ? result[i] : nil)
        }
    }

    /// The bonus of `code` for a kind of subject on a decision date, with this engine's
    /// base-salary table and coefficient overrides.
    public func bonus(code: String, subjectKind: SubjectKind, decisionDate: CalendarDate) -> Result<BonusAmount, BonusError> {
        bonusCalculator.bonus(code: code, subjectKind: subjectKind, decisionDate: decisionDate)
    }
}
