import Hummingbird
import LaurelDomain
import LaurelStore

/// Changing an account from the page: role, scope unit, active, and a new password.
extension AccountPages {
    func registerEdit(on routes: SignedInRoutes) {
        routes.any.get("accounts/{id}", use: editForm)
        routes.any.post("accounts/{id}", use: update)
    }

    /// One's own account shows its role and unit as text and no form: nobody changes their own
    /// role, unit or activity, and their own password is changed at `/account/password`.
    struct EditContent {
        let id: Int64
        let username: String
        let roles: [Option]
        let units: [Option]
        let active: Bool
        let passwordError: String?
        let error: String?
        let saved: Bool
        let isSelf: Bool
        let roleName: String
        let unitName: String
    }

    func editContent(
        _ item: AccountListItem, identity: Identity, context: some SignedInRequestContext, passwordError: String? = nil,
        error: String? = nil, saved: Bool = false
    ) async throws -> EditContent {
        let isSelf = item.account.id == identity.account.id
        let roles = isSelf ? [] : Role.allCases.filter { identity.role == .admin || $0 != .admin }
        let candidates =
            isSelf ? [] : try await units.list(UnitFilter(includeInactive: false), paging: Paging(page: 1, per: 500), as: identity).items
        return EditContent(
            id: item.account.id, username: item.account.username,
            roles: roles.map {
                Option(value: $0.rawValue, label: pages.t("role_\($0.rawValue)", context), selected: $0 == item.account.role)
            },
            units: candidates.map {
                Option(value: String($0.id), label: "\($0.name) (\($0.code))", selected: $0.id == item.account.unitId)
            },
            active: item.account.active, passwordError: passwordError, error: error, saved: saved,
            isSelf: isSelf, roleName: pages.t("role_\(item.account.role.rawValue)", context), unitName: item.unitName)
    }

    func editForm(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let item = try await accounts.get(try context.id(), as: identity)
        let content = try await editContent(item, identity: identity, context: context)
        return try pages.html("account_edit", title: item.account.username, nav: "accounts", content: content, context: context)
    }

    func update(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let id = try context.id()
        let form = try await FormData.read(request, context: context)
        var errors: [DomainError] = []
        // A field the page did not send is left as it is. The "active" box sends nothing when it is
        // unticked, so the page sends `activeShown=1` beside it: without that marker an absent box
        // means "unchanged", never "deactivate".
        let role = form["role"].flatMap { Validate.choice($0, as: Role.self, field: "role", into: &errors) }
        let active: Bool? = form["activeShown"] == "1" ? form["active"] == "on" : nil
        var hash: String?
        if let password = form["password"], !password.isEmpty {
            _ = AuthService.checkPassword(password, into: &errors)
            if errors.isEmpty { hash = try await auth.hash(password) }
        }
        do {
            guard errors.isEmpty else { throw ValidationErrors(errors) }
            _ = try await accounts.update(
                id, role: role, unitId: form["unitId"].flatMap { Int64($0) }, active: active,
                passwordHash: hash, as: identity)
            let item = try await accounts.get(id, as: identity)
            return try pages.html(
                "account_edit", title: item.account.username, nav: "accounts",
                content: try await editContent(item, identity: identity, context: context, saved: true), context: context)
        } catch let error as ValidationErrors {
            let item = try await accounts.get(id, as: identity)
            let message = error.errors.first.map { pages.localisation.message($0, context.locale) }
            let content = try await editContent(
                item, identity: identity, context: context,
                passwordError: error.errors.first { $0.field == "password" }.map { pages.localisation.message($0, context.locale) },
                error: message)
            return try pages.html(
                "account_edit", title: item.account.username, nav: "accounts", content: content, context: context,
                status: .unprocessableContent)
        } catch let error as DomainError where error.kind != .notFound {
            let item = try await accounts.get(id, as: identity)
            let content = try await editContent(
                item, identity: identity, context: context, error: pages.localisation.message(error, context.locale))
            return try pages.html(
                "account_edit", title: item.account.username, nav: "accounts", content: content, context: context,
                status: error.kind == .forbidden ? .forbidden : .unprocessableContent)
        }
    }
}
