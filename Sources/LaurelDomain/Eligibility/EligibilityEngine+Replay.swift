/// "Eligible from" (catalogue.md): replay the years from Y on — Y as recorded, later years rated
/// excellent with no discipline and no new initiative — awarding in each year every code the
/// subject is then eligible for, until the checked code is eligible. One replay answers every
/// code at once, which is what the all-codes check uses.
extension EligibilityEngine {
    /// Marker values of `outcomes(…)`: a year, or one of these.
    enum OutcomeMark {
        static let notChecked = -3
        static let eligible = -2
        static let never = -1
    }

    /// Replays from `year` and writes, for each code of `targets`, the first year it is
    /// eligible into `firstEligible[code]` (left untouched when never within the horizon).
    /// Mutates `history`: it holds the replayed years afterwards.
    func replay(targets: UInt64, kind: Int, from year: Int, in history: inout CompactHistory, firstEligible: inout [Int]) {
        var pending = targets
        for code in 0..<codeIndex.count where pending & (UInt64(1) << UInt64(code)) != 0 {
            if !isReachable(code: code, kind: kind) { pending &= ~(UInt64(1) << UInt64(code)) }
        }
        guard pending != 0 else { return }
        history.clear(after: year)
        var dummy: UInt64 = 0
        for t in year...(year + settings.replayHorizonYears) {
            if t > year { history.assumeExcellent(t) }
            if memberFeederCodes != 0 {
                for index in history.members.indices {
                    awardPass(
                        codes: memberFeederCodes, kind: 0, year: t, in: &history.members[index],
                        pending: &dummy, firstEligible: &firstEligible)
                }
            }
            awardPass(
                codes: feederCodes | pending, kind: kind, year: t, in: &history,
                pending: &pending, firstEligible: &firstEligible)
            if pending == 0 { return }
            pruneByInitiatives(pending: &pending, kind: kind, after: t, in: history)
            if pending == 0 { return }
        }
    }

    /// False when every rule of the code for the kind needs a person's judgement (or there is none).
    func isReachable(code: Int, kind: Int) -> Bool {
        let range = candidateStart[code * 3 + kind]..<candidateStart[code * 3 + kind + 1]
        return range.contains { !ruleInfo[candidates[$0]].neverAutomatic }
    }

    /// Awards, in year `year`, every code of `codes` the subject is eligible for and does not
    /// hold; resolves the pending targets that are eligible.
    private func awardPass(
        codes: UInt64, kind: Int, year: Int, in history: inout CompactHistory,
        pending: inout UInt64, firstEligible: inout [Int]
    ) {
        var changed = true
        while changed {
            changed = false
            for code in replayOrder {
                let bit = UInt64(1) << UInt64(code)
                guard codes & bit != 0 else { continue }
                let isTarget = pending & bit != 0
                let holds = history.holds(code, year)
                if holds && !isTarget { continue }
                guard isEligible(code: code, kind: kind, year: year, in: history) else { continue }
                if !holds {
                    history.award(code, year)
                    changed = replayNeedsFixpoint
                }
                if isTarget {
                    firstEligible[code] = year
                    pending &= ~bit
                }
            }
        }
    }

    /// Drops targets whose rule needs an initiative in a window that now starts after the last
    /// initiative on record: the replay adds none, so they can never hold.
    private func pruneByInitiatives(pending: inout UInt64, kind: Int, after year: Int, in history: CompactHistory) {
        for code in 0..<codeIndex.count where pending & (UInt64(1) << UInt64(code)) != 0 {
            guard let (rule, _) = selectRule(code: code, kind: kind, year: year + 1),
                case let start = ruleInfo[rule].initiativeWindowStart, start != Int.min
            else { continue }
            if year + 1 + start > history.lastInitiativeYear { pending &= ~(UInt64(1) << UInt64(code)) }
        }
    }

    /// Every code of `codes` judged for `year`: `OutcomeMark.eligible`, a first year, or
    /// `OutcomeMark.never`, written into `result[code]` (others are `notChecked`). The history
    /// is replayed in place.
    func outcomes(codes: UInt64, kind: Int, year: Int, in history: inout CompactHistory, result: inout [Int]) {
        var ineligible: UInt64 = 0
        for code in 0..<codeIndex.count {
            let bit = UInt64(1) << UInt64(code)
            guard codes & bit != 0 else {
                result[code] = OutcomeMark.notChecked
                continue
            }
            if isEligible(code: code, kind: kind, year: year, in: history) {
                result[code] = OutcomeMark.eligible
            } else {
                result[code] = OutcomeMark.never
                ineligible |= bit
            }
        }
        if ineligible != 0 {
            replay(targets: ineligible, kind: kind, from: year, in: &history, firstEligible: &result)
        }
    }
}
