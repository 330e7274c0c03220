import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/accounts`: admins manage every account, officers those of their subtree.
struct AccountsAPI {
    let accounts: AccountStore
    let auth: AuthService

    func register(on routes: APIRoutes) {
        routes.any.on(Contract.list, use: list)
        routes.any.on(Contract.create, use: create)
        routes.any.on(Contract.get, use: get)
        routes.any.on(Contract.update, use: update)
    }

    struct AccountResponse: APIResponseBody {
        let id: Int64, username: String, role: Role, unitId: Int64, unitName: String, personId: Int64?, active: Bool
        init(_ item: AccountListItem) {
            id = item.account.id
            username = item.account.username
            role = item.account.role
            unitId = item.account.unitId
            unitName = item.unitName
            personId = item.account.personId
            active = item.account.active
        }
    }

    struct CreateRequest: Decodable, Sendable {
        var username: String?
        var password: String?
        var role: String?
        var unitId: Int64?
        var personId: Int64?
    }

    struct UpdateRequest: Decodable, Sendable {
        var password: String?
        var role: String?
        var unitId: Int64?
        var active: Bool?
    }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let page = try await accounts.list(
            query: request.query("q"), paging: Paging(page: try request.strictQueryInt("page"), per: try request.strictQueryInt("per")),
            as: identity)
        return try JSON.response(
            ListResponse(items: page.items.map(AccountResponse.init), total: page.total, page: page.page, per: page.per))
    }

    func get(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(AccountResponse(try await accounts.get(try context.id(), as: identity)))
    }

    func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        guard identity.role == .admin || identity.role == .officer else { throw DomainError(.forbidden, "error.accounts_admin_only") }
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context).value
        var errors: [DomainError] = []
        let username = AuthService.checkUsername(body.username, into: &errors)
        let password = AuthService.checkPassword(body.password, into: &errors)
        let role = Validate.choice(body.role, as: Role.self, field: "role", into: &errors)
        if body.unitId == nil { errors.append(.invalid("error.required", field: "unitId")) }
        guard errors.isEmpty, let role, let unitId = body.unitId else { throw ValidationErrors(errors) }
        let account = try await accounts.create(
            AccountDraft(
                username: username, passwordHash: try await auth.hash(password), role: role, unitId: unitId, personId: body.personId),
            as: identity)
        return try JSON.response(AccountResponse(try await accounts.get(account.id, as: identity)), status: .created)
    }

    func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        guard identity.role == .admin || identity.role == .officer else { throw DomainError(.forbidden, "error.accounts_admin_only") }
        let id = try context.id()
        let body = try await RequestBody.decode(UpdateRequest.self, for: Contract.update, from: request, context: context).value
        var errors: [DomainError] = []
        var role: Role?
        if let raw = body.role { role = Validate.choice(raw, as: Role.self, field: "role", into: &errors) }
        var hash: String?
        if let password = body.password {
            _ = AuthService.checkPassword(password, into: &errors)
            if errors.isEmpty { hash = try await auth.hash(password) }
        }
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        _ = try await accounts.update(id, role: role, unitId: body.unitId, active: body.active, passwordHash: hash, as: identity)
        return try JSON.response(AccountResponse(try await accounts.get(id, as: identity)))
    }
}
