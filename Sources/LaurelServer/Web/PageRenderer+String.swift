import LaurelDomain

extension PageRenderer {
    /// A page as text, for responses that are streamed in parts (the import's progress page).
    func htmlString(_ template: String, title: String, nav: String, content: Any, context: some LaurelContext) throws -> String {
        let t = localisation.table(context.locale)
        let user = context.signedIn.map {
            UserBox(
                username: $0.account.username, roleName: t["role_\($0.role.rawValue)"] ?? $0.role.rawValue, isAdmin: $0.role == .admin,
                canWrite: $0.canWrite, canManageAccounts: $0.role == .admin || $0.role == .officer, canBrowse: $0.role != .staff)
        }
        let layout = Layout(
            t: t, lang: context.locale.rawValue, title: title, csrf: context.csrf ?? "", user: user, nav: [nav: true], content: content,
            flash: nil)
        guard let body = library.render(layout, withTemplate: template) else { throw PageError.missingTemplate(template) }
        return body
    }
}
