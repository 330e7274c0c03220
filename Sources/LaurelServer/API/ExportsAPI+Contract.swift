import LaurelDomain
import LaurelStore

/// What `ExportsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension ExportsAPI {
    enum Contract {
        static let exportCSV = APIOperation(
            .get, "exports/{list}.csv", "Export a list as CSV, with its filters, in scope", tag: "exports",
            parameters: [
                .path("list", .choice(["units", "people", "assessments", "awards"])), .query("unitId", .int64, "this unit and below"),
                .query("year", .integer), .query("code", .string, "award code"), .query("status", .choice(AwardStatus.self)),
                .query("subject", .choice(["person", "unit"])), .query("q", .string), .query("staffCategory", .string),
                .query("gender", .choice(Gender.self)), .query("awardCode", .string), .query("awardYear", .integer),
                .query("hasAward", .choice(["true", "false"])), .query("parentId", .int64),
            ],
            responses: [APIResponse(status: 200, description: "CSV file (UTF-8 with BOM)", content: [(MediaType.csv, .string)])],
            errors: [401, 403, 404, 422])
        static let exportXLSX = APIOperation(
            .get, "exports/{list}.xlsx", "Export a list as XLSX, with its filters, in scope", tag: "exports",
            parameters: [
                .path("list", .choice(["units", "people", "assessments", "awards"])), .query("unitId", .int64, "this unit and below"),
                .query("year", .integer), .query("code", .string, "award code"), .query("status", .choice(AwardStatus.self)),
                .query("subject", .choice(["person", "unit"])), .query("q", .string), .query("staffCategory", .string),
                .query("gender", .choice(Gender.self)), .query("awardCode", .string), .query("awardYear", .integer),
                .query("hasAward", .choice(["true", "false"])), .query("parentId", .int64),
            ],
            responses: [.file("XLSX file", [MediaType.xlsx])],
            errors: [401, 403, 404, 422])
    }
}
