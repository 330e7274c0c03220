import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// `/api/v1/registrations?year=`: who registered for what across the reader's scope or below a
/// unit, as JSON pages and as CSV/XLSX with headers in the reader's language. The list page uses
/// the same filter and table.
struct RegistrationListAPI {
    let registrations: RegistrationStore
    let localisation: Localisation

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.list, use: list)
        routes.browse.on(Contract.export, use: export)
        routes.browse.on(Contract.exportUnit, use: exportUnit)
    }

    /// `year` (default this year), `unitId`, `code`, `subject` (collective | individual), `late=true`.
    static func filter(_ request: Request, today: CalendarDate, catalogue: AwardCatalogue) throws -> RegistrationFilter {
        let year = try request.strictQueryInt("year") ?? today.year
        guard (1900...2200).contains(year) else { throw DomainError.invalid("error.bad_year", field: "year") }
        var subject: RegistrationFilter.Subject?
        if let raw = request.query("subject"), !raw.isEmpty {
            guard let value = RegistrationFilter.Subject(rawValue: raw) else {
                throw DomainError.invalid("error.unknown_choice", field: "subject", raw)
            }
            subject = value
        }
        var code: String?
        if let raw = request.query("code"), !raw.isEmpty {
            guard let entry = catalogue.entry(for: raw) else { throw DomainError.invalid("error.unknown_award_code", field: "code", raw) }
            code = entry.code
        }
        let late: Bool
        switch request.query("late") {
        case nil, "", "false": late = false
        case "true": late = true
        case let other?: throw DomainError.invalid("error.unknown_choice", field: "late", other)
        }
        return RegistrationFilter(year: year, unitId: try request.strictQueryInt64("unitId"), code: code, subject: subject, lateOnly: late)
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let page = try await registrations.list(
            try Self.filter(request, today: context.today, catalogue: context.catalogue),
            paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")),
            as: identity)
        return try JSON.response(
            ListResponse(items: page.items.map(RegistrationRowResponse.init), total: page.total, page: page.page, per: page.per))
    }

    func export(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let filter = try Self.filter(request, today: context.today, catalogue: context.catalogue)
        let rows = try await registrations.all(filter, as: identity)
        let table = Self.table(rows, locale: context.locale, localisation: localisation, catalogue: context.catalogue)
        return try SpreadsheetResponse.make(
            format: request.query("format"), name: "dang-ky-thi-dua-\(filter.year)", header: table.header, rows: table.rows)
    }

    /// One unit's registrations for a year (not the units below it), with the same columns.
    func exportUnit(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let unitId = try context.pathId("unitId", notFound: "error.unit_not_found")
        let year = try context.pathYear()
        let rows = try await registrations.all(RegistrationFilter(year: year, unitId: unitId), as: identity).filter { $0.unitId == unitId }
        let table = Self.table(rows, locale: context.locale, localisation: localisation, catalogue: context.catalogue)
        return try SpreadsheetResponse.make(
            format: request.query("format"), name: "dang-ky-\(unitId)-\(year)", header: table.header, rows: table.rows)
    }

    static func table(
        _ rows: [RegistrationRow], locale: AppLocale, localisation: Localisation, catalogue: AwardCatalogue
    ) -> (header: [String], rows: [[CellValue]]) {
        func t(_ key: String) -> String { localisation.string(key, locale) }
        let header = [
            t("registrations_unit_code"), t("registrations_unit"), t("registration_person"), t("registrations_code"),
            t("registration_title_column"), t("registration_target"), t("registration_registered_on"), t("registrations_late"),
            t("registration_reason"),
        ]
        let values: [[CellValue]] = rows.map { row in
            let entry = catalogue.entry(for: row.code)
            return [
                .text(row.unitCode), .text(row.unitName), row.personName.map { .text($0) } ?? .empty, .text(row.code),
                .text((locale == .en ? entry?.nameEn : entry?.nameVi) ?? row.code), row.target.map { .text($0) } ?? .empty,
                .text(row.registeredOn), .text(row.late ? t("registrations_late_yes") : ""), row.reason.map { .text($0) } ?? .empty,
            ]
        }
        return (header, values)
    }
}
