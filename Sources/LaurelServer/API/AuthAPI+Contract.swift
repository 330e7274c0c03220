import LaurelDomain
import LaurelStore

/// What `AuthAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension AuthAPI {
    enum Contract {
        static let token = APIOperation(
            .post, "auth/token", "Get a bearer token", tag: "auth",
            description:
                "The body is at most 8 KiB. Repeated failures slow further tries of the name and of the client (429 with Retry-After, doubling up to 15 minutes); a client that signed in to the account before is not held back by others' failures.",
            body: .json(
                .object(
                    required: ["username", "password"],
                    closed: true,
                    [
                        "username": .string(maxLength: 64),
                        "password": .string(maxLength: 1024),
                    ])),
            responses: [
                .ok(
                    .object(
                        required: ["token", "expiresAt"],
                        [
                            "token": .string,
                            "expiresAt": .dateTime,
                        ]))
            ],
            errors: [400, 401, 413, 422, 429],
            secured: false)
        static let revoke = APIOperation(
            .delete, "auth/token", "Revoke the calling token", tag: "auth",
            description: "Signs the calling API client out; the account's other tokens and sessions stay valid.",
            responses: [.noContent("Revoked: the token answers 401 from now on")],
            errors: [401])
        static let changePassword = APIOperation(
            .post, "auth/password", "Change the caller's own password", tag: "auth",
            description:
                "Every role may change its own password. A wrong current password is 422 (field currentPassword) and counts as a failed sign-in; after a change the calling token stays valid and every other token and session of the account is revoked.",
            body: .json(
                .object(
                    required: ["currentPassword", "newPassword"],
                    closed: true,
                    [
                        "currentPassword": .string(maxLength: 1024),
                        "newPassword": .string(minLength: 10, maxLength: 72).described("10 characters to 72 UTF-8 bytes"),
                    ])),
            responses: [.noContent("Changed")],
            errors: [400, 401, 403, 413, 422, 429])
    }
}
