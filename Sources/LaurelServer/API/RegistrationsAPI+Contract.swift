import LaurelDomain
import LaurelStore

/// What `RegistrationsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension RegistrationsAPI {
    enum Contract {
        static let get = APIOperation(
            .get, "registrations/{unitId}/{year}", "A unit's registrations for a year", tag: "registrations",
            parameters: [.path("unitId", .integer(minimum: 1, format: "int64")), .path("year", .integer(minimum: 1900, maximum: 2200))],
            responses: [.ok(.ref(.registrations))],
            errors: [401, 403, 404, 422])
        static let put = APIOperation(
            .put, "registrations/{unitId}/{year}", "Replace a unit's registrations for a year (after the deadline, with a reason)",
            tag: "registrations",
            parameters: [.path("unitId", .integer(minimum: 1, format: "int64")), .path("year", .integer(minimum: 1900, maximum: 2200))],
            body: .json(
                .object(
                    closed: true,
                    [
                        "collective": .array(.string),
                        "individuals": .array(
                            .object(
                                required: ["personId", "code"],
                                closed: true,
                                [
                                    "personId": .int64,
                                    "code": .string,
                                    "target": .string,
                                ])),
                        "targets": .map(.string),
                        "reason": .string(maxLength: 2000),
                    ])),
            responses: [.ok(.ref(.registrations))],
            errors: [400, 401, 403, 404, 409, 422])
        static let settings = APIOperation(
            .put, "registration-settings/{unitId}", "Whether titles need a prior registration, and the deadline (MM-DD)",
            tag: "registrations",
            parameters: [.path("unitId", .integer(minimum: 1, format: "int64"))],
            body: .json(
                .object(
                    closed: true,
                    [
                        "registrationRequired": .boolean,
                        "registrationDeadline": .string(pattern: "^[0-9]{2}-[0-9]{2}$"),
                    ])),
            responses: [.ok(.ref(.registrations))],
            errors: [400, 401, 403, 404, 409, 422])
        static let person = APIOperation(
            .get, "people/{id}/registrations", "What a person registered for, every year (staff read their own)", tag: "registrations",
            parameters: [.path("id", .integer(minimum: 1, format: "int64"))],
            responses: [.ok(.list(.ref(.personRegistration)))],
            errors: [401, 403, 404, 422])
    }
}

extension SchemaComponent {
    static let registrations = SchemaComponent("Registrations") {
        .object(
            [
                "unitId": .int64,
                "year": .integer,
                "collective": .array(
                    .object(
                        [
                            "code": .string,
                            "target": .string.orNull,
                        ])),
                "individuals": .array(
                    .object(
                        [
                            "personId": .int64,
                            "personName": .string.orNull,
                            "code": .string,
                            "target": .string.orNull,
                        ])),
                "registeredOn": .string.orNull,
                "late": .boolean,
                "reason": .string.orNull,
                "deadline": .date,
                "registrationRequired": .boolean,
            ])
    }
    static let personRegistration = SchemaComponent("PersonRegistration") {
        .object(
            [
                "year": .integer,
                "code": .string,
                "target": .string.orNull,
            ])
    }
}
