/// Deterministic synthetic people for the benchmark (`laurel bench`) and for tests: a seeded
/// generator of individual histories whose awards follow the rules most of the time, and a
/// function that checks every code for all of them and returns counts.
public enum SyntheticHistories {
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

    /// `count` individuals with `years` assessed years ending with `lastYear`. The same seed
    /// gives the same people; person i depends only on the seed and i.
    public static func generate(count: Int, years: Int = 10, lastYear: Int = 2025, seed: UInt64 = 2025) -> [SubjectHistory] {
        (0..<count).map { person(index: $0, years: years, lastYear: lastYear, seed: seed) }
    }

    public static func person(index: Int, years: Int, lastYear: Int, seed: UInt64) -> SubjectHistory {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD134_2543_DE82_EF95))
        let staff: StaffCategory =
            switch random.perMille() {
            case ..<50: .armedForces
            case ..<500: .civilServant
            case ..<850: .publicEmployee
            default: .worker
            }
        var history = SubjectHistory(
            id: "p-\(index)", kind: .individual, staffCategory: staff,
            holdsManagementPost: random.perMille() < 150)
        history.years.reserveCapacity(years)
        var cstdcs: [Int] = []
        var ministerial: [Int] = []
        var bkBO: Int?
        var goodRun = 0
        for year in (lastYear - years + 1)...lastYear {
            let draw = random.perMille()
            let rating: Rating = draw < 300 ? .excellent : draw < 800 ? .good : draw < 960 ? .complete : .incomplete
            let discipline: Discipline? = random.perMille() < 20 ? (random.perMille() < 800 ? .reprimand : .warning) : nil
            var initiatives: [SubjectHistory.Initiative] = []
            let idea = random.perMille()
            if idea < 5 {
                initiatives.append(.init(level: .national))
            } else if idea < 45 {
                initiatives.append(.init(level: .ministerialProvincial))
            } else if idea < 230 {
                initiatives.append(.init(level: .grassroots))
            }
            let good = rating >= .good && discipline == nil
            goodRun = good ? goodRun + 1 : 0
            if good && random.perMille() < 950 {
                history.awards.append(.init(code: staff == .armedForces ? "CSTT" : "LDTT", year: year))
            }
            if good && (rating == .excellent || !initiatives.isEmpty) && random.perMille() < 850 {
                history.awards.append(.init(code: "CSTDCS", year: year, status: random.perMille() < 10 ? .revoked : .valid))
                cstdcs.append(year)
                if rating != .excellent, !initiatives.isEmpty, random.perMille() < 500 {
                    initiatives[0].usedFor = "CSTDCS"
                }
            }
            if initiatives.contains(where: { $0.level >= .ministerialProvincial }) { ministerial.append(year) }
            let three = (0..<3).allSatisfy { cstdcs.contains(year - $0) }
            if three, ministerial.contains(where: { $0 > year - 3 }), random.perMille() < 700 {
                history.awards.append(.init(code: "CSTD_BO", year: year))
            }
            if cstdcs.contains(year), cstdcs.contains(year - 1), bkBO == nil, random.perMille() < 400 {
                history.awards.append(.init(code: "BK_BO", year: year))
                bkBO = year
            }
            if let bk = bkBO, year - 5 >= bk, goodRun >= 5, cstdcs.filter({ $0 > year - 5 }).count >= 3,
                random.perMille() < 300
            {
                history.awards.append(.init(code: "BK_TTG", year: year))
            }
            if random.perMille() < 20 { history.awards.append(.init(code: "GK", year: year, kind: .adHoc)) }
            history.years.append(.init(year: year, rating: rating, discipline: discipline, initiatives: initiatives))
        }
        return history
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
