import LaurelDomain
import LaurelStore

/// What `AwardsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension AwardsAPI {
    enum Contract {
        static let createForPerson = APIOperation(
            .post, "people/{id}/awards", "Enter an award of a person in the register", tag: "register",
            parameters: [.id],
            body: .json(.ref(.awardInput)),
            responses: [.created(.ref(.award))],
            errors: [400, 401, 403, 404, 409, 422])
        static let createForUnit = APIOperation(
            .post, "units/{id}/awards", "Enter an award of a unit in the register", tag: "register",
            parameters: [.id],
            body: .json(.ref(.awardInput)),
            responses: [.created(.ref(.award))],
            errors: [400, 401, 403, 404, 409, 422])
        static let list = APIOperation(
            .get, "awards", "The award register in scope", tag: "register",
            parameters: [
                .query("unitId", .int64, "this unit and below"), .query("year", .integer), .query("code", .string, "award code"),
                .query("status", .choice(AwardStatus.self)), .query("subject", .choice(["person", "unit"])),
            ] + APIParameter.paging,
            responses: [.ok(.list(.ref(.awardListItem)))],
            errors: [401, 403, 404, 422])
        static let get = APIOperation(
            .get, "awards/{id}", "A row of the register", tag: "register",
            parameters: [.id],
            responses: [.ok(.ref(.award))],
            errors: [401, 403, 404])
        static let revoke = APIOperation(
            .post, "awards/{id}/revoke", "Revoke an award (the row stays, with the reason)", tag: "register",
            parameters: [.id],
            body: .json(.ref(.revoke)),
            responses: [.ok(.ref(.award))],
            errors: [400, 401, 403, 404, 409, 422])
    }
}

extension SchemaComponent {
    static let award = SchemaComponent("Award") {
        .object(
            required: ["id", "code", "year", "kind", "source", "status"],
            [
                "id": .int64,
                "personId": .integer.orNull,
                "unitId": .integer.orNull,
                "code": .string,
                "year": .integer,
                "endYear": .integer.orNull,
                "kind": .choice(AwardKind.self),
                "decisionNumber": .string.orNull,
                "decisionDate": .string.orNull,
                "authority": .string.orNull,
                "source": .choice(AwardSource.self),
                "status": .choice(AwardStatus.self),
                "statusReason": .string.orNull,
            ])
    }
    static let awardInput = SchemaComponent("AwardInput") {
        .object(
            required: ["code", "year"],
            closed: true,
            [
                "code": .string(maxLength: 40),
                "year": .integer(minimum: 1945),
                "endYear": .integer.orNull,
                "kind": .choice(AwardKind.self),
                "decisionNumber": .string(maxLength: 100).orNull,
                "decisionDate": .date.orNull,
                "authority": .string(maxLength: 200).orNull,
                "status": .choice(["valid", "corrected"]),
            ])
    }
    static let awardListItem = SchemaComponent("AwardListItem") {
        .object(
            [
                "award": .ref(.award),
                "subjectName": .string,
                "unitCode": .string,
                "birthDate": .string.orNull,
            ])
    }
    static let revoke = SchemaComponent("Revoke") {
        .object(
            required: ["reason"],
            closed: true,
            [
                "reason": .string(minLength: 1, maxLength: 200)
            ])
    }
}
