import LaurelDomain
import LaurelStore

/// What `RegistrationListAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension RegistrationListAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "registrations", "Who registered for what across the scope, or below a unit", tag: "registrations",
            parameters: [
                .query("year", .integer(minimum: 1900, maximum: 2200), "default: this year"), .query("unitId", .integer(minimum: 1)),
                .query("code", .string), .query("subject", .choice(["collective", "individual"])),
                .query("late", .choice(["true", "false"])),
            ] + APIParameter.paging,
            responses: [.ok(.list(.ref(.registrationRow)))],
            errors: [401, 403, 404, 422])
        static let export = APIOperation(
            .get, "registrations/export", "The same list as CSV or XLSX, headers in the reader's language", tag: "registrations",
            parameters: [
                .query("year", .integer(minimum: 1900, maximum: 2200), "default: this year"), .query("unitId", .integer(minimum: 1)),
                .query("code", .string), .query("subject", .choice(["collective", "individual"])),
                .query("late", .choice(["true", "false"])), .query("format", .choice(["csv", "xlsx"])),
            ],
            responses: [.file("The file", [MediaType.csv, MediaType.xlsx])],
            errors: [401, 403, 404, 422])
        static let exportUnit = APIOperation(
            .get, "registrations/{unitId}/{year}/export", "Who registered for what, as CSV or XLSX", tag: "registrations",
            parameters: [
                .path("unitId", .integer(minimum: 1, format: "int64")), .path("year", .integer(minimum: 1900, maximum: 2200)),
                .query("format", .choice(["csv", "xlsx"])),
            ],
            responses: [.file("The file", [MediaType.csv, MediaType.xlsx])],
            errors: [401, 403, 404, 422])
    }
}

extension SchemaComponent {
    static let registrationRow = SchemaComponent("RegistrationRow") {
        .object(
            required: ["unitId", "unitCode", "unitName", "code", "registeredOn", "late"],
            [
                "unitId": .int64,
                "unitCode": .string,
                "unitName": .string,
                "personId": .integer.orNull,
                "personName": .string.orNull,
                "code": .string,
                "target": .string.orNull,
                "registeredOn": .string,
                "late": .boolean,
                "reason": .string.orNull,
            ])
    }
}
