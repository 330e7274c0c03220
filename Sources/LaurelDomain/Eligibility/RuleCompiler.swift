/// Turns `AwardRule`s into `CompiledRule`s once, when an engine is made, and reports what is
/// wrong with a rule (unknown code, window out of range) instead of failing later.
struct RuleCompiler {
    let codeIndex: [String: Int]
    let settings: EligibilitySettings
    var problems: [String] = []

    /// Windows may look this far back; held-in-years offsets fit a 64-bit mask.
    static let oldestOffset = -40

    init(codeIndex: [String: Int], settings: EligibilitySettings) {
        self.codeIndex = codeIndex
        self.settings = settings
    }

    mutating func compile(_ rule: AwardRule) -> CompiledRule? {
        guard let code = codeIndex[rule.code] else {
            problems.append("rule for unknown code \(rule.code)")
            return nil
        }
        var compiled = CompiledRule(code: code, source: rule)
        compiled.kindMask = rule.subjectKinds.reduce(0) { $0 | Self.bit($1) }
        compiled.fromKey = rule.validFrom?.key ?? 0
        compiled.untilKey = rule.validUntil?.key ?? Int.max
        compiled.topCount = rule.conditions.count
        compiled.steps = rule.conditions.map { _ in CompiledRule.Step(op: .manual) }
        compiled.conditions = rule.conditions
        for (index, condition) in rule.conditions.enumerated() {
            let compiledStep = step(condition, in: &compiled, context: rule.code)
            compiled.steps[index] = compiledStep
        }
        compiled.neverAutomatic = Self.needsManual(rule.conditions)
        compiled.initiativeWindowStart = Self.initiativeStart(rule.conditions)
        return compiled
    }

    static func bit(_ kind: SubjectKind) -> UInt64 {
        switch kind {
        case .individual: 1
        case .collective: 2
        case .household: 4
        }
    }

    static func bit(_ category: StaffCategory) -> UInt64 {
        UInt64(1) << UInt64(StaffCategory.allCases.firstIndex(of: category) ?? 0)
    }

    private mutating func step(_ named: RuleCondition, in rule: inout CompiledRule, context: String) -> CompiledRule.Step {
        let where_ = "\(context) \(named.id)"
        func window(_ w: YearWindow) -> (Int, Int) {
            if w.from < Self.oldestOffset || w.to > 0 {
                problems.append("\(where_): window \(w) must lie within Y\(Self.oldestOffset)…Y")
            }
            return (max(w.from, Self.oldestOffset), min(w.to, 0))
        }
        func index(_ code: String) -> Int {
            guard let i = codeIndex[code] else {
                problems.append("\(where_): unknown code \(code)")
                return 0
            }
            return i
        }
        func bit(_ i: Int) -> UInt64 { UInt64(1) << UInt64(i) }
        let breaks = settings.disciplineBreaksWindows

        switch named.condition {
        case .subjectKind(let kinds):
            return .init(op: .kindIn, mask: kinds.reduce(0) { $0 | Self.bit($1) })
        case .staffCategory(let categories, let unknownMeets):
            return .init(op: .staffIn, flag: unknownMeets, mask: categories.reduce(0) { $0 | Self.bit($1) })
        case .ratingInEach(let rating, let w):
            let (from, to) = window(w)
            return .init(op: .ratingEach, level: rating.rank, from: from, to: to, flag: breaks)
        case .ratingTimes(let rating, let times, let w):
            let (from, to) = window(w)
            return .init(op: .ratingTimes, level: rating.rank, from: from, to: to, count: times, flag: breaks)
        case .noDiscipline(let severity, let w):
            let (from, to) = window(w)
            return .init(op: .noDiscipline, level: severity.severity, from: from, to: to)
        case .heldInYears(let code, let offsets):
            let i = index(code)
            var mask: UInt64 = 0
            for offset in offsets {
                if offset > 0 || offset < Self.oldestOffset {
                    problems.append("\(where_): offset \(offset) must lie within \(Self.oldestOffset)…0")
                } else {
                    mask |= UInt64(1) << UInt64(-offset)
                }
            }
            rule.readsCodes |= bit(i)
            if mask & 1 != 0 { rule.sameYearCodes |= bit(i) }
            return .init(op: .heldInYears, code: i, mask: mask)
        case .heldTimes(let code, let times, let w, let consecutive):
            let i = index(code)
            let (from, to) = window(w)
            rule.readsCodes |= bit(i)
            if to == 0 { rule.sameYearCodes |= bit(i) }
            return .init(op: .heldTimes, code: i, from: from, to: to, count: times, flag: consecutive)
        case .heldBefore(let code, let w):
            let i = index(code)
            let (from, to) = window(w)
            rule.readsCodes |= bit(i)
            return .init(op: .heldBefore, code: i, from: from, to: to)
        case .initiatives(let level, let count, let w, let inEach):
            let (from, to) = window(w)
            return .init(op: .initiatives, level: level.rank, from: from, to: to, count: count, flag: inEach)
        case .memberShareHolding(let code, let percent):
            if !(0...100).contains(percent) { problems.append("\(where_): percent \(percent) outside 0…100") }
            let i = index(code)
            rule.readsMemberCodes |= bit(i)
            return .init(op: .memberShare, code: i, count: percent)
        case .membersHolding(let code, let count):
            let i = index(code)
            rule.readsMemberCodes |= bit(i)
            return .init(op: .membersHolding, code: i, count: count)
        case .everyMemberRating(let rating):
            return .init(op: .everyMemberRating, level: rating.rank)
        case .noMemberDiscipline(let severity):
            return .init(op: .noMemberDiscipline, level: severity.severity)
        case .anyOf(let alternatives):
            let altStart = rule.alternatives.count
            // Reserve the alternatives' slots first so nested anyOf keep contiguous ranges.
            var ranges: [Range<Int>] = []
            for alternative in alternatives {
                let start = rule.steps.count
                rule.steps += alternative.map { _ in CompiledRule.Step(op: .manual) }
                rule.conditions += alternative
                ranges.append(start..<rule.steps.count)
            }
            rule.alternatives += ranges
            for (range, alternative) in zip(ranges, alternatives) {
                for (offset, condition) in alternative.enumerated() {
                    let compiledStep = step(condition, in: &rule, context: context)
                    rule.steps[range.lowerBound + offset] = compiledStep
                }
            }
            return .init(op: .anyOf, altStart: altStart, altEnd: rule.alternatives.count)
        case .manual:
            return .init(op: .manual)
        }
    }

    /// True when every way to satisfy `conditions` passes through a manual condition.
    static func needsManual(_ conditions: [RuleCondition]) -> Bool {
        conditions.contains { named in
            switch named.condition {
            case .manual: true
            case .anyOf(let alternatives): alternatives.allSatisfy { needsManual($0) }
            default: false
            }
        }
    }

    /// See `CompiledRule.initiativeWindowStart`.
    static func initiativeStart(_ conditions: [RuleCondition]) -> Int? {
        var best: Int?
        for named in conditions {
            var start: Int?
            switch named.condition {
            case .initiatives(_, let count, let w, _) where count > 0:
                start = w.from
            case .anyOf(let alternatives) where !alternatives.isEmpty:
                let starts = alternatives.map { initiativeStart($0) }
                if starts.allSatisfy({ $0 != nil }) { start = starts.compactMap { $0 }.min() }
            default:
                break
            }
            if let start { best = max(best ?? start, start) }
        }
        return best
    }
}
