import Hummingbird

/// A route group that registers each handler together with its operation: the path and method
/// come from the operation, which the OpenAPI document is built from.
struct DocumentedGroup<Context: RequestContext> {
    let group: RouterGroup<Context>
    let contract: APIContract

    @discardableResult
    func on(
        _ operation: APIOperation, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        contract.add(operation)
        group.on(RouterPath(operation.path), method: operation.method, use: handler)
        return self
    }
}

/// The signed-in groups of `/api/v1`, one per role requirement, each documenting what it serves.
struct APIRoutes {
    let any: DocumentedGroup<SignedInContext>
    let browse: DocumentedGroup<BrowseContext>
    let write: DocumentedGroup<WriteContext>
    let admin: DocumentedGroup<AdminContext>

    init(_ routes: SignedInRoutes, contract: APIContract) {
        any = DocumentedGroup(group: routes.any, contract: contract)
        browse = DocumentedGroup(group: routes.browse, contract: contract)
        write = DocumentedGroup(group: routes.write, contract: contract)
        admin = DocumentedGroup(group: routes.admin, contract: contract)
    }
}
