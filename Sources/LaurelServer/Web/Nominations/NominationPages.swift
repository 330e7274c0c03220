import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// The dossiers' pages: the list with its filters, a dossier with its candidates, verdicts,
/// documents, timeline and the actions the reader may take, and the form that starts one from a
/// unit's people (issue 9 point 9). Every action goes through the same store calls as the API.
struct NominationPages {
    let nominations: NominationStore
    let people: PersonStore
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.browse.get("nominations", use: list)
        routes.write.get("nominations/new", use: newForm)
        routes.write.post("nominations", use: create)
        routes.browse.get("nominations/{id}", use: show)
        routes.write.post("nominations/{id}/documents", use: addDocument)
        routes.write.post("nominations/{id}/act", use: act)
    }

    struct Row {
        let id: Int64, code: String, name: String, year: Int, proposer: String, status: String, candidates: String
    }
    struct ListContent {
        let rows: [Row]
        let statuses: [Option]
        let total: Int
        let canWrite: Bool
        /// The list's filters for the export links ("&status=…").
        let query: String
    }
    struct Option {
        let value: String, label: String, selected: Bool
    }

    func statusLabel(_ status: NominationStatus, _ context: some SignedInRequestContext) -> String {
        pages.t("nomination_status_\(status.rawValue)", context)
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let status = request.query("status").flatMap(NominationStatus.init(rawValue:))
        let found = try await nominations.list(
            NominationFilter(status: status, code: request.query("code"), year: request.queryInt("year")),
            paging: Paging(page: 1, per: 200),
            as: context.identity)
        let catalogue = context.catalogue
        let rows = found.items.map { n in
            Row(
                id: n.id, code: n.code, name: catalogue.entry(for: n.code)?.nameVi ?? n.code, year: n.year, proposer: n.proposerName,
                status: statusLabel(n.status, context), candidates: n.candidates.map(\.name).joined(separator: ", "))
        }
        let statuses =
            [Option(value: "", label: pages.t("all", context), selected: status == nil)]
            + NominationStatus.allCases.map { Option(value: $0.rawValue, label: statusLabel($0, context), selected: $0 == status) }
        return try pages.html(
            "nominations", title: pages.t("nominations_title", context), nav: "nominations",
            content: ListContent(
                rows: rows, statuses: statuses, total: found.total, canWrite: context.identity.canWrite,
                query: status.map { "&status=\($0.rawValue)" } ?? ""), context: context)
    }

    struct CandidateRow {
        let name: String, eligible: Bool, unknown: Bool, unmet: String, achievement: String, id: Int64
    }
    struct DocumentRow {
        let id: Int64, kind: String, name: String, candidate: String
    }
    struct EventRow {
        let kind: String, date: String, round: Int, reason: String?
    }
    struct ShowContent {
        let id: Int64, code: String, name: String, year: Int, kind: String, status: String, proposer: String, round: Int
        let candidates: [CandidateRow], documents: [DocumentRow], timeline: [EventRow]
        let canSubmit: Bool, canStartReview: Bool, canApprove: Bool, canReturn: Bool
        let documentKinds: [Option], candidateOptions: [Option]
        let flash: String?, errors: [String], hasErrors: Bool
    }

    func render(
        _ id: Int64, context: some SignedInRequestContext, flash: String? = nil, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let identity = context.identity
        let n = try await nominations.get(id, as: identity)
        // What may be done now is the state machine's answer, asked for the proposer and for the
        // level that holds the dossier (when the reader acts for it).
        let dossier = Nomination(restoring: n.route, stageIndex: n.stageIndex, status: n.status, round: n.round, timeline: n.timeline)
        let proposerActions = identity.canWrite ? dossier.allowedActions(by: nil) : []
        let stageActions = n.stageUnitId.map { identity.actsAsStage($0) ? dossier.allowedActions(by: $0) : [] } ?? []
        let candidates = n.candidates.map { c in
            CandidateRow(
                name: c.name, eligible: c.eligible == true, unknown: c.eligible == nil,
                unmet: (c.verdict?.conditions.filter { !$0.met }.map(\.detail) ?? []).joined(separator: "; "),
                achievement: c.achievement ?? "",
                id: c.id)
        }
        let names = Dictionary(n.candidates.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let content = ShowContent(
            id: n.id, code: n.code, name: context.catalogue.entry(for: n.code)?.nameVi ?? n.code, year: n.year,
            kind: pages.t("nomination_kind_\(n.kind.rawValue)", context), status: statusLabel(n.status, context), proposer: n.proposerName,
            round: n.round, candidates: candidates,
            documents: n.documents.map {
                DocumentRow(
                    id: $0.id, kind: pages.t("document_kind_\($0.kind.rawValue)", context), name: $0.name,
                    candidate: $0.candidateId.flatMap { names[$0] } ?? "")
            },
            timeline: n.timeline.map {
                EventRow(
                    kind: pages.t("nomination_event_\($0.kind.rawValue)", context), date: $0.date.description, round: $0.round,
                    reason: $0.reason)
            },
            canSubmit: proposerActions.contains(.submit), canStartReview: stageActions.contains(.startReview),
            canApprove: stageActions.contains(.approve), canReturn: stageActions.contains(.returnToProposer),
            documentKinds: DocumentKind.allCases.map {
                Option(value: $0.rawValue, label: pages.t("document_kind_\($0.rawValue)", context), selected: false)
            },
            candidateOptions: [Option(value: "", label: "—", selected: true)]
                + n.candidates.map { Option(value: String($0.id), label: $0.name, selected: false) },
            flash: flash, errors: errors, hasErrors: !errors.isEmpty)
        return try pages.html("nomination", title: content.name, nav: "nominations", content: content, context: context, status: status)
    }

    func show(_ request: Request, context: BrowseContext) async throws -> Response {
        try await render(try context.id(), context: context, flash: request.query("done").map { pages.t("nomination_done_\($0)", context) })
    }

    /// Runs a form's action; a refusal shows the dossier again with the messages and the status.
    func attempt(_ id: Int64, _ context: some SignedInRequestContext, _ body: () async throws -> String) async throws -> Response {
        do {
            return .redirect(to: try await body(), type: .normal)
        } catch {
            let refusal = try FormRefusal(error)
            return try await render(
                id, context: context, errors: refusal.errors.map { pages.localisation.message($0, context.locale) }, status: refusal.status)
        }
    }

    func act(_ request: Request, context: WriteContext) async throws -> Response {
        let id = try context.id()
        let form = try await FormData.read(request, context: context)
        let reason = form["reason"] ?? ""
        return try await attempt(id, context) {
            let action = form["action"] ?? ""
            switch action {
            case "submit": _ = try await nominations.submit(id, engine: context.engine, today: context.today, as: context.identity)
            case "review": _ = try await nominations.act(id, .startReview, today: context.today, as: context.identity)
            case "approve": _ = try await nominations.act(id, .approve, today: context.today, as: context.identity)
            case "return": _ = try await nominations.act(id, .returnToProposer(reason: reason), today: context.today, as: context.identity)
            case "reject": _ = try await nominations.act(id, .reject(reason: reason), today: context.today, as: context.identity)
            default: throw DomainError.invalid("error.unknown_choice", field: "action", action)
            }
            return "/nominations/\(id)?done=\(action)"
        }
    }

    func addDocument(_ request: Request, context: WriteContext) async throws -> Response {
        let id = try context.id()
        var request = request
        guard let buffer = try? await request.collectBody(upTo: AttachmentKind.maxSize + (64 << 10)) else {
            return try await render(
                id, context: context, errors: [pages.t("error.attachment_too_large", context, ["10"])], status: .contentTooLarge)
        }
        let data = Data(buffer: buffer)
        return try await attempt(id, context) {
            guard let type = request.headers[.contentType], let form = MultipartForm(body: data, contentType: type),
                let file = form.file("file"), !file.isEmpty
            else { throw DomainError.invalid("error.required", field: "file") }
            var errors: [DomainError] = []
            let kind = Validate.choice(form.text("kind"), as: DocumentKind.self, field: "kind", into: &errors)
            guard errors.isEmpty, let kind else { throw ValidationErrors(errors) }
            _ = try await nominations.addDocument(
                id, kind: kind, candidateId: form.text("candidateId").flatMap { Int64($0) }, name: form.fileName("file") ?? "",
                data: file, sha256: ImportGate.digest(file), as: context.identity)
            return "/nominations/\(id)?done=document"
        }
    }
}
