/// Judges subjects against the rule book. Made once (rules compiled to integer data), then
/// shared freely: it is an immutable value, safe to use from any number of tasks.
///
/// ```swift
/// let engine = EligibilityEngine.standard            // or try EligibilityEngine(settings: mine)
/// let verdict = engine.verdict(for: person, code: "CSTD_BO", year: 2024,
///                              decisionDate: CalendarDate("2025-01-15"))
/// verdict.eligible, verdict.conditions, verdict.eligibleFrom, verdict.bonusVND
/// ```
public struct EligibilityEngine: Sendable {
    public let catalogue: AwardCatalogue
    public let settings: EligibilitySettings
    /// The effective rules: the settings' overrides first, then the standard rule book.
    public let ruleBook: RuleBook
    public let bonusCalculator: BonusCalculator

    let codeIndex: [String: Int]
    /// The compiled rules, with their sources, for explanations.
    let compiled: [CompiledRule]
    /// The hot path's copy of every rule: trivial values only, so that reading them retains
    /// nothing (copying a `CompiledRule` cost half the time of a check).
    let ruleInfo: [RuleInfo]
    /// Every rule's steps, concatenated; anyOf ranges absolute.
    let steps: [CompiledRule.Step]
    /// Alternatives of every rule: absolute ranges into `steps`.
    let alternativeRanges: [Range<Int>]
    /// Rules per (code, kind): candidates[candidateStart[code * 3 + kind] ..< candidateStart[… + 1]].
    let candidateStart: [Int]
    let candidates: [Int]
    /// Codes in an order where a code comes after those it reads in the same year.
    let replayOrder: [Int]
    /// The same-year reading has a cycle: the replay repeats each year until nothing changes.
    let replayNeedsFixpoint: Bool
    /// Codes whose holding some rule reads (own awards; members' awards).
    let feederCodes: UInt64
    let memberFeederCodes: UInt64
    let reuseUsedInitiatives: Bool

    /// The engine of the standard catalogue with default settings.
    public static let standard: EligibilityEngine = {
        do {
            return try EligibilityEngine()
        } catch {
            preconditionFailure("the standard rule book does not compile: \(error)")
        }
    }()

    public init(
        catalogue: AwardCatalogue = .standard, settings: EligibilitySettings = .default
    )
        throws(EligibilityConfigurationError)
    {
        var problems: [String] = []
        if catalogue.entries.count > 64 { problems.append("at most 64 codes are supported") }
        if !(0...40).contains(settings.replayHorizonYears) { problems.append("replayHorizonYears must be 0…40") }
        var index: [String: Int] = [:]
        for (i, entry) in catalogue.entries.enumerated() {
            if index[entry.code] != nil { problems.append("duplicate code \(entry.code)") }
            index[entry.code] = i
        }
        for override in settings.coefficientOverrides where index[override.code] == nil {
            problems.append("coefficient override for unknown code \(override.code)")
        }
        let book = RuleBook(rules: settings.ruleOverrides + RuleBook.standard(catalogue: catalogue, settings: settings).rules)
        var compiler = RuleCompiler(codeIndex: index, settings: settings)
        var compiled = book.rules.compactMap { compiler.compile($0) }
        problems += compiler.problems
        guard problems.isEmpty else { throw EligibilityConfigurationError(problems: problems) }

        let codeCount = catalogue.entries.count
        var start = [0]
        var list: [Int] = []
        for code in 0..<codeCount {
            for kind in SubjectKind.allCases {
                let bit = RuleCompiler.bit(kind)
                list += compiled.indices.filter { compiled[$0].code == code && compiled[$0].kindMask & bit != 0 }
                start.append(list.count)
            }
        }
        var sameYear = [UInt64](repeating: 0, count: codeCount)
        var feeders: UInt64 = 0
        var memberFeeders: UInt64 = 0
        for rule in compiled {
            sameYear[rule.code] |= rule.sameYearCodes
            feeders |= rule.readsCodes
            memberFeeders |= rule.readsMemberCodes
        }
        let (order, cyclic) = Self.replayOrder(sameYear: sameYear)
        self.catalogue = catalogue
        self.settings = settings
        self.ruleBook = book
        self.bonusCalculator = BonusCalculator(
            catalogue: catalogue, baseSalaries: settings.baseSalaries, overrides: settings.coefficientOverrides)
        (self.ruleInfo, self.steps, self.alternativeRanges) = Self.flatten(compiled)
        for index in compiled.indices { compiled[index].stepBase = ruleInfo[index].stepBase }
        self.codeIndex = index
        self.compiled = compiled
        self.candidateStart = start
        self.candidates = list
        self.replayOrder = order
        self.replayNeedsFixpoint = cyclic
        self.feederCodes = feeders
        self.memberFeederCodes = Self.closure(memberFeeders, compiled: compiled)
        self.reuseUsedInitiatives = settings.initiativeReuse == .onlyForItsCode
    }

