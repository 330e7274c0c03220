import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/people`.
struct PeopleAPI {
    let people: PersonStore

    func register(on routes: APIRoutes) {
        routes.any.on(Contract.list, use: list)
        routes.write.on(Contract.create, use: create)
        routes.any.on(Contract.get, use: get)
        routes.write.on(Contract.update, use: update)
        routes.any.on(Contract.transfers, use: transfers)
    }

    /// A person as the API shows them.
    struct PersonResponse: APIResponseBody {
        let id: Int64, fullName: String, gender: Gender, birthDate: String?, unitId: Int64, unitName: String
        let position: String?, staffCategory: StaffCategory, holdsManagementPost: Bool, ethnicity: String?
        let activeFrom: String?, activeTo: String?

        init(_ item: PersonListItem) {
            let p = item.person
            id = p.id
            fullName = p.fullName
            gender = p.gender
            birthDate = p.birthDate
            unitId = p.unitId
            unitName = item.unitName
            position = p.position
            staffCategory = p.staffCategory
            holdsManagementPost = p.holdsManagementPost
            ethnicity = p.ethnicity
            activeFrom = p.activeFrom
            activeTo = p.activeTo
        }
    }

    /// A transfer as the API shows it (schema `PersonTransfer`).
    struct TransferResponse: APIResponseBody {
        let fromUnitId: Int64, toUnitId: Int64, onDate: String, reason: String?

        init(_ transfer: PersonTransfer) {
            fromUnitId = transfer.fromUnitId
            toUnitId = transfer.toUnitId
            onDate = transfer.onDate
            reason = transfer.reason
        }
    }

    struct PersonRequest: Decodable, Sendable {
        var fullName: String?
        var gender: String?
        var birthDate: String?
        var unitId: Int64?
        var position: String?
        var staffCategory: String?
        var holdsManagementPost: Bool?
        var ethnicity: String?
        var transferDate: String?
    }

    static func draft(_ body: PersonRequest, today: CalendarDate) throws -> PersonDraft {
        var errors: [DomainError] = []
        let name = Validate.name(body.fullName, field: "fullName", into: &errors)
        let gender = Validate.choice(body.gender, as: Gender.self, field: "gender", into: &errors)
        let birthDate = Validate.birthDate(body.birthDate, today: today, field: "birthDate", into: &errors)
        let category = Validate.choice(body.staffCategory, as: StaffCategory.self, field: "staffCategory", into: &errors)
        let position = Validate.optionalText(body.position, field: "position", into: &errors)
        let ethnicity = Validate.optionalText(body.ethnicity, field: "ethnicity", max: 60, into: &errors)
        if body.unitId == nil { errors.append(.invalid("error.required", field: "unitId")) }
        guard errors.isEmpty, let gender, let category, let unitId = body.unitId else { throw ValidationErrors(errors) }
        return PersonDraft(
            fullName: name, gender: gender, birthDate: birthDate, unitId: unitId, position: position,
            staffCategory: category, holdsManagementPost: body.holdsManagementPost ?? false, ethnicity: ethnicity)
    }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        // The list and its export take the same filters, read by one function.
        var filter = try ExportService.personFilter(request)
        if let raw = request.query("sort") {
            guard let value = PersonSort(rawValue: raw) else { throw DomainError.invalid("error.unknown_choice", field: "sort", raw) }
            filter.sort = value
        }
        let page = try await people.list(
            filter, paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")), as: identity)
        return try JSON.response(
            ListResponse(items: page.items.map(PersonResponse.init), total: page.total, page: page.page, per: page.per))
    }

    func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(PersonResponse(try await people.get(try context.id(), as: identity)))
    }

    func transfers(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let items = try await people.transfers(of: try context.id(), as: identity).map(TransferResponse.init)
        return try JSON.response(ListResponse(items: items, total: items.count, page: 1, per: max(1, items.count)))
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(PersonRequest.self, for: Contract.create, from: request, context: context)
        let person = try await people.create(try Self.draft(body.value, today: context.today), as: identity)
        return try JSON.response(PersonResponse(try await people.get(person.id, as: identity)), status: .created)
    }

    /// PATCH: fields left out keep their value; a new `unitId` is a transfer (dated `transferDate`, default today).
    func update(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let body = try await RequestBody.decode(PersonRequest.self, for: Contract.update, from: request, context: context)
        let current = try await people.get(id, as: identity).person
        let patch = body.value
        let keys = body.keys
        let merged = PersonRequest(
            fullName: keys.contains("fullName") ? patch.fullName : current.fullName,
            gender: keys.contains("gender") ? patch.gender : current.gender.rawValue,
            birthDate: keys.contains("birthDate") ? patch.birthDate : current.birthDate,
            unitId: keys.contains("unitId") ? patch.unitId : current.unitId,
            position: keys.contains("position") ? patch.position : current.position,
            staffCategory: keys.contains("staffCategory") ? patch.staffCategory : current.staffCategory.rawValue,
            holdsManagementPost: keys.contains("holdsManagementPost") ? patch.holdsManagementPost : current.holdsManagementPost,
            ethnicity: keys.contains("ethnicity") ? patch.ethnicity : current.ethnicity)
        let date = try UnitsAPI.date(patch.transferDate, today: context.today)
        _ = try await people.update(id, with: try Self.draft(merged, today: context.today), transferDate: date, as: identity)
        return try JSON.response(PersonResponse(try await people.get(id, as: identity)))
    }
}
