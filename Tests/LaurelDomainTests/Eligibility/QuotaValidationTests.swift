import Testing

@testable import LaurelDomain

@Suite("AwardQuota: the invariants of a quota")
struct QuotaValidationTests {
    let catalogue = AwardCatalogue.standard

    func faults(_ code: String?, _ percent: Int?, _ ofCode: String?) -> [String] {
        do {
            _ = try AwardQuota(validating: code, percent: percent, ofCode: ofCode, catalogue: catalogue)
            return []
        } catch {
            return error.errors.map {
                "\($0.field ?? ""):\($0.key)" + ($0.arguments.isEmpty ? "" : ":" + $0.arguments.joined(separator: ","))
            }
        }
    }

    @Test func aQuotaOfTwoIndividualCodesWithinOneToAHundredPercentIsAccepted() throws {
        let quota = try AwardQuota(validating: "CSTDCS", percent: 15, ofCode: "LDTT", catalogue: catalogue)
        #expect(quota == AwardQuota(code: "CSTDCS", percent: 15, ofCode: "LDTT"))
        for percent in [1, 100] { #expect(faults("CSTDCS", percent, "LDTT").isEmpty) }
        try AwardQuota(code: "CSTDCS", percent: 15, ofCode: "LDTT", unitID: "u1").validate(in: catalogue)
    }

    @Test(
        arguments: [
            (nil, 15, "LDTT", ["code:error.required"]),
            ("", 15, "LDTT", ["code:error.required"]),
            ("CSTDCS", nil, "LDTT", ["percent:error.required"]),
            ("CSTDCS", 15, nil, ["ofCode:error.required"]),
            ("NOPE", 15, "LDTT", ["code:error.unknown_award_code:NOPE"]),
            ("cstdcs", 15, "LDTT", ["code:error.unknown_award_code:cstdcs"]),
            ("CSTDCS", 15, "TTLDTT", ["ofCode:error.quota_individual_only:TTLDTT"]),
            ("GDVH", 15, "LDTT", ["code:error.quota_individual_only:GDVH"]),
            ("LDTT", 15, "LDTT", ["ofCode:error.quota_same_code:LDTT"]),
            ("CSTDCS", 0, "LDTT", ["percent:error.quota_percent_range:0"]),
            ("CSTDCS", 101, "LDTT", ["percent:error.quota_percent_range:101"]),
            ("CSTDCS", -5, "LDTT", ["percent:error.quota_percent_range:-5"]),
            (nil, nil, nil, ["code:error.required", "ofCode:error.required", "percent:error.required"]),
            (
                "NOPE", 500, "TTLDTT",
                [
                    "code:error.unknown_award_code:NOPE", "ofCode:error.quota_individual_only:TTLDTT",
                    "percent:error.quota_percent_range:500",
                ]
            ),
        ] as [(String?, Int?, String?, [String])])
    func everyFaultIsReportedByField(code: String?, percent: Int?, ofCode: String?, expected: [String]) {
        #expect(faults(code, percent, ofCode) == expected)
    }

    @Test func validateChecksAQuotaBuiltWithoutChecks() {
        #expect(throws: ValidationErrors.self) { try AwardQuota(code: "CSTDCS", percent: 0, ofCode: "LDTT").validate(in: catalogue) }
        #expect(throws: ValidationErrors.self) { try AwardQuota(code: "CSTDCS", percent: 15, ofCode: "CSTDCS").validate(in: catalogue) }
        let empty = AwardCatalogue(entries: [])
        #expect(throws: ValidationErrors.self) { try AwardQuota(code: "CSTDCS", percent: 15, ofCode: "LDTT").validate(in: empty) }
    }
}
