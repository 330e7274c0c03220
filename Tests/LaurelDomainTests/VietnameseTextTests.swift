import LaurelDomain
import Testing

@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Nguyễn Văn An", "nguyen van an"),
        ("  ĐẶNG   Thị  Ánh ", "dang thi anh"),
        ("Hồ Chí Minh", "ho chi minh"),
        ("Trường Tiểu học Đức Phổ", "truong tieu hoc duc pho"),
    ])
    func searchKeyFoldsDiacriticsCaseAndSpaces(input: String, expected: String) {
        #expect(VietnameseText.searchKey(input) == expected)
    }

    @Test func sortKeyFollowsTheVietnameseAlphabetThenTones() {
        let words = ["Đông", "Dương", "an", "ăn", "ân", "anh", "àn", "án", "ạn", "ản", "ãn", "bé", "be"]
        let sorted = words.sorted { VietnameseText.sortKey($0) < VietnameseText.sortKey($1) }
        #expect(sorted == ["an", "àn", "ản", "ãn", "án", "ạn", "anh", "ăn", "ân", "be", "bé", "Dương", "Đông"])
    }

    @Test func peopleSortByGivenNameFirst() {
        let names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Anh"]
        #expect(
            names.sorted { VietnameseText.personSortKey($0) < VietnameseText.personSortKey($1) } == [
                "Nguyễn Thị An", "Lê Anh", "Trần Văn Bình",
            ])
    }
}

@Suite struct OrganisationRulesTests {
    @Test func aUnitCannotMoveUnderItsOwnDescendant() {
        #expect(throws: DomainError.invalid("error.unit_own_ancestor", field: "parentId")) {
            try UnitTreeRules.checkMove(unit: UnitPath(value: "/1/5/"), newParent: UnitPath(value: "/1/5/9/"))
        }
        #expect(throws: Never.self) { try UnitTreeRules.checkMove(unit: UnitPath(value: "/1/5/"), newParent: UnitPath(value: "/1/50/")) }
    }

    @Test func pathsOfSimilarIdsDoNotContainEachOther() {
        #expect(!UnitPath(value: "/4/").contains(UnitPath(value: "/47/")))
        #expect(UnitPath(value: "/4/").contains(UnitPath(value: "/4/7/")))
    }

    @Test func mergeRules() {
        let a = UnitPath(value: "/1/2/")
        let b = UnitPath(value: "/1/3/")
        #expect(throws: DomainError.invalid("error.merge_into_inactive", field: "targetId")) {
            try UnitTreeRules.checkMerge(source: a, sourceActive: true, target: b, targetActive: false)
        }
        #expect(throws: DomainError.invalid("error.merge_into_itself", field: "targetId")) {
            try UnitTreeRules.checkMerge(source: a, sourceActive: true, target: a, targetActive: true)
        }
        #expect(throws: DomainError.invalid("error.merge_into_descendant", field: "targetId")) {
            try UnitTreeRules.checkMerge(source: a, sourceActive: true, target: a.child(9), targetActive: true)
        }
    }

    @Test(arguments: [
        ("", "error.required"), ("   ", "error.required"), (String(repeating: "x", count: 201), "error.too_long"),
        ("a\u{0}b", "error.control_characters"),
    ])
    func badNamesAreRefused(name: String, key: String) {
        var errors: [DomainError] = []
        _ = Validate.name(name, field: "name", into: &errors)
        #expect(errors.map(\.key) == [key])
    }

    @Test func datesAreReal() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate("24-01-01") == nil)
        var errors: [DomainError] = []
        _ = Validate.birthDate("2030-01-01", today: CalendarDate("2026-11-25")!, field: "birthDate", into: &errors)
        #expect(errors.map(\.key) == ["error.date_out_of_range"])
    }
}
