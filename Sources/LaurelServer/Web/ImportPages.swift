import Foundation
import HTTPTypes
import Hummingbird
import LaurelDocuments
import LaurelDomain
import LaurelStore

/// The import page (a form per kind, templates, exports) and the import itself. An import answers
/// with a streamed page: a progress bar advances as rows are checked and written, then the report
/// follows — no JavaScript needed.
struct ImportPages {
    let imports: ImportService
    let exports: ExportService
    let localisation: Localisation
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("imports", use: index)
        routes.any.get("imports/{kind}/template.xlsx", use: template)
        routes.write.post("imports/{kind}", use: run)
        routes.any.get("exports/{file}", use: export)
    }

    struct KindBox {
        let kind: String
        let label: String
        let columns: String
    }
    struct IndexContent {
        let kinds: [KindBox]
        let canWrite: Bool
    }

    func index(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let kinds = ImportKind.allCases.map { kind in
            KindBox(
                kind: kind.rawValue, label: pages.t("import_kind_\(kind.rawValue)", context),
                columns: kind.columns.map { context.locale == .vi ? $0.vi : $0.key }.joined(separator: " · "))
        }
        return try pages.html(
            "imports", title: pages.t("imports_title", context), nav: "imports",
            content: IndexContent(kinds: kinds, canWrite: identity.canWrite), context: context)
    }

    func template(_ request: Request, context: SignedInContext) async throws -> Response {
        let kind = try ImportsAPI.kind(context)
        return try ExportsAPI.file(try ImportsAPI.templateData(kind, locale: context.locale), name: "mau-\(kind.rawValue).xlsx", xlsx: true)
    }

    func export(_ request: Request, context: SignedInContext) async throws -> Response {
        try await ExportsAPI(exports: exports).export(request, context: context)
    }

    struct ResultContent {
        let marker: String
        let kindLabel: String
        let done: Bool
        let dryRun: Bool
        let ok: Bool
        let rows: Int
        let imported: Int
        let errors: [ImportReport.Problem]
        let errorCount: Int
        let kind: String
    }

    func run(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let kind = try ImportsAPI.kind(context)
        var request = request
        // The session middleware has already collected (and capped) a multipart body.
        let body = Data(buffer: try await request.collectBody(upTo: ImportService.maxUpload + (64 << 10)))
        guard let type = request.headers[.contentType], let form = MultipartForm(body: body, contentType: type),
            let file = form.file("file"), !file.isEmpty
        else { throw DomainError.invalid("error.import_no_file", field: "file") }
        let dryRun = form.text("dryRun") == "on"
        let fileName = form.fileName("file")
        let marker = "<!--laurel-progress-->"
        let label = pages.t("import_kind_\(kind.rawValue)", context)
        let title = pages.t("imports_title", context)
        let page: @Sendable (ResultContent) throws -> String = { [pages] content in
            try pages.htmlString("import_result", title: title, nav: "imports", content: content, context: context)
        }
        let running = try page(
            ResultContent(
                marker: marker, kindLabel: label, done: false, dryRun: dryRun, ok: false, rows: 0, imported: 0, errors: [], errorCount: 0,
                kind: kind.rawValue))
        let head = String(running[..<(running.range(of: marker)?.lowerBound ?? running.endIndex)])
        let imports = self.imports
        let localisation = self.localisation
        let locale = context.locale
        let checked = pages.t("import_progress_checked", context)
        let written = pages.t("import_progress_written", context)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"
        let finish: @Sendable (ImportReport) throws -> String = { report in
            let text = try page(
                ResultContent(
                    marker: marker, kindLabel: label, done: true, dryRun: dryRun, ok: report.errors.isEmpty, rows: report.rows,
                    imported: report.imported, errors: report.errors, errorCount: report.errorCount, kind: kind.rawValue))
            return String(text[(text.range(of: marker)?.upperBound ?? text.startIndex)...])
        }
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: head))
                let progress = ProgressWriter(checked: checked, written: written)
                // The import runs as a child task; this loop writes its progress until it ends.
                let result = try await withThrowingTaskGroup(of: ImportService.Result.self) { group in
                    group.addTask {
                        do {
                            let result = try await imports.run(
                                kind, data: file, fileName: fileName, dryRun: dryRun, as: identity,
                                today: context.today
                            ) { done, total in
                                await progress.add(done: done, total: total)
                            }
                            await progress.finish()
                            return result
                        } catch {
                            await progress.finish()
                            throw error
                        }
                    }
                    while await !progress.finished {
                        for line in await progress.drain() { try await writer.write(ByteBuffer(string: line)) }
                        try await Task.sleep(for: .milliseconds(150))
                    }
                    for line in await progress.drain() { try await writer.write(ByteBuffer(string: line)) }
                    guard let result = try await group.next() else { throw CancellationError() }
                    return result
                }
                let report = ImportsAPI.report(kind, dryRun: dryRun, result, localisation: localisation, locale: locale)
                try await writer.write(ByteBuffer(string: try finish(report)))
                try await writer.finish(nil)
            })
    }
}

/// Progress lines waiting to be written: a paragraph per step while rows are checked (their number
/// is not known before the end of the sheet), then `<progress>` bars while they are written. The
/// stylesheet shows only the last of each.
actor ProgressWriter {
    private let checked: String, written: String
    private var lines: [String] = []
    private(set) var finished = false

    init(checked: String, written: String) {
        self.checked = checked
        self.written = written
    }

    func finish() { finished = true }

    func add(done: Int, total: Int) {
        if total > 0 {
            let label = written.replacingOccurrences(of: "{0}", with: String(done)).replacingOccurrences(of: "{1}", with: String(total))
            lines.append(
                "<progress class=\"import-progress\" value=\"\(done)\" max=\"\(total)\" aria-label=\"\(label)\">\(label)</progress>\n")
        } else {
            lines.append("<p class=\"import-progress\">" + checked.replacingOccurrences(of: "{0}", with: String(done)) + "</p>\n")
        }
    }

    func drain() -> [String] {
        defer { lines = [] }
        return lines
    }
}
