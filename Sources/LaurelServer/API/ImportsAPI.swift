import Foundation
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore
import NIOCore

/// `POST /imports/{kind}?dryRun=true|false` with the file as the body or as multipart `file`, and
/// the templates. A dry run lists every bad row and writes nothing.
struct ImportsAPI {
    let imports: ImportService
    let localisation: Localisation

    func register(on routes: APIRoutes) {
        routes.write.on(Contract.run, use: run)
        routes.any.on(Contract.template, use: template)
    }

    static func kind(_ context: some SignedInRequestContext) throws -> ImportKind {
        guard let raw = context.parameters.get("kind"), let kind = ImportKind(rawValue: raw) else {
            throw DomainError(.notFound, "error.import_unknown_kind")
        }
        return kind
    }

    /// The uploaded file: the whole body, or the `file` part of a multipart form. Bodies past the
    /// spreadsheet cap are refused with 413 before they are held.
    static func upload(_ request: Request, context: some SignedInRequestContext) async throws -> (data: Data, name: String?) {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: ImportService.maxUpload + (64 << 10))
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge
        }
        let data = Data(buffer: buffer)
        if let type = request.headers[.contentType], let form = MultipartForm(body: data, contentType: type) {
            guard let file = form.file("file") else { throw DomainError.invalid("error.import_no_file", field: "file") }
            return (file, form.fileName("file"))
        }
        return (data, nil)
    }

    static let tooLarge = APIError(
        status: .contentTooLarge, code: "payload_too_large", key: "error.import_file_too_large",
        arguments: [String(ImportService.maxUpload >> 20)])

    func run(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let kind = try Self.kind(context)
        let dryRun: Bool
        switch request.query("dryRun") {
        case nil, "true": dryRun = true
        case "false": dryRun = false
        default: throw DomainError.invalid("error.unknown_choice", field: "dryRun", request.query("dryRun") ?? "")
        }
        let (data, fileName) = try await Self.upload(request, context: context)
        let result = try await imports.run(kind, data: data, fileName: fileName, dryRun: dryRun, as: identity, today: context.today)
        let report = Self.report(kind, dryRun: dryRun, result, localisation: localisation, locale: context.locale)
        // A file with bad rows is refused (422) with the list, dry run or not: nothing was written.
        // The same file while it is being imported is a conflict (409): the first import goes on.
        let running = result.problems.contains { $0.key == ImportService.runningKey }
        return try JSON.response(report, status: running ? .conflict : report.errors.isEmpty ? .ok : .unprocessableContent)
    }

    static func report(
        _ kind: ImportKind, dryRun: Bool, _ result: ImportService.Result,
        localisation: Localisation, locale: AppLocale
    ) -> ImportReport {
        let listed = result.problems.prefix(ImportService.maxListed).map {
            ImportReport.Problem(
                row: $0.row, column: $0.column, message: localisation.string($0.key, locale, $0.arguments),
                code: String($0.key.dropFirst("error.".count)))
        }
        return ImportReport(
            kind: kind.rawValue, dryRun: dryRun, rows: result.rows, imported: result.imported, errors: Array(listed),
            errorCount: result.problems.count)
    }

    func template(_ request: Request, context: SignedInContext) async throws -> Response {
        let kind = try Self.kind(context)
        return try ExportsAPI.file(try Self.templateData(kind, locale: context.locale), name: "mau-\(kind.rawValue).xlsx", xlsx: true)
    }

    /// A workbook with the layout's headers (in the request's language) and one example row.
    static func templateData(_ kind: ImportKind, locale: AppLocale) throws -> Data {
        let columns = kind.columns
        let writer = try XlsxWriter()
        try writer.addSheet(named: kind.rawValue, columns: columns.map { .init(locale == .vi ? $0.vi : $0.key, width: 24) }) { sheet in
            try sheet.append(columns.map { $0.example.isEmpty ? .empty : .text($0.example) })
        }
        return try writer.data()
    }
}
