import Foundation
import Testing

@testable import LaurelDomain

@Suite("The award catalogue")
struct CatalogueTests {
    let catalogue = AwardCatalogue.standard

    @Test("every code of catalogue.md, once, in order")
    func codes() {
        #expect(
            catalogue.codes == [
                "LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ", "TTLDTT", "TTLDXS", "CTD_BO", "CTD_CP", "XA_TB", "THON_VH",
                "GDVH", "GK", "BK_BO", "BK_TTG", "HCLD3", "HCLD2", "HCLD1", "HCDL3", "HCDL2", "HCDL1", "HCHCM", "HCSV", "KNC",
            ])
    }

    @Test("Vietnamese names keep their diacritics")
    func names() {
        #expect(catalogue.entry(for: "CSTDCS")?.nameVi == "Chiến sĩ thi đua cơ sở")
        #expect(catalogue.entry(for: "BK_TTG")?.nameVi == "Bằng khen của Thủ tướng Chính phủ")
        #expect(catalogue.entry(for: "HCDL1")?.nameVi == "Huân chương Độc lập hạng Nhất")
        #expect(catalogue.entry(for: "XA_TB")?.nameVi == "Xã, phường, đặc khu tiêu biểu")
        #expect(catalogue.entries.allSatisfy { !$0.nameEn.isEmpty && !$0.legalBasis.isEmpty })
    }

    @Test("coefficients are those of catalogue.md under Decree 152/2025")
    func coefficients() throws {
        let date = try #require(CalendarDate("2025-07-01"))
        let expected: [String: (Coefficient?, Coefficient?)] = [
            "LDTT": (0.3, nil), "CSTDCS": (1.0, nil), "CSTD_BO": (3.0, nil), "CSTDTQ": (4.5, nil),
            "TTLDTT": (nil, 0.8), "TTLDXS": (nil, 1.5), "CTD_BO": (nil, 8.0), "CTD_CP": (nil, 12.0),
            "XA_TB": (nil, 2.0), "THON_VH": (nil, 1.5), "GK": (0.3, 0.6), "BK_BO": (1.5, 3.0), "BK_TTG": (3.5, 7.0),
            "HCLD3": (4.5, 9.0), "HCLD2": (7.5, 15.0), "HCLD1": (9.0, 18.0), "HCDL3": (10.5, 21.0),
            "HCDL2": (12.5, 25.0), "HCDL1": (15.0, 30.0), "HCHCM": (30.5, 61.0), "HCSV": (46.0, 92.0), "KNC": (0.6, nil),
        ]
        for (code, (individual, collective)) in expected {
            let dated = try #require(catalogue.entry(for: code)?.coefficients(on: date), "\(code)")
            #expect(dated.individual == individual && dated.collective == collective, "\(code)")
        }
    }

    @Test("every code has a rule for each kind it is for, in both periods")
    func rulesCoverCatalogue() {
        let book = RuleBook.standard()
        for entry in catalogue.entries {
            for kind in entry.subjectKinds {
                let rules = book.rules.filter { $0.code == entry.code && $0.subjectKinds.contains(kind) }
                #expect(rules.count == 2, "\(entry.code) \(kind)")
            }
        }
    }

    @Test("the catalogue and the rule book round-trip through JSON, as the store will seed them")
    func codable() throws {
        let data = try JSONEncoder().encode(catalogue)
        #expect(try JSONDecoder().decode(AwardCatalogue.self, from: data) == catalogue)
        let book = RuleBook.standard()
        #expect(try JSONDecoder().decode(RuleBook.self, from: JSONEncoder().encode(book)) == book)
        let settings = try JSONDecoder().decode(EligibilitySettings.self, from: Data(#"{"collectiveLDTTSharePercent": 60}"#.utf8))
        #expect(settings.collectiveLDTTSharePercent == 60 && settings.replayHorizonYears == 15)
    }
}
