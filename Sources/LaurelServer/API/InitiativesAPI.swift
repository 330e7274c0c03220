import Hummingbird
import LaurelDomain
import LaurelStore

/// Initiatives and research works.
struct InitiativesAPI {
    let initiatives: InitiativeStore

    func register(on routes: APIRoutes) {
        routes.write.on(Contract.create, use: create)
        routes.any.on(Contract.get, use: get)
    }

    struct AuthorRequest: Decodable, Sendable {
        var personId: Int64?
        var share: Int?
    }

    struct InitiativeRequest: Decodable, Sendable {
        var title: String?
        var year: Int?
        var level: String?
        var authors: [AuthorRequest]?
        var decisionNumber: String?
    }

    static func draft(_ body: InitiativeRequest, today: CalendarDate) throws -> InitiativeDraft {
        var errors: [DomainError] = []
        let title = Validate.name(body.title, field: "title", into: &errors)
        let year = RecordRules.year(body.year, today: today, field: "year", into: &errors)
        let level = Validate.choice(body.level, as: InitiativeLevel.self, field: "level", into: &errors)
        let number = Validate.optionalText(body.decisionNumber, field: "decisionNumber", max: 100, into: &errors)
        var authors: [Initiative.Author] = []
        for (index, author) in (body.authors ?? []).enumerated() {
            guard let id = author.personId else {
                errors.append(.invalid("error.required", field: "authors.\(index).personId"))
                continue
            }
            authors.append(.init(personId: id, share: author.share ?? 100))
        }
        RecordRules.shares(authors.map(\.share), field: "authors", into: &errors)
        guard errors.isEmpty, let year, let level else { throw ValidationErrors(errors) }
        return InitiativeDraft(title: title, year: year, level: level, decisionNumber: number, authors: authors)
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(InitiativeRequest.self, for: Contract.create, from: request, context: context)
        return try JSON.response(
            InitiativeResponse(try await initiatives.create(try Self.draft(body.value, today: context.today), as: identity)),
            status: .created)
    }

    func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(InitiativeResponse(try await initiatives.get(try context.id(), as: identity)))
    }
}
