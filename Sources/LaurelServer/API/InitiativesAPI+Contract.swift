import LaurelDomain
import LaurelStore

/// What `InitiativesAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension InitiativesAPI {
    enum Contract {
        static let create = APIOperation(
            .post, "initiatives", "Record an initiative or research work", tag: "records",
            body: .json(.ref(.initiativeInput)),
            responses: [.created(.ref(.initiative))],
            errors: [400, 401, 403, 404, 422])
        static let get = APIOperation(
            .get, "initiatives/{id}", "An initiative", tag: "records",
            parameters: [.id],
            responses: [.ok(.ref(.initiative))],
            errors: [401, 403, 404])
    }
}

extension SchemaComponent {
    static let initiative = SchemaComponent("Initiative") {
        .object(
            required: ["id", "title", "year", "level", "authors"],
            [
                "id": .int64,
                "title": .string,
                "year": .integer,
                "level": .choice(InitiativeLevel.self),
                "decisionNumber": .string.orNull,
                "unitId": .integer,
                "authors": .array(
                    .object(
                        [
                            "personId": .integer,
                            "share": .integer,
                            "fullName": .string.orNull,
                        ])),
            ])
    }
    static let initiativeInput = SchemaComponent("InitiativeInput") {
        .object(
            required: ["title", "year", "level", "authors"],
            closed: true,
            [
                "title": .string(maxLength: 200),
                "year": .integer(minimum: 1945),
                "level": .choice(InitiativeLevel.self),
                "authors": .array(
                    .object(
                        required: ["personId"],
                        [
                            "personId": .int64,
                            "share": .integer(minimum: 1, maximum: 100),
                        ]), minItems: 1),
                "decisionNumber": .string(maxLength: 100).orNull,
            ])
    }
}
