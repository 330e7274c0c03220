import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/units`: the organisation tree.
struct UnitsAPI {
    let units: UnitStore

    func register(on routes: APIRoutes) {
        routes.browse.on(Contract.list, use: list)
        routes.write.on(Contract.create, use: create)
        routes.browse.on(Contract.get, use: get)
        routes.write.on(Contract.update, use: update)
        routes.browse.on(Contract.subtree, use: subtree)
        routes.write.on(Contract.deactivate, use: deactivate)
        routes.write.on(Contract.merge, use: merge)
    }

    struct CreateRequest: Decodable, Sendable {
        var code: String?
        var name: String?
        var kind: String?
        var level: String?
        var parentId: Int64?
        var activeFrom: String?
    }

    /// Validates every field at once, so a form or client sees all its mistakes together.
    static func draft(_ body: CreateRequest) throws -> UnitDraft {
        var errors: [DomainError] = []
        let code = Validate.code(body.code, field: "code", into: &errors)
        let name = Validate.name(body.name, field: "name", into: &errors)
        let kind = Validate.choice(body.kind, as: UnitKind.self, field: "kind", into: &errors)
        let level = Validate.choice(body.level, as: UnitLevel.self, field: "level", into: &errors)
        var activeFrom: String?
        if let raw = body.activeFrom, !raw.isEmpty {
            if let date = CalendarDate(raw) {
                activeFrom = date.description
            } else {
                errors.append(.invalid("error.bad_date", field: "activeFrom"))
            }
        }
        guard errors.isEmpty, let kind, let level else { throw ValidationErrors(errors) }
        return UnitDraft(code: code, name: name, kind: kind, level: level, parentId: body.parentId, activeFrom: activeFrom)
    }

    func list(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        var filter = UnitFilter(parentId: try request.strictQueryInt64("parentId"), query: request.query("q"))
        if let kind = request.query("kind") {
            guard let value = UnitKind(rawValue: kind) else { throw DomainError.invalid("error.unknown_choice", field: "kind", kind) }
            filter.kind = value
        }
        if let sort = request.query("sort") {
            guard let value = UnitSort(rawValue: sort) else { throw DomainError.invalid("error.unknown_choice", field: "sort", sort) }
            filter.sort = value
        }
        if request.query("active") == "true" { filter.includeInactive = false }
        let page = try await units.list(
            filter, paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")), as: identity)
        return try JSON.response(ListResponse(items: page.items.map(UnitResponse.init), total: page.total, page: page.page, per: page.per))
    }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(UnitResponse(try await units.get(try context.id(), as: identity)))
    }

    func subtree(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        let items = try await units.subtree(of: try context.id(), as: identity)
        return try JSON.response(ListResponse(items: items.map(UnitResponse.init), total: items.count, page: 1, per: items.count))
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context)
        let unit = try await units.create(try Self.draft(body.value), as: identity)
        return try JSON.response(UnitResponse(unit), status: .created)
    }

    /// PATCH: fields left out keep their value; `"parentId": null` makes a top-level unit.
    func update(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.update, from: request, context: context)
        let current = try await units.get(id, as: identity)
        let patch = body.value
        let merged = CreateRequest(
            code: body.keys.contains("code") ? patch.code : current.code,
            name: body.keys.contains("name") ? patch.name : current.name,
            kind: body.keys.contains("kind") ? patch.kind : current.kind.rawValue,
            level: body.keys.contains("level") ? patch.level : current.level.rawValue,
            parentId: body.keys.contains("parentId") ? patch.parentId : current.parentId,
            activeFrom: body.keys.contains("activeFrom") ? patch.activeFrom : current.activeFrom)
        return try JSON.response(UnitResponse(try await units.update(id, with: try Self.draft(merged), as: identity)))
    }

    struct DateRequest: Decodable, Sendable {
        var date: String?
    }

    func deactivate(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(DateRequest.self, for: Contract.deactivate, from: request, context: context)
        let date = try Self.date(body.value.date, today: context.today)
        return try JSON.response(UnitResponse(try await units.deactivate(try context.id(), on: date, as: identity)))
    }

    struct MergeRequest: Decodable, Sendable {
        var targetId: Int64?
        var date: String?
    }

    func merge(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(MergeRequest.self, for: Contract.merge, from: request, context: context)
        guard let target = body.value.targetId else { throw DomainError.invalid("error.required", field: "targetId") }
        let date = try Self.date(body.value.date, today: context.today)
        return try JSON.response(MergeResponse(try await units.merge(try context.id(), into: target, on: date, as: identity)))
    }

    static func date(_ raw: String?, today: CalendarDate) throws -> CalendarDate {
        guard let raw, !raw.isEmpty else { return today }
        guard let date = CalendarDate(raw) else { throw DomainError.invalid("error.bad_date", field: "date") }
        return date
    }
}
