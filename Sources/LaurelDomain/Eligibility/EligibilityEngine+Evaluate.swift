/// The hot path: whether a compiled rule holds for a compact history in a year. Integer work
/// over a handful of years; no strings, no allocation.
extension EligibilityEngine {
    func satisfied(rule: Int, year: Int, in history: CompactHistory) -> Bool {
        let info = ruleInfo[rule]
        for index in info.stepBase..<(info.stepBase + info.topCount)
        where !holds(step: index, code: info.code, year: year, in: history) {
            return false
        }
        return true
    }

    /// Step `index` (absolute, into `steps`) of a rule of `code`.
    func holds(step index: Int, code: Int, year: Int, in h: CompactHistory) -> Bool {
        let step = steps[index]
        switch step.op {
        case .kindIn:
            return step.mask & h.kindBit != 0
        case .staffIn:
            return h.staffBit == 0 ? step.flag : step.mask & h.staffBit != 0
        case .ratingEach:
            for y in (year + step.from)...(year + step.to) {
                if h.ratingRank(y) < step.level || (step.flag && h.severity(y) > 0) { return false }
            }
            return true
        case .ratingTimes:
            var times = 0
            for y in (year + step.from)...(year + step.to)
            where h.ratingRank(y) >= step.level && !(step.flag && h.severity(y) > 0) {
                times += 1
            }
            return times >= step.count
        case .noDiscipline:
            for y in (year + step.from)...(year + step.to) where h.severity(y) >= step.level { return false }
            return true
        case .heldInYears:
            var mask = step.mask
            while mask != 0 {
                let back = mask.trailingZeroBitCount
                if !h.holds(step.code, year - back) { return false }
                mask &= mask &- 1
            }
            return true
        case .heldTimes:
            var times = 0
            var run = 0
            var best = 0
            for y in (year + step.from)...(year + step.to) {
                if h.holds(step.code, y) {
                    times += 1
                    run += 1
                    best = max(best, run)
                } else {
                    run = 0
                }
            }
            return (step.flag ? best : times) >= step.count
        case .heldBefore:
            let end = year + step.from
            var y = h.firstYear
            while y < end {
                if h.holds(step.code, y) { return true }
                y += 1
            }
            return false
        case .initiatives:
            var total = 0
            for y in (year + step.from)...(year + step.to) {
                let count = h.initiatives(atLeast: step.level, year: y, for: code, reuse: reuseUsedInitiatives)
                if step.flag {
                    if count < step.count { return false }
                } else {
                    total += count
                }
            }
            return step.flag || total >= step.count
        case .memberShare:
            guard h.headCount > 0 else { return false }
            var holders = 0
            for member in h.members where member.holds(step.code, year) { holders += 1 }
            return holders * 100 >= step.count * h.headCount
        case .membersHolding:
            var holders = 0
            for member in h.members where member.holds(step.code, year) { holders += 1 }
            return holders >= step.count
        case .everyMemberRating:
            guard h.headCount > 0, h.members.count >= h.headCount else { return false }
            for member in h.members where member.ratingRank(year) < step.level { return false }
            return true
        case .noMemberDiscipline:
            for member in h.members where member.severity(year) >= step.level { return false }
            return true
        case .anyOf:
            for alternative in step.altStart..<step.altEnd {
                var all = true
                for inner in alternativeRanges[alternative] where !holds(step: inner, code: code, year: year, in: h) {
                    all = false
                    break
                }
                if all { return true }
            }
            return false
        case .manual:
            return false
        }
    }

    /// Whether `code` (catalogue index) is eligible in `year` for a loaded history.
    func isEligible(code: Int, kind: Int, year: Int, in history: CompactHistory) -> Bool {
        guard let (rule, _) = selectRule(code: code, kind: kind, year: year) else { return false }
        return satisfied(rule: rule, year: year, in: history)
    }
}
