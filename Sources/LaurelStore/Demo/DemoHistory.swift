import LaurelDomain
import SQLKit

/// Five years (2021–2025) of records for the demo's people and units, so a newcomer sees record
/// pages with something on them: yearly ratings, a little discipline, initiatives, Lao động tiên
/// tiến most years, Chiến sĩ thi đua cơ sở for those with an initiative, a few Bằng khen.
public enum DemoHistory {
    public static let years = 2021...2025

    public struct Generated: Sendable {
        public var assessments: [RecordLoader.AssessmentRow] = []
        public var awards: [RecordLoader.AwardRow] = []
        public var initiatives: [(InitiativeDraft, unitId: Int64)] = []
    }

    /// The history for these people (id, unit id) and units, the same for the same seed.
    public static func generate(people: [(id: Int64, unitId: Int64)], units: [Int64], seed: UInt64 = 2026) -> Generated {
        var random = SplitMix64(seed: seed)
        var out = Generated()
        var decision = 100
        for person in people {
            var excellentYears = 0
            for year in years {
                let draw = random.perMille()
                let rating: Rating = draw < 250 ? .excellent : draw < 800 ? .good : draw < 970 ? .complete : .incomplete
                let discipline: Discipline? = rating <= .complete && random.perMille() < 150 ? .reprimand : nil
                out.assessments.append(
                    .init(
                        subject: .person(person.id), draft: AssessmentDraft(year: year, rating: rating, discipline: discipline, notes: nil))
                )
                guard rating >= .good, discipline == nil else {
                    excellentYears = 0
                    continue
                }
                decision += 1
                let date = CalendarDate(year: year, month: 12, day: 20)
                out.awards.append(
                    .init(
                        subject: .person(person.id),
                        draft: AwardDraft(
                            code: "LDTT", year: year, kind: .merit, decisionNumber: "\(decision)/QĐ-TĐKT", decisionDate: date,
                            authority: "Thủ trưởng đơn vị")))
                guard rating == .excellent else {
                    excellentYears = 0
                    continue
                }
                excellentYears += 1
                if random.perMille() < 400 {
                    out.initiatives.append(
                        (
                            InitiativeDraft(
                                title: "Sáng kiến cải tiến quy trình \(titles[Int(random.next() % UInt64(titles.count))]) \(year)",
                                year: year, level: .grassroots,
                                decisionNumber: "\(decision)/QĐ-HĐSK", authors: [.init(personId: person.id, share: 100)]),
                            unitId: person.unitId
                        ))
                    out.awards.append(
                        .init(
                            subject: .person(person.id),
                            draft: AwardDraft(
                                code: "CSTDCS", year: year, kind: .merit, decisionNumber: "\(decision)/QĐ-TĐKT", decisionDate: date,
                                authority: "Thủ trưởng đơn vị")))
                }
                if excellentYears >= 2 && random.perMille() < 300 {
                    out.awards.append(
                        .init(
                            subject: .person(person.id),
                            draft: AwardDraft(
                                code: "BK_BO", year: year, kind: .merit, decisionNumber: "\(decision + 5000)/QĐ-UBND",
                                decisionDate: CalendarDate(year: year, month: 12, day: 28), authority: "Chủ tịch Ủy ban nhân dân tỉnh")))
                    excellentYears = 0
                }
            }
        }
        for unit in units {
            for year in years {
                let excellent = random.perMille() < 400
                out.assessments.append(
                    .init(
                        subject: .unit(unit),
                        draft: AssessmentDraft(year: year, rating: excellent ? .excellent : .good, discipline: nil, notes: nil)))
                if excellent {
                    decision += 1
                    out.awards.append(
                        .init(
                            subject: .unit(unit),
                            draft: AwardDraft(
                                code: "TTLDTT", year: year, kind: .merit, decisionNumber: "\(decision)/QĐ-TĐKT",
                                decisionDate: CalendarDate(year: year, month: 12, day: 22), authority: "Thủ trưởng cơ quan cấp trên")))
                }
            }
        }
        return out
    }

    static let titles = [
        "tiếp nhận hồ sơ", "lưu trữ điện tử", "chấm điểm thi đua", "quản lý văn bản", "dạy học trực tuyến", "cải cách hành chính",
    ]

    /// Adds the history to a freshly seeded demo (inside the seed's transaction, without audit entries).
    static func seed(_ db: any SQLDatabase) async throws {
        struct PersonRow: Decodable {
            let id: Int64
            let unitId: Int64
        }
        let people = try await db.select().columns("id", "unit_id").from("people").orderBy("id")
            .all(decoding: PersonRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let units = try await db.select().column("id").from("units").where(SQLColumn("parent_id"), .isNot, SQLLiteral.null).orderBy("id")
            .all(decodingColumn: "id", as: Int64.self)
        let history = generate(people: people.map { ($0.id, $0.unitId) }, units: units)
        try await RecordLoader.load(db, .assessments(history.assessments))
        try await RecordLoader.load(db, .awards(history.awards))
        try await RecordLoader.load(db, .initiatives(history.initiatives))
    }
}
