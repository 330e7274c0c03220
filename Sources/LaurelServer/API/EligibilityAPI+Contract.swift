import LaurelDomain
import LaurelStore

/// What `EligibilityAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension EligibilityAPI {
    enum Contract {
        static let check = APIOperation(
            .post, "eligibility/check", "Check subjects' histories against the law's rules", tag: "eligibility",
            parameters: [.query("year", .integer(minimum: 1900, maximum: 2200), "judge every check in this year")],
            body: .json(.ref(.checkInput)),
            responses: [
                .ok(
                    .object(
                        required: ["verdicts"],
                        [
                            "verdicts": .array(.ref(.verdict))
                        ]))
            ],
            errors: [400, 401, 413, 422, 503])
        static let person = APIOperation(
            .get, "people/{id}/eligibility", "Every title and form for a person in a year, explained", tag: "eligibility",
            parameters: [.id, .query("year", .integer(minimum: 1945, maximum: 2200), "the year judged")],
            responses: [
                .ok(
                    .object(
                        required: ["personId", "year", "verdicts"],
                        [
                            "personId": .integer,
                            "year": .integer,
                            "verdicts": .array(.ref(.verdict)),
                        ]))
            ],
            errors: [401, 403, 404, 422])
        static let unit = APIOperation(
            .get, "units/{id}/eligibility", "One title or form for everyone of a unit's subtree", tag: "eligibility",
            parameters: [
                .id, .query("code", .string, required: true), .query("year", .integer(minimum: 1945, maximum: 2200), "the year judged"),
            ],
            responses: [
                .ok(
                    .object(
                        required: ["unitId", "code", "year", "total", "eligible", "rows"],
                        [
                            "unitId": .integer,
                            "code": .string,
                            "year": .integer,
                            "total": .integer,
                            "eligible": .integer,
                            "rows": .array(
                                .object(
                                    [
                                        "subjectId": .integer,
                                        "name": .string,
                                        "unitName": .string,
                                        "eligible": .boolean,
                                        "eligibleFrom": .integer.orNull,
                                        "unmet": .array(.string),
                                        "unmetConditions": .array(.string),
                                        "bonusVND": .integer.orNull,
                                    ])),
                        ]))
            ],
            errors: [401, 403, 404, 422, 503])
    }
}

extension SchemaComponent {
    static let verdict = SchemaComponent("Verdict") {
        .object(
            required: ["subject", "code", "year", "eligible", "conditions", "basis"],
            [
                "subject": .string,
                "code": .string,
                "year": .integer,
                "eligible": .boolean,
                "conditions": .array(
                    .object(
                        [
                            "id": .string,
                            "met": .boolean,
                            "detail": .string,
                            "evidence": .anyObject,
                        ])),
                "basis": .string,
                "eligibleFrom": .integer.orNull,
                "bonusVND": .integer.orNull,
            ])
    }
    static let checkInput = SchemaComponent("CheckInput") {
        .object(
            required: ["subjects"],
            description:
                "See docs/check-input.md. One request takes at most 1,000 subjects, 300 years (and 300 awards) a subject, 20,000 members in all and 10,000 checks (the default 'every code' checks counted); the body at most 4 MiB. Past any of these the answer is 413 naming the bound; a busy server answers 503 with Retry-After.",
            [
                "subjects": .array(.anyObject, maxItems: 1000),
                "check": .array(
                    .object(
                        [
                            "code": .string,
                            "year": .integer,
                            "decisionDate": .date,
                        ])),
            ])
    }
}
