import Testing

@testable import LaurelDomain

@Suite("Councils: one chair, a person or a name per seat, a person once")
struct CouncilDraftTests {
    static func draft(_ seats: [CouncilSeat], from: String? = nil, until: String? = nil) -> CouncilDraft {
        CouncilDraft(
            unitId: 1, name: "Hội đồng Thi đua – Khen thưởng", seats: seats, sitsFrom: from.flatMap { CalendarDate($0) },
            sitsUntil: until.flatMap { CalendarDate($0) })
    }

    @Test("a chair, a secretary and an outsider make a council")
    func valid() {
        let draft = Self.draft([
            .init(personId: 10, name: nil, role: .chair), .init(personId: 11, name: nil, role: .secretary),
            .init(personId: nil, name: "Trần Văn Bình", title: "Chủ tịch Công đoàn", role: .member),
        ])
        #expect(draft.problems().isEmpty)
    }

    @Test("no chair, two chairs, an empty seat, a seat with both, a person twice and a period backwards are each named")
    func problems() {
        #expect(Self.draft([]).problems().map(\.key) == ["error.required"])
        #expect(Self.draft([.init(personId: 1, name: nil, role: .member)]).problems().map(\.key) == ["error.council_one_chair"])
        let two = Self.draft([.init(personId: 1, name: nil, role: .chair), .init(personId: 2, name: nil, role: .chair)])
        #expect(two.problems().first?.arguments == ["2"])
        let bad = Self.draft(
            [
                .init(personId: 1, name: nil, role: .chair), .init(personId: nil, name: nil, role: .member),
                .init(personId: 3, name: "X", role: .member), .init(personId: 1, name: nil, role: .secretary),
            ], from: "2026-01-01", until: "2025-12-31")
        #expect(
            bad.problems().map { "\($0.key)@\($0.field ?? "")" } == [
                "error.council_member_person_or_name@members[1]", "error.council_member_person_or_name@members[2]",
                "error.council_member_twice@members[3]", "error.council_period@sitsUntil",
            ])
    }
}
