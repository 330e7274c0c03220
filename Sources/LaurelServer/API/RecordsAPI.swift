import Hummingbird
import LaurelDomain
import LaurelStore

/// Yearly assessments and the record of a person or a unit.
struct RecordsAPI {
    let assessments: AssessmentStore
    let records: RecordStore

    func register(on routes: APIRoutes) {
        routes.write.on(Contract.putForPerson) { request, context in try await put(request, context, person: true) }
        routes.write.on(Contract.putForUnit) { request, context in try await put(request, context, person: false) }
        routes.any.on(Contract.personRecord) { _, context in try await record(context, person: true) }
        routes.any.on(Contract.unitRecord) { _, context in try await record(context, person: false) }
        routes.any.on(Contract.list, use: list)
    }

    struct AssessmentRequest: Decodable, Sendable {
        var rating: String?
        var discipline: String?
        var notes: String?
    }

    static func subject(_ context: some SignedInRequestContext, person: Bool) throws -> RecordSubject {
        let id = try context.id()
        return person ? .person(id) : .unit(id)
    }

    static func year(_ context: some SignedInRequestContext) throws -> Int {
        var errors: [DomainError] = []
        let year = RecordRules.year(context.parameters.get("year").flatMap { Int($0) }, today: context.today, field: "year", into: &errors)
        guard let year, errors.isEmpty else {
            throw ValidationErrors(
                errors.isEmpty ? [.invalid("error.year_out_of_range", field: "year", context.parameters.get("year") ?? "")] : errors)
        }
        return year
    }

    static func draft(_ body: AssessmentRequest, year: Int) throws -> AssessmentDraft {
        var errors: [DomainError] = []
        let rating = Validate.choice(body.rating, as: Rating.self, field: "rating", into: &errors)
        var discipline: Discipline?
        if let raw = body.discipline, !raw.isEmpty {
            discipline = Validate.choice(raw, as: Discipline.self, field: "discipline", into: &errors)
        }
        let notes = Validate.optionalText(body.notes, field: "notes", max: 1000, into: &errors)
        guard errors.isEmpty, let rating else { throw ValidationErrors(errors) }
        return AssessmentDraft(year: year, rating: rating, discipline: discipline, notes: notes)
    }

    func put(_ request: Request, _ context: WriteContext, person: Bool) async throws -> Response {
        let identity = context.identity
        let subject = try Self.subject(context, person: person)
        let body = try await RequestBody.decode(AssessmentRequest.self, for: Contract.putForPerson, from: request, context: context)
        let (assessment, created) = try await assessments.put(
            subject, try Self.draft(body.value, year: try Self.year(context)), as: identity)
        return try JSON.response(AssessmentResponse(assessment), status: created ? .created : .ok)
    }

    func record(_ context: SignedInContext, person: Bool) async throws -> Response {
        let identity = context.identity
        let record = try await records.record(of: try Self.subject(context, person: person), as: identity)
        return try JSON.response(RecordResponse(name: record.name, years: record.years))
    }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let filter = try ExportsAPI.filter(request)
        let page = try await assessments.list(
            filter, paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")), as: identity)
        return try JSON.response(
            ListResponse(items: page.items.map(AssessmentListItemResponse.init), total: page.total, page: page.page, per: page.per))
    }
}
