import Hummingbird
import LaurelDomain
import LaurelStore

/// Account administration for admins and officers.
struct AccountPages {
    let accounts: AccountStore
    let units: UnitStore
    let auth: AuthService
    let pages: PageRenderer

    func register(on routes: SignedInRoutes) {
        routes.any.get("accounts", use: list)
        routes.any.get("accounts/new", use: newForm)
        routes.any.post("accounts", use: create)
        registerEdit(on: routes)
        registerPassword(on: routes)
    }

    struct Row {
        let id: Int64
        let username: String
        let role: String
        let unitName: String
        let active: Bool
    }
    struct ListContent {
        let rows: [Row]
        let pager: Pager
        let q: String
    }

    func list(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let paging = Paging(page: request.queryInt("page"), per: 50)
        let page = try await accounts.list(query: request.query("q"), paging: paging, as: identity)
        let rows = page.items.map {
            Row(
                id: $0.account.id, username: $0.account.username, role: pages.t("role_\($0.account.role.rawValue)", context),
                unitName: $0.unitName, active: $0.account.active)
        }
        let pager = Pager(page: paging.page, per: paging.per, total: page.total, path: "/accounts", query: ["q": request.query("q") ?? ""])
        { pages.t("page_of", context, [String($0), String($1)]) }
        return try pages.html(
            "accounts", title: pages.t("accounts_title", context), nav: "accounts",
            content: ListContent(rows: rows, pager: pager, q: request.query("q") ?? ""), context: context)
    }

    struct FormContent {
        let username: Field
        let password: Field
        let roles: [Option]
        let units: [Option]
        let roleError: String?
        let unitError: String?
        let hasErrors: Bool
    }

    func form(
        values: [String: String], errors: [DomainError], identity: Identity, context: some SignedInRequestContext
    ) async throws -> FormContent {
        func error(_ field: String) -> String? { errors.first { $0.field == field }.map { pages.localisation.message($0, context.locale) } }
        let roles = Role.allCases.filter { identity.role == .admin || $0 != .admin }
        let candidates = try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
        return FormContent(
            username: Field(value: values["username"] ?? "", error: error("username")),
            password: Field(value: "", error: error("password")),
            roles: roles.map {
                Option(value: $0.rawValue, label: pages.t("role_\($0.rawValue)", context), selected: values["role"] == $0.rawValue)
            },
            units: candidates.map {
                Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: values["unitId"] == String($0.id))
            },
            roleError: error("role"), unitError: error("unitId"), hasErrors: !errors.isEmpty)
    }

    func newForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        guard identity.role == .admin || identity.role == .officer else { throw DomainError(.forbidden, "error.accounts_admin_only") }
        let content = try await form(values: ["role": "officer"], errors: [], identity: identity, context: context)
        return try pages.html("account_form", title: pages.t("accounts_new", context), nav: "accounts", content: content, context: context)
    }

    func create(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        guard identity.role == .admin || identity.role == .officer else { throw DomainError(.forbidden, "error.accounts_admin_only") }
        let form = try await FormData.read(request, context: context)
        var errors: [DomainError] = []
        let username = AuthService.checkUsername(form["username"], into: &errors)
        let password = AuthService.checkPassword(form["password"], into: &errors)
        let role = Validate.choice(form["role"], as: Role.self, field: "role", into: &errors)
        let unitId = form["unitId"].flatMap { Int64($0) }
        if unitId == nil { errors.append(.invalid("error.required", field: "unitId")) }
        do {
            guard errors.isEmpty, let role, let unitId else { throw ValidationErrors(errors) }
            _ = try await accounts.create(
                AccountDraft(username: username, passwordHash: try await auth.hash(password), role: role, unitId: unitId, personId: nil),
                as: identity)
            return .redirect(to: "/accounts", type: .normal)
        } catch {
            let list: [DomainError]
            switch error {
            case let e as ValidationErrors: list = e.errors
            case let e as DomainError: list = [e.field == nil ? DomainError(e.kind, e.key, field: "username") : e]
            default: throw error
            }
            let values = ["username": form["username"] ?? "", "role": form["role"] ?? "", "unitId": form["unitId"] ?? ""]
            let content = try await self.form(values: values, errors: list, identity: identity, context: context)
            return try pages.html(
                "account_form", title: pages.t("accounts_new", context), nav: "accounts", content: content, context: context,
                status: .unprocessableContent)
        }
    }
}
