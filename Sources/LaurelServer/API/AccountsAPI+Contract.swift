import LaurelDomain
import LaurelStore

/// What `AccountsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension AccountsAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "accounts", "List accounts in scope", tag: "accounts",
            parameters: [.query("q", .string)] + APIParameter.paging,
            responses: [.ok(.list(.ref(.account)))],
            errors: [401, 403, 422])
        static let create = APIOperation(
            .post, "accounts", "Create an account", tag: "accounts",
            body: .json(.ref(.accountInput)),
            responses: [.created(.ref(.account))],
            errors: [400, 401, 403, 404, 409, 422])
        static let get = APIOperation(
            .get, "accounts/{id}", "Get an account", tag: "accounts",
            parameters: [.id],
            responses: [.ok(.ref(.account))],
            errors: [401, 403, 404])
        static let update = APIOperation(
            .patch, "accounts/{id}", "Change an account", tag: "accounts",
            parameters: [.id],
            body: .json(.ref(.accountPatch)),
            responses: [.ok(.ref(.account))],
            errors: [400, 401, 403, 404, 422])
    }
}

extension SchemaComponent {
    static let account = SchemaComponent("Account") {
        .object(
            required: ["id", "username", "role", "unitId", "active"],
            [
                "id": .int64,
                "username": .string,
                "role": .choice(Role.self),
                "unitId": .integer,
                "unitName": .string,
                "personId": .integer.orNull,
                "active": .boolean,
            ])
    }
    static let accountInput = SchemaComponent("AccountInput") {
        .object(
            required: ["username", "password", "role", "unitId"],
            closed: true,
            [
                "username": .string(pattern: "^[a-z0-9._-]{3,64}$"),
                "password": .string(minLength: 10, maxLength: 72).described("10 characters to 72 UTF-8 bytes"),
                "role": .choice(Role.self),
                "unitId": .int64,
                "personId": .int64.orNull,
            ])
    }
    static let accountPatch = SchemaComponent("AccountPatch") {
        .object(
            closed: true,
            description:
                "Fields left out, or sent with the value the account has, stay as they are; the account's tokens are revoked only when one really changes. Nobody changes their own role, unit, activity or password here (403): one's own password is changed at POST /auth/password.",
            [
                "password": .string(minLength: 10, maxLength: 72).described("10 characters to 72 UTF-8 bytes"),
                "role": .choice(Role.self),
                "unitId": .int64,
                "active": .boolean,
            ])
    }
}
