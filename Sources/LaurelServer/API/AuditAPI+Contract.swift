import LaurelDomain
import LaurelStore

/// What `AuditAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension AuditAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "audit", "Browse the audit log in scope", tag: "audit",
            parameters: [.query("entity", .string), .query("entityId", .int64), .query("actorId", .int64)] + APIParameter.paging,
            responses: [.ok(.list(.ref(.auditEvent)))],
            errors: [401, 403, 422])
    }
}

extension SchemaComponent {
    static let auditEvent = SchemaComponent("AuditEvent") {
        .object(
            required: ["at", "actor", "action", "entity"],
            [
                "at": .string,
                "actor": .string,
                "action": .string,
                "entity": .string,
                "entityId": .integer.orNull,
                "before": .anyValue,
                "after": .anyValue,
            ])
    }
}
