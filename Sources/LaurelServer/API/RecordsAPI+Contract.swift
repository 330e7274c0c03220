import LaurelDomain
import LaurelStore

/// What `RecordsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension RecordsAPI {
    enum Contract {
        static let putForPerson = APIOperation(
            .put, "people/{id}/assessments/{year}", "Record or correct a person's yearly assessment", tag: "records",
            parameters: [.id, .path("year", .integer(minimum: 1945, maximum: 2100))],
            body: .json(.ref(.assessmentInput)),
            responses: [.ok(.ref(.assessment)), .created(.ref(.assessment))],
            errors: [400, 401, 403, 404, 422])
        static let putForUnit = APIOperation(
            .put, "units/{id}/assessments/{year}", "Record or correct a unit's yearly assessment", tag: "records",
            parameters: [.id, .path("year", .integer(minimum: 1945, maximum: 2100))],
            body: .json(.ref(.assessmentInput)),
            responses: [.ok(.ref(.assessment)), .created(.ref(.assessment))],
            errors: [400, 401, 403, 404, 422])
        static let personRecord = APIOperation(
            .get, "people/{id}/record", "A person's record by year", tag: "records",
            parameters: [.id],
            responses: [.ok(.ref(.record))],
            errors: [401, 403, 404])
        static let unitRecord = APIOperation(
            .get, "units/{id}/record", "A unit's record by year", tag: "records",
            parameters: [.id],
            responses: [.ok(.ref(.record))],
            errors: [401, 403, 404])
        static let list = APIOperation(
            .get, "assessments", "Yearly assessments in scope", tag: "records",
            parameters: [
                .query("unitId", .int64, "this unit and below"), .query("year", .integer), .query("code", .string, "award code"),
                .query("status", .choice(AwardStatus.self)), .query("subject", .choice(["person", "unit"])),
            ] + APIParameter.paging,
            responses: [.ok(.list(.ref(.assessmentListItem)))],
            errors: [401, 403, 404, 422])
    }
}

extension SchemaComponent {
    static let assessment = SchemaComponent("Assessment") {
        .object(
            required: ["id", "year", "rating"],
            [
                "id": .int64,
                "personId": .integer.orNull,
                "unitId": .integer.orNull,
                "year": .integer,
                "rating": .choice(Rating.self),
                "discipline": .choice(Discipline.self).orNull,
                "notes": .string.orNull,
            ])
    }
    static let assessmentInput = SchemaComponent("AssessmentInput") {
        .object(
            required: ["rating"],
            closed: true,
            [
                "rating": .choice(Rating.self),
                "discipline": .choice(["reprimand", "warning", "demotion", "dismissal", ""]).orNull,
                "notes": .string(maxLength: 1000).orNull,
            ])
    }
    static let record = SchemaComponent("Record") {
        .object(
            required: ["years"],
            [
                "name": .string,
                "years": .array(.ref(.recordYear)),
            ])
    }
    static let recordYear = SchemaComponent("RecordYear") {
        .object(
            required: ["year", "initiatives", "awards"],
            [
                "year": .integer,
                "rating": .choice(Rating.self).orNull,
                "discipline": .choice(Discipline.self).orNull,
                "notes": .string.orNull,
                "initiatives": .array(.ref(.initiative)),
                "awards": .array(.ref(.award)),
            ])
    }
    static let assessmentListItem = SchemaComponent("AssessmentListItem") {
        .object(
            [
                "assessment": .ref(.assessment),
                "subjectName": .string,
                "unitCode": .string,
                "birthDate": .string.orNull,
            ])
    }
}
