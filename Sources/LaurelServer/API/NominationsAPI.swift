import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/nominations`: dossiers proposing a title or a form, from the proposing unit up its
/// route to the unit that decides (issue 9; LAW_FACTS §4).
struct NominationsAPI {
    let nominations: NominationStore
    let localisation: Localisation

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.list, use: list)
        routes.browse.on(Self.exportOperation, use: export)
        routes.write.on(Contract.create, use: create)
        routes.browse.on(Contract.get, use: get)
        routes.write.on(Contract.addDocument, use: addDocument)
        routes.browse.on(Contract.document, use: document)
        routes.write.on(Contract.submit, use: submit)
        routes.write.on(Contract.review) { try await act($0, $1, .startReview) }
        routes.write.on(Contract.approve) { try await act($0, $1, .approve) }
        routes.write.on(Contract.returnToProposer, use: returnToProposer)
        routes.write.on(Contract.reject, use: reject)
    }

    struct CandidateRequest: Decodable, Sendable {
        var personId: Int64?
        var unitId: Int64?
        var achievement: String?
    }

    struct CreateRequest: Decodable, Sendable {
        var proposerUnitId: Int64?
        var code: String?
        var year: Int?
        var kind: String?
        var movementId: Int64?
        var candidates: [CandidateRequest]?
    }

    struct ReasonRequest: Decodable, Sendable {
        var reason: String?
    }

    func nominationId(_ context: some SignedInRequestContext) throws -> Int64 {
        try context.pathId("id", notFound: "error.nomination_not_found")
    }

    /// Every field problem of a new dossier at once; the catalogue, scope and route are the store's.
    static func draft(_ body: CreateRequest, today: CalendarDate) throws -> NominationDraft {
        var errors: [DomainError] = []
        if body.proposerUnitId == nil { errors.append(.invalid("error.required", field: "proposerUnitId")) }
        let code = Validate.code(body.code, field: "code", into: &errors)
        let year = RecordRules.year(body.year, today: today, field: "year", into: &errors)
        let kind = Validate.choice(body.kind, as: NominationKind.self, field: "kind", into: &errors)
        var candidates: [CandidateDraft] = []
        for (index, candidate) in (body.candidates ?? []).enumerated() {
            let field = "candidates[\(index)]"
            let achievement = Validate.optionalText(candidate.achievement, field: field + ".achievement", max: 4000, into: &errors)
            switch (candidate.personId, candidate.unitId) {
            case (.some(let person), nil): candidates.append(CandidateDraft(subject: .person(person), achievement: achievement))
            case (nil, .some(let unit)): candidates.append(CandidateDraft(subject: .unit(unit), achievement: achievement))
            default: errors.append(.invalid("error.nomination_person_or_unit", field: field))
            }
        }
        if body.candidates?.isEmpty ?? true { errors.append(.invalid("error.required", field: "candidates")) }
        guard errors.isEmpty, let proposer = body.proposerUnitId, let year, let kind else { throw ValidationErrors(errors) }
        return NominationDraft(
            proposerUnitId: proposer, code: code, year: year, kind: kind, movementId: body.movementId, candidates: candidates)
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let filter = try Self.filter(request)
        let paging = Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per"))
        let found = try await nominations.list(filter, paging: paging, as: context.identity)
        return try JSON.response(
            ListResponse(items: found.items.map(NominationResponse.init), total: found.total, page: paging.page, per: paging.per))
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context).value
        let created = try await nominations.create(
            try Self.draft(body, today: context.today), engine: context.engine, today: context.today, as: context.identity)
        return try JSON.response(NominationResponse(created), status: .created)
    }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        try JSON.response(NominationResponse(try await nominations.get(try nominationId(context), as: context.identity)))
    }

    /// `kind`, `file` and, for a candidate's own document, `candidateId`, as multipart/form-data.
    func addDocument(_ request: Request, context: WriteContext) async throws -> Response {
        let id = try nominationId(context)
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: AttachmentKind.maxSize + (64 << 10))
        } catch {
            throw DomainError.invalid("error.attachment_too_large", field: "file", "10")
        }
        guard let type = request.headers[.contentType], let form = MultipartForm(body: Data(buffer: buffer), contentType: type) else {
            throw DomainError.invalid("error.nomination_multipart", field: "file")
        }
        var errors: [DomainError] = []
        let kind = Validate.choice(form.text("kind"), as: DocumentKind.self, field: "kind", into: &errors)
        let file = form.file("file")
        if file == nil { errors.append(.invalid("error.required", field: "file")) }
        var candidateId: Int64?
        if let raw = form.text("candidateId"), !raw.isEmpty {
            candidateId = Int64(raw)
            if candidateId == nil { errors.append(.invalid("error.wrong_type", field: "candidateId")) }
        }
        guard errors.isEmpty, let kind, let file else { throw ValidationErrors(errors) }
        let name = String((form.fileName("file") ?? "").prefix(400))
        let record = try await nominations.addDocument(
            id, kind: kind, candidateId: candidateId, name: name, data: file, sha256: ImportGate.digest(file), as: context.identity)
        return try JSON.response(NominationResponse(record), status: .created)
    }

    func document(_ request: Request, context: BrowseContext) async throws -> Response {
        let documentId = try context.pathId("documentId", notFound: "error.nomination_document_not_found")
        let found = try await nominations.document(try nominationId(context), documentId: documentId, as: context.identity)
        var headers = HTTPFields()
        headers[.contentType] = found.contentType
        headers[.contentDisposition] = ContentDisposition.attachment(found.name)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: found.data)))
    }

    func submit(_ request: Request, context: WriteContext) async throws -> Response {
        let record = try await nominations.submit(
            try nominationId(context), engine: context.engine, today: context.today, as: context.identity)
        return try JSON.response(NominationResponse(record))
    }

    func act(_ request: Request, _ context: WriteContext, _ act: StageAct) async throws -> Response {
        let record = try await nominations.act(try nominationId(context), act, today: context.today, as: context.identity)
        return try JSON.response(NominationResponse(record))
    }

    func reason(_ request: Request, _ context: WriteContext, for operation: APIOperation) async throws -> String {
        let body = try await RequestBody.decode(ReasonRequest.self, for: operation, from: request, context: context).value
        var errors: [DomainError] = []
        let reason = Validate.optionalText(body.reason, field: "reason", max: 2000, into: &errors) ?? ""
        if reason.isEmpty { errors.append(.invalid("error.required", field: "reason")) }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        return reason
    }

    func returnToProposer(_ request: Request, context: WriteContext) async throws -> Response {
        try await act(request, context, .returnToProposer(reason: try await reason(request, context, for: Contract.returnToProposer)))
    }

    func reject(_ request: Request, context: WriteContext) async throws -> Response {
        try await act(request, context, .reject(reason: try await reason(request, context, for: Contract.reject)))
    }
}
