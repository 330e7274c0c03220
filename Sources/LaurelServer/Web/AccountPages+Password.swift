import Hummingbird
import LaurelDomain
import LaurelStore

/// `/account/password`: every signed-in user, whatever their role, changes their own password
/// with the current one. This session stays signed in; the account's other sessions and API
/// tokens are signed out.
extension AccountPages {
    func registerPassword(on routes: SignedInRoutes) {
        routes.any.get("account/password", use: passwordForm)
        routes.any.post("account/password", use: changePassword)
    }

    struct PasswordContent {
        let current: Field
        let new: Field
        let repeated: Field
        let error: String?
        let done: Bool
        let hint: String
    }

    func passwordContent(
        errors: [DomainError] = [], error: String? = nil, done: Bool = false, context: some SignedInRequestContext
    ) -> PasswordContent {
        func message(_ field: String) -> String? {
            errors.first { $0.field == field }.map { pages.localisation.message($0, context.locale) }
        }
        return PasswordContent(
            current: Field(value: "", error: message("currentPassword")), new: Field(value: "", error: message("newPassword")),
            repeated: Field(value: "", error: message("repeatPassword")),
            error: error ?? (errors.isEmpty ? nil : pages.t("form_has_errors", context)),
            done: done,
            hint: pages.t("password_hint", context, [String(AuthService.minimumPasswordLength), String(AuthService.maximumPasswordBytes)]))
    }

    func passwordForm(_ request: Request, context: SignedInContext) async throws -> Response {
        return try pages.html(
            "account_password", title: pages.t("password_title", context), nav: "password", content: passwordContent(context: context),
            context: context)
    }

    func changePassword(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        let form = try await FormData.read(request, context: context)
        let title = pages.t("password_title", context)
        do {
            try await auth.changeOwnPassword(
                identity, current: form["currentPassword"], new: form["newPassword"], repeated: form["repeatPassword"],
                checksRepeat: true, client: .init(address: context.clientAddress, device: nil),
                keeping: request.cookies[SessionMiddleware.cookieName]?.value)
            return try pages.html(
                "account_password", title: title, nav: "password", content: passwordContent(done: true, context: context), context: context)
        } catch let error as ValidationErrors {
            return try pages.html(
                "account_password", title: title, nav: "password", content: passwordContent(errors: error.errors, context: context),
                context: context, status: .unprocessableContent)
        } catch let error as APIError where error.status == .tooManyRequests {
            var response = try pages.html(
                "account_password", title: title, nav: "password",
                content: passwordContent(error: pages.t(error.key, context, error.arguments), context: context),
                context: context, status: .tooManyRequests)
            if let wait = error.retryAfter { response.headers[.retryAfter] = String(max(1, wait)) }
            return response
        }
    }
}
