import LaurelDomain
import LaurelStore

/// What `QuotasAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension QuotasAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "units/{id}/quotas", "Quotas in force at a unit: its own and inherited ones, with where each is set", tag: "quotas",
            parameters: [.id],
            responses: [
                .ok(
                    .object(
                        required: ["items"],
                        [
                            "items": .array(.ref(.quota))
                        ]))
            ],
            errors: [401, 403, 404])
        static let put = APIOperation(
            .put, "units/{id}/quotas/{code}", "Set or replace the unit's own quota for a code", tag: "quotas",
            parameters: [.id, .path("code", .string(minLength: 1, maxLength: 40), "a catalogue code for individuals, e.g. CSTDCS")],
            body: .json(.ref(.quotaInput)),
            responses: [.ok(.ref(.quota))],
            errors: [400, 401, 403, 404, 422])
        static let delete = APIOperation(
            .delete, "units/{id}/quotas/{code}", "Remove the unit's own quota for a code", tag: "quotas",
            parameters: [.id, .path("code", .string(minLength: 1, maxLength: 40), "a catalogue code for individuals, e.g. CSTDCS")],
            responses: [.noContent("Removed")],
            errors: [401, 403, 404])
        static let check = APIOperation(
            .post, "units/{id}/quota-check", "Judge an ordered proposal list against the quota in force at the unit", tag: "quotas",
            parameters: [.id],
            body: .json(.ref(.quotaCheckInput)),
            responses: [.ok(.ref(.quotaCheck))],
            errors: [400, 401, 403, 404, 422])
    }
}

extension SchemaComponent {
    static let quota = SchemaComponent("Quota") {
        .object(
            required: ["code", "percent", "ofCode", "unitId", "unitName", "inherited"],
            [
                "code": .string,
                "percent": .integer(minimum: 1, maximum: 100),
                "ofCode": .string,
                "unitId": .int64.described("the unit whose setting this is"),
                "unitName": .string,
                "inherited": .boolean.described("set at an ancestor of the unit asked about"),
            ])
    }
    static let quotaInput = SchemaComponent("QuotaInput") {
        .object(
            required: ["percent", "ofCode"],
            closed: true,
            [
                "percent": .integer(minimum: 1, maximum: 100),
                "ofCode": .string.described("the base code, e.g. LDTT"),
            ])
    }
    static let quotaCheck = SchemaComponent("QuotaCheck") {
        .object(
            required: [
                "code", "year", "unitId", "unitName", "setAtUnitId", "setAtUnitName", "baseCode", "baseCount", "percent", "cap", "proposed",
                "ineligible", "withinQuota", "overQuota", "exceeded", "detail",
            ],
            [
                "code": .string,
                "year": .integer,
                "unitId": .int64,
                "unitName": .string,
                "setAtUnitId": .int64,
                "setAtUnitName": .string,
                "baseCode": .string,
                "baseCount": .integer.described("people of the unit holding or eligible for baseCode in the year"),
                "percent": .integer,
                "cap": .integer.described("floor(percent × baseCount / 100)"),
                "proposed": .array(.int64),
                "ineligible": .array(.int64),
                "withinQuota": .array(.int64),
                "overQuota": .array(.int64),
                "exceeded": .boolean,
                "detail": .string,
            ])
    }
    static let quotaCheckInput = SchemaComponent("QuotaCheckInput") {
        .object(
            required: ["code", "year", "proposals"],
            closed: true,
            [
                "code": .string,
                "year": .integer(minimum: 1945, maximum: 2200),
                "proposals": .array(.int64).described("ids of people directly in the unit, in the unit's order of preference"),
            ])
    }
}
