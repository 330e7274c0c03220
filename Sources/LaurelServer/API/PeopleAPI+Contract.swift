import LaurelDomain
import LaurelStore

/// What `PeopleAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension PeopleAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "people", "List people in scope", tag: "people",
            parameters: [
                .query("q", .string, "name, accents and case ignored"), .query("unitId", .int64, "this unit and below"),
                .query("staffCategory", .choice(StaffCategory.self)), .query("gender", .choice(Gender.self)),
                .query("sort", .choice(PersonSort.self)), .query("awardCode", .string, "has (not) received this award"),
                .query("awardYear", .integer), .query("hasAward", .choice(["true", "false"])),
            ] + APIParameter.paging,
            responses: [.ok(.list(.ref(.person)))],
            errors: [401, 403, 404, 422])
        static let create = APIOperation(
            .post, "people", "Create a person", tag: "people",
            body: .json(.ref(.personInput)),
            responses: [.created(.ref(.person))],
            errors: [400, 401, 403, 404, 422])
        static let get = APIOperation(
            .get, "people/{id}", "Get a person", tag: "people",
            parameters: [.id],
            responses: [.ok(.ref(.person))],
            errors: [401, 403, 404])
        static let update = APIOperation(
            .patch, "people/{id}", "Change or transfer a person", tag: "people",
            parameters: [.id],
            body: .json(.ref(.personPatch)),
            responses: [.ok(.ref(.person))],
            errors: [400, 401, 403, 404, 422])
        static let transfers = APIOperation(
            .get, "people/{id}/transfers", "A person's transfers", tag: "people",
            parameters: [.id],
            responses: [.ok(.list(.ref(.transfer)))],
            errors: [401, 403, 404])
    }
}

extension SchemaComponent {
    static let person = SchemaComponent("Person") {
        .object(
            required: ["id", "fullName", "gender", "unitId", "staffCategory", "holdsManagementPost"],
            [
                "id": .int64,
                "fullName": .string,
                "gender": .choice(Gender.self),
                "birthDate": .string.orNull,
                "unitId": .integer,
                "unitName": .string,
                "position": .string.orNull,
                "staffCategory": .choice(StaffCategory.self),
                "holdsManagementPost": .boolean,
                "ethnicity": .string.orNull,
                "activeFrom": .string.orNull,
                "activeTo": .string.orNull,
            ])
    }
    static let personInput = SchemaComponent("PersonInput") {
        .object(
            required: ["fullName", "gender", "unitId", "staffCategory"],
            closed: true,
            [
                "fullName": .string(maxLength: 200),
                "gender": .choice(Gender.self),
                "birthDate": .date.orNull,
                "unitId": .int64,
                "position": .string(maxLength: 200).orNull,
                "staffCategory": .choice(StaffCategory.self),
                "holdsManagementPost": .boolean,
                "ethnicity": .string(maxLength: 60).orNull,
            ])
    }
    static let personPatch = SchemaComponent("PersonPatch") {
        .object(
            closed: true,
            [
                "fullName": .string(maxLength: 200),
                "gender": .choice(Gender.self),
                "birthDate": .date.orNull,
                "unitId": .int64,
                "position": .string(maxLength: 200).orNull,
                "staffCategory": .choice(StaffCategory.self),
                "holdsManagementPost": .boolean,
                "ethnicity": .string(maxLength: 60).orNull,
                "transferDate": .date,
            ])
    }
    static let transfer = SchemaComponent("Transfer") {
        .object(
            [
                "fromUnitId": .integer,
                "toUnitId": .integer,
                "onDate": .string,
                "reason": .string.orNull,
            ])
    }
}
