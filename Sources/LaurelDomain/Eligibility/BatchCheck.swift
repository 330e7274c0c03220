/// Every code checked for many subjects at once, counted rather than explained: the engine's
/// batch path, for a figure over many people (the bench times it on 100,000).
public enum BatchCheck {
    /// How many checks came out which way, overall and per code.
    public struct Counts: Hashable, Sendable, Codable {
        public struct PerCode: Hashable, Sendable, Codable {
            public var code: String
            public var eligible = 0
            /// Not eligible, with an "eligible from" year.
            public var eligibleLater = 0
            /// Not eligible and never within the replay horizon.
            public var never = 0
        }

        public var subjects = 0
        public var checks = 0
        public var eligible = 0
        public var eligibleLater = 0
        public var never = 0
        public var perCode: [PerCode]

        init(codes: [String]) {
            perCode = codes.map { PerCode(code: $0) }
        }

        mutating func add(_ other: Counts) {
            subjects += other.subjects
            checks += other.checks
            eligible += other.eligible
            eligibleLater += other.eligibleLater
            never += other.never
            for index in perCode.indices {
                perCode[index].eligible += other.perCode[index].eligible
                perCode[index].eligibleLater += other.perCode[index].eligibleLater
                perCode[index].never += other.perCode[index].never
            }
        }
    }

    /// Checks every code for each subject's kind, in the year given or each subject's last
    /// year, with "eligible from" for those not eligible; on the calling thread.
    public static func checkAll(_ subjects: [SubjectHistory], engine: EligibilityEngine = .standard, year: Int? = nil) -> Counts {
        checkAll(subjects[...], engine: engine, year: year)
    }

    /// The same, split over `workers` tasks (use the number of cores).
    public static func checkAll(
        _ subjects: [SubjectHistory], engine: EligibilityEngine = .standard, year: Int? = nil, workers: Int
    ) async -> Counts {
        let workers = max(1, min(workers, subjects.count))
        let size = (subjects.count + workers - 1) / max(workers, 1)
        return await withTaskGroup(of: Counts.self) { group in
            for start in stride(from: 0, to: subjects.count, by: max(size, 1)) {
                let slice = subjects[start..<min(start + size, subjects.count)]
                group.addTask {
                    // A private copy of the compiled rules per worker: shared array buffers would
                    // make the cores fight over their reference counts.
                    let own = (try? EligibilityEngine(catalogue: engine.catalogue, settings: engine.settings)) ?? engine
                    return checkAll(slice, engine: own, year: year)
                }
            }
            var total = Counts(codes: engine.catalogue.codes)
            for await part in group { total.add(part) }
            return total
        }
    }

    static func checkAll(_ subjects: ArraySlice<SubjectHistory>, engine: EligibilityEngine, year: Int?) -> Counts {
        var counts = Counts(codes: engine.catalogue.codes)
        var history = CompactHistory()
        var result = [Int](repeating: 0, count: engine.catalogue.entries.count)
        var masks = [UInt64](repeating: 0, count: SubjectKind.allCases.count)
        for (index, entry) in engine.catalogue.entries.enumerated() {
            for kind in entry.subjectKinds { masks[EligibilityEngine.kindIndex(kind)] |= UInt64(1) << UInt64(index) }
        }
        for subject in subjects {
            guard let judged = year ?? subject.years.last?.year else { continue }
            let kind = EligibilityEngine.kindIndex(subject.kind)
            history.load(subject, judging: judged, through: engine.lastSlotYear(judging: judged), codeIndex: engine.codeIndex)
            engine.outcomes(codes: masks[kind], kind: kind, year: judged, in: &history, result: &result)
            counts.subjects += 1
            for code in result.indices where result[code] != EligibilityEngine.OutcomeMark.notChecked {
                counts.checks += 1
                switch result[code] {
                case EligibilityEngine.OutcomeMark.eligible:
                    counts.eligible += 1
                    counts.perCode[code].eligible += 1
                case EligibilityEngine.OutcomeMark.never:
                    counts.never += 1
                    counts.perCode[code].never += 1
                default:
                    counts.eligibleLater += 1
                    counts.perCode[code].eligibleLater += 1
                }
            }
        }
        return counts
    }
}
