@testable import LaurelDomain

/// Small builders for histories in tests.
enum Fixture {
    static func person(
        _ id: String = "p", staff: StaffCategory = .civilServant, ratings: [Int: Rating],
        discipline: [Int: Discipline] = [:], initiatives: [Int: [SubjectHistory.Initiative]] = [:],
        awards: [SubjectHistory.Award] = []
    ) -> SubjectHistory {
        SubjectHistory(
            id: id, kind: .individual, staffCategory: staff,
            years: ratings.keys.sorted().map { year in
                .init(year: year, rating: ratings[year]!, discipline: discipline[year], initiatives: initiatives[year] ?? [])
            },
            awards: awards)
    }

    static func award(
        _ code: String, _ year: Int, _ status: AwardStatus = .valid, kind: AwardKind = .merit,
        decision: String? = nil
    ) -> SubjectHistory.Award {
        .init(code: code, year: year, status: status, kind: kind, decisionNumber: decision)
    }

    static func excellent(_ years: ClosedRange<Int>) -> [Int: Rating] {
        Dictionary(uniqueKeysWithValues: years.map { ($0, Rating.excellent) })
    }

    /// A collective of `holders` members holding LDTT in `year` and `others` rated complete.
    static func collective(
        _ id: String = "c", year: Int, rating: Rating, holders: Int, others: Int,
        memberDiscipline: Discipline? = nil, cstdcsHolder: Bool = false
    ) -> SubjectHistory {
        var members: [SubjectHistory] = []
        for i in 0..<holders {
            var awards = [award("LDTT", year)]
            if cstdcsHolder && i == 0 { awards.append(award("CSTDCS", year)) }
            members.append(person("h\(i)", staff: .publicEmployee, ratings: [year: .good], awards: awards))
        }
        for i in 0..<others {
            let discipline: [Int: Discipline] = i == 0 && memberDiscipline != nil ? [year: memberDiscipline!] : [:]
            members.append(person("o\(i)", staff: .publicEmployee, ratings: [year: .complete], discipline: discipline))
        }
        return SubjectHistory(id: id, kind: .collective, years: [.init(year: year, rating: rating)], members: members)
    }
}
