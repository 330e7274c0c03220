import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// `GET /exports/{list}.csv|.xlsx`: any list, with the list's filters, inside the caller's scope.
/// Texts that look like formulas are neutralised by the writers.
struct ExportsAPI {
    let exports: ExportService

    func register(on routes: APIRoutes) {
        routes.any.on(Contract.exportCSV) { request, context in
            try await export(request, context: context, list: context.parameters.get("list"), format: "csv")
        }
        routes.any.on(Contract.exportXLSX) { request, context in
            try await export(request, context: context, list: context.parameters.get("list"), format: "xlsx")
        }
    }

    /// The register and assessment filters from the query: unitId, year, code, status, subject.
    static func filter(_ request: Request) throws -> RecordListFilter {
        var filter = RecordListFilter(
            unitId: try request.strictQueryInt64("unitId"), year: try request.strictQueryInt("year"), code: request.query("code"))
        if let raw = request.query("status") {
            guard let status = AwardStatus(rawValue: raw) else { throw DomainError.invalid("error.unknown_choice", field: "status", raw) }
            filter.status = status
        }
        if let raw = request.query("subject") {
            guard raw == "person" || raw == "unit" else { throw DomainError.invalid("error.unknown_choice", field: "subject", raw) }
            filter.subjectKind = raw
        }
        return filter
    }

    /// The pages' `/exports/{file}`, `file` as `people.csv`.
    func export(_ request: Request, context: SignedInContext) async throws -> Response {
        let parts = (context.parameters.get("file") ?? "").split(separator: ".", maxSplits: 1).map(String.init)
        return try await export(request, context: context, list: parts.first, format: parts.count == 2 ? parts[1] : "")
    }

    func export(_ request: Request, context: SignedInContext, list name: String?, format: String) async throws -> Response {
        let identity = context.identity
        guard let list = name.flatMap(ExportService.List.init(rawValue:)), format == "csv" || format == "xlsx" else {
            throw DomainError(.notFound, "error.export_unknown_list")
        }
        let (exports, locale) = (self.exports, context.locale)
        return try await exports.gate.run {
            let table = try await exports.table(list, request: request, identity: identity, locale: locale)
            if format == "csv" {
                return try Self.file(CSVWriter().data(for: table), name: "\(list.rawValue).csv", xlsx: false)
            }
            return try Self.file(try XlsxWriter.data(for: [table]), name: "\(list.rawValue).xlsx", xlsx: true)
        }
    }

    static func file(_ data: Data, name: String, xlsx: Bool) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8"
        headers[.contentDisposition] = ContentDisposition.attachment(name)
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