    /// Topological order of codes by same-year reads (Kahn); catalogue order among equals.
    static func replayOrder(sameYear: [UInt64]) -> (order: [Int], cyclic: Bool) {
        var order: [Int] = []
        var placed: UInt64 = 0
        while order.count < sameYear.count {
            guard
                let next = sameYear.indices.first(where: { code in
                    placed & (UInt64(1) << UInt64(code)) == 0
                        && sameYear[code] & ~placed & ~(UInt64(1) << UInt64(code)) == 0
                })
            else {
                let rest = sameYear.indices.filter { placed & (UInt64(1) << UInt64($0)) == 0 }
                return (order + rest, true)
            }
            order.append(next)
            placed |= UInt64(1) << UInt64(next)
        }
        let selfReading = sameYear.indices.contains { sameYear[$0] & (UInt64(1) << UInt64($0)) != 0 }
        return (order, selfReading)
    }

    /// `codes` and every code their rules read, transitively.
    static func closure(_ codes: UInt64, compiled: [CompiledRule]) -> UInt64 {
        var mask = codes
        while true {
            var next = mask
            for rule in compiled where mask & (UInt64(1) << UInt64(rule.code)) != 0 { next |= rule.readsCodes }
            if next == mask { return mask }
            mask = next
        }
    }

    /// What the hot path needs of a rule, as plain integers.
    struct RuleInfo: Sendable {
        var code: Int
        var stepBase: Int
        var topCount: Int
        var fromKey: Int
        var untilKey: Int
        var neverAutomatic: Bool
        /// `CompiledRule.initiativeWindowStart`, or Int.min.
        var initiativeWindowStart: Int
    }

    static func flatten(_ rules: [CompiledRule]) -> ([RuleInfo], [CompiledRule.Step], [Range<Int>]) {
        var infos: [RuleInfo] = []
        var steps: [CompiledRule.Step] = []
        var alternatives: [Range<Int>] = []
        for rule in rules {
            let stepBase = steps.count
            let altBase = alternatives.count
            infos.append(
                RuleInfo(
                    code: rule.code, stepBase: stepBase, topCount: rule.topCount, fromKey: rule.fromKey,
                    untilKey: rule.untilKey, neverAutomatic: rule.neverAutomatic,
                    initiativeWindowStart: rule.initiativeWindowStart ?? Int.min))
            steps += rule.steps.map { step in
                var step = step
                step.altStart += altBase
                step.altEnd += altBase
                return step
            }
            alternatives += rule.alternatives.map { ($0.lowerBound + stepBase)..<($0.upperBound + stepBase) }
        }
        return (infos, steps, alternatives)
    }

    static func kindIndex(_ kind: SubjectKind) -> Int {
        switch kind {
        case .individual: 0
        case .collective: 1
        case .household: 2
        }
    }

    /// The rule that judges `year` for a code and kind: the one in force on 31 December of the
    /// year (overrides first); outside every period, the nearest one, flagged.
    func selectRule(code: Int, kind: Int, year: Int) -> (rule: Int, outsidePeriod: Bool)? {
        let range = candidateStart[code * 3 + kind]..<candidateStart[code * 3 + kind + 1]
        guard !range.isEmpty else { return nil }
        let key = year * 10_000 + 1231
        for i in range {
            let rule = candidates[i]
            if ruleInfo[rule].fromKey <= key && key <= ruleInfo[rule].untilKey { return (rule, false) }
        }
        var nearest = candidates[range.lowerBound]
        for i in range {
            let rule = candidates[i]
            let distance = key < ruleInfo[rule].fromKey ? ruleInfo[rule].fromKey - key : key - ruleInfo[rule].untilKey
            let best = key < ruleInfo[nearest].fromKey ? ruleInfo[nearest].fromKey - key : key - ruleInfo[nearest].untilKey
            if distance < best { nearest = rule }
        }
        return (nearest, true)
    }

    /// The last slot a check of `year` may need (the replay's horizon).
    func lastSlotYear(judging year: Int) -> Int { year + settings.replayHorizonYears }
}

extension EligibilityEngine: CustomStringConvertible {
    /// Short, so that a failed expectation or a log line does not print every compiled rule.
    public var description: String {
        "EligibilityEngine(\(catalogue.entries.count) codes, \(compiled.count) rules)"
    }
}
