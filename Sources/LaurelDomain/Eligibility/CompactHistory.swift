/// A subject's history as per-year integer arrays, built once per check so that every
/// condition is a few array reads. Slots run from `firstYear` to the last year a replay may
/// reach; years outside have no data.
struct CompactHistory: Sendable {
    struct UsedInitiative: Sendable {
        var year: Int
        var code: Int
        var rank: Int
    }

    var kindBit: UInt64 = 0
    /// 0 when the staff category is not recorded.
    var staffBit: UInt64 = 0
    var firstYear = 0
    /// Rating rank per year (excellent 3 … incomplete 0), −1 when not on record.
    var rating: [Int8] = []
    /// Discipline severity per year, 0 for none.
    var discipline: [Int8] = []
    /// Free initiatives per year: byte k−1 counts those of rank ≥ k (saturating).
    var freeInitiatives: [UInt32] = []
    /// Codes held per year (valid, chain-feeding awards), one bit per catalogue index.
    var held: [UInt64] = []
    /// Initiatives already used for a code (rare).
    var used: [UsedInitiative] = []
    var lastInitiativeYear = Int.min
    var members: [CompactHistory] = []
    var headCount = 0

    /// Fills the arrays from `subject`, reusing their storage, with slots through `lastYear`.
    mutating func load(_ subject: SubjectHistory, judging year: Int, through lastYear: Int, codeIndex: [String: Int]) {
        kindBit = RuleCompiler.bit(subject.kind)
        staffBit = subject.staffCategory.map(RuleCompiler.bit) ?? 0
        var first = year
        for entry in subject.years where entry.year < first { first = entry.year }
        for award in subject.awards where award.year < first { first = award.year }
        firstYear = first
        let count = max(lastYear - first + 1, 1)
        rating.removeAll(keepingCapacity: true)
        rating.append(contentsOf: repeatElement(-1, count: count))
        discipline.removeAll(keepingCapacity: true)
        discipline.append(contentsOf: repeatElement(0, count: count))
        freeInitiatives.removeAll(keepingCapacity: true)
        freeInitiatives.append(contentsOf: repeatElement(0, count: count))
        held.removeAll(keepingCapacity: true)
        held.append(contentsOf: repeatElement(0, count: count))
        used.removeAll(keepingCapacity: true)
        lastInitiativeYear = Int.min
        for entry in subject.years {
            let slot = entry.year - first
            guard slot < count else { continue }
            rating[slot] = Int8(entry.rating.rank)
            discipline[slot] = Int8(entry.discipline?.severity ?? 0)
            for initiative in entry.initiatives {
                lastInitiativeYear = max(lastInitiativeYear, entry.year)
                let rank = initiative.level.rank
                if let usedFor = initiative.usedFor {
                    used.append(UsedInitiative(year: entry.year, code: codeIndex[usedFor] ?? -1, rank: rank))
                } else {
                    var packed = freeInitiatives[slot]
                    for k in 0..<rank where (packed >> (8 * UInt32(k))) & 0xFF < 0xFF {
                        packed += 1 << (8 * UInt32(k))
                    }
                    freeInitiatives[slot] = packed
                }
            }
        }
        for award in subject.awards where award.feedsChains {
            let slot = award.year - first
            guard slot < count, let code = codeIndex[award.code] else { continue }
            held[slot] |= UInt64(1) << UInt64(code)
        }
        headCount = subject.headCount
        if subject.members.isEmpty {
            members.removeAll(keepingCapacity: true)
        } else {
            members = subject.members.map { member in
                var compact = CompactHistory()
                compact.load(member, judging: year, through: lastYear, codeIndex: codeIndex)
                return compact
            }
        }
    }

    @inline(__always) func ratingRank(_ year: Int) -> Int {
        let slot = year &- firstYear
        return slot >= 0 && slot < rating.count ? Int(rating[slot]) : -1
    }

    @inline(__always) func severity(_ year: Int) -> Int {
        let slot = year &- firstYear
        return slot >= 0 && slot < discipline.count ? Int(discipline[slot]) : 0
    }

    @inline(__always) func holds(_ code: Int, _ year: Int) -> Bool {
        let slot = year &- firstYear
        return slot >= 0 && slot < held.count && held[slot] & (UInt64(1) << UInt64(code)) != 0
    }

    /// Initiatives of rank ≥ `rank` in `year` that may count for `code`.
    @inline(__always) func initiatives(atLeast rank: Int, year: Int, for code: Int, reuse: Bool) -> Int {
        let slot = year &- firstYear
        guard slot >= 0, slot < freeInitiatives.count, rank >= 1 else { return 0 }
        var total = Int((freeInitiatives[slot] >> (8 * UInt32(rank - 1))) & 0xFF)
        if reuse, !used.isEmpty {
            for entry in used where entry.year == year && entry.code == code && entry.rank >= rank { total += 1 }
        }
        return total
    }

    // MARK: Replay

    /// Forgets everything after `year` (the replay assumes its own years).
    mutating func clear(after year: Int) {
        let start = max(year + 1 - firstYear, 0)
        for slot in start..<rating.count {
            rating[slot] = -1
            discipline[slot] = 0
            freeInitiatives[slot] = 0
            held[slot] = 0
        }
        used.removeAll { $0.year > year }
        if lastInitiativeYear > year {
            lastInitiativeYear = Int.min
            for slot in 0..<min(start, freeInitiatives.count) where freeInitiatives[slot] != 0 {
                lastInitiativeYear = firstYear + slot
            }
            for entry in used { lastInitiativeYear = max(lastInitiativeYear, entry.year) }
        }
        for index in members.indices { members[index].clear(after: year) }
    }

    /// A replayed year: rated excellent, no discipline, no new initiative.
    mutating func assumeExcellent(_ year: Int) {
        let slot = year - firstYear
        guard slot >= 0, slot < rating.count else { return }
        rating[slot] = Int8(Rating.excellent.rank)
        for index in members.indices { members[index].assumeExcellent(year) }
    }

    mutating func award(_ code: Int, _ year: Int) {
        let slot = year - firstYear
        guard slot >= 0, slot < held.count else { return }
        held[slot] |= UInt64(1) << UInt64(code)
    }
}
