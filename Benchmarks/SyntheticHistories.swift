import LaurelDomain

/// Deterministic synthetic people for the benchmark (`laurel bench`) and its tests: a seeded
/// generator of individual histories whose awards follow the rules most of the time.
public enum SyntheticHistories {
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
}
