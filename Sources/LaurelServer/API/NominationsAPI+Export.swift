import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// The dossier list as CSV or XLSX, with the list's filters and labels in the reader's language.
extension NominationsAPI {
    static let exportOperation = APIOperation(
        .get, "nominations/export", "The dossier list as CSV or XLSX, headers in the reader's language", tag: "nominations",
        parameters: [
            .query("status", .choice(NominationStatus.self)), .query("code", .string(maxLength: 40)),
            .query("year", .integer(minimum: 1900, maximum: 2200)), .query("unitId", .int64),
            .query("format", .choice(["csv", "xlsx"])),
        ],
        responses: [.file("The file", [MediaType.csv, MediaType.xlsx])],
        errors: [401, 403, 422])

    /// At most this many rows: a province's yearly round is a few thousand dossiers.
    static let exportLimit = 20_000

    func export(_ request: Request, context: BrowseContext) async throws -> Response {
        let filter = try Self.filter(request)
        var items: [NominationRecord] = []
        var page = 1
        while items.count < Self.exportLimit {
            let found = try await nominations.list(filter, paging: Paging(page: page, per: 500), as: context.identity)
            items += found.items
            if found.items.count < 500 || items.count >= found.total { break }
            page += 1
        }
        func t(_ key: String) -> String { localisation.string(key, context.locale) }
        let header = [
            "#", t("nomination_award"), t("nomination_award_name"), t("nomination_year"), t("nomination_kind"), t("nomination_proposer"),
            t("nomination_candidates"), t("nomination_status"), t("nomination_round"), t("nomination_submitted_on"),
        ]
        let catalogue = context.catalogue
        let rows: [[CellValue]] = items.map { n in
            [
                .number(Double(n.id)), .text(n.code),
                .text((context.locale == .vi ? catalogue.entry(for: n.code)?.nameVi : catalogue.entry(for: n.code)?.nameEn) ?? n.code),
                .number(Double(n.year)), .text(t("nomination_kind_\(n.kind.rawValue)")), .text(n.proposerName),
                .text(n.candidates.map(\.name).joined(separator: "; ")), .text(t("nomination_status_\(n.status.rawValue)")),
                .number(Double(n.round)), n.submittedOn.map { .text($0) } ?? .empty,
            ]
        }
        return try SpreadsheetResponse.make(
            format: request.query("format"), name: "ho-so-de-nghi-khen-thuong", header: header, rows: rows)
    }

    static func filter(_ request: Request) throws -> NominationFilter {
        var errors: [DomainError] = []
        let status = request.query("status").flatMap { Validate.choice($0, as: NominationStatus.self, field: "status", into: &errors) }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return NominationFilter(
            status: status, code: request.query("code"), year: try request.strictQueryInt("year"),
            unitId: try request.strictQueryInt64("unitId"))
    }
}
