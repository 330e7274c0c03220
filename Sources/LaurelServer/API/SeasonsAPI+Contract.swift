import LaurelDomain
import LaurelStore

/// What `SeasonsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension SeasonsAPI {
    enum Contract {
        static let get = APIOperation(
            .get, "seasons/{id}", "Get a season", tag: "seasons",
            parameters: [.id],
            responses: [.ok(.ref(.season))],
            errors: [401, 403, 404, 422])
        static let selfScore = APIOperation(
            .put, "seasons/{id}/self-scores/{unitId}", "A member's self-score (its own officers)", tag: "seasons",
            parameters: [.id, .path("unitId", .integer(minimum: 1, format: "int64"))],
            body: .json(
                .object(
                    required: ["scores"],
                    closed: true,
                    [
                        "scores": .map(.number.with("multipleOf", .number(0.01)))
                    ])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let verify = APIOperation(
            .put, "seasons/{id}/verified-scores/{unitId}", "The leader or deputy verifies another member", tag: "seasons",
            parameters: [.id, .path("unitId", .integer(minimum: 1, format: "int64"))],
            body: .json(
                .object(
                    required: ["scores"],
                    closed: true,
                    [
                        "scores": .map(.number.with("multipleOf", .number(0.01))),
                        "verifierUnitId": .int64,
                    ])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let crossScore = APIOperation(
            .put, "seasons/{id}/cross-scores/{scorerUnitId}/{targetUnitId}", "Cross mode: a member scores another", tag: "seasons",
            parameters: [
                .id, .path("scorerUnitId", .integer(minimum: 1, format: "int64")),
                .path("targetUnitId", .integer(minimum: 1, format: "int64")),
            ],
            body: .json(
                .object(
                    required: ["scores"],
                    closed: true,
                    [
                        "scores": .map(.number.with("multipleOf", .number(0.01)))
                    ])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let finalise = APIOperation(
            .post, "seasons/{id}/finalise", "Lock the season", tag: "seasons",
            parameters: [.id],
            body: .json(.object(closed: true, [:])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let reopen = APIOperation(
            .post, "seasons/{id}/reopen", "Reopen a locked season, with a reason (audited)", tag: "seasons",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["reason"],
                    closed: true,
                    [
                        "reason": .string(minLength: 1, maxLength: 2000)
                    ])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let ranking = APIOperation(
            .get, "seasons/{id}/ranking", "Ranking with shared ranks and section subtotals", tag: "seasons",
            parameters: [.id, .query("basis", .choice(RankingBasis.self))],
            responses: [.ok(.ref(.ranking))],
            errors: [401, 403, 404, 422])
        static let exportRanking = APIOperation(
            .get, "seasons/{id}/ranking/export", "The ranking as XLSX (or CSV)", tag: "seasons",
            parameters: [.id, .query("format", .choice(["csv", "xlsx"])), .query("basis", .choice(RankingBasis.self))],
            responses: [.file("The file", [MediaType.xlsx, MediaType.csv])],
            errors: [401, 403, 404, 422])
        static let covenant = APIOperation(
            .put, "seasons/{id}/covenant", "Operating rules, covenant, signing date and signatories", tag: "seasons",
            parameters: [.id],
            body: .json(
                .object(
                    closed: true,
                    [
                        "rulesText": .string,
                        "covenantText": .string,
                        "signedOn": .date,
                        "signedUnitIds": .array(.int64),
                    ])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let targets = APIOperation(
            .put, "seasons/{id}/targets/{unitId}", "A member's registered targets (planned, actual)", tag: "seasons",
            parameters: [.id, .path("unitId", .integer(minimum: 1, format: "int64"))],
            body: .json(
                .object(
                    required: ["targets"],
                    closed: true,
                    [
                        "targets": .array(
                            .object(
                                required: ["code", "title", "planned"],
                                closed: true,
                                [
                                    "code": .string,
                                    "title": .string,
                                    "measure": .string,
                                    "planned": .number,
                                    "actual": .number.orNull,
                                    "direction": .choice(["at_least", "at_most"]),
                                ]))
                    ])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let conference = APIOperation(
            .put, "seasons/{id}/conference", "The summary conference: date, venue, attendance", tag: "seasons",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["date"],
                    closed: true,
                    [
                        "date": .date,
                        "venue": .string,
                        "attendance": .string,
                    ])),
            responses: [.ok(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
        static let proposals = APIOperation(
            .get, "seasons/{id}/proposals", "Units proposed for the flag or a certificate", tag: "seasons",
            parameters: [.id],
            responses: [.ok(.list(.ref(.proposal)))],
            errors: [401, 403, 404, 422])
        static let propose = APIOperation(
            .post, "seasons/{id}/proposals", "Propose a member", tag: "seasons",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["unitId", "code"],
                    closed: true,
                    [
                        "unitId": .int64,
                        "code": .string,
                        "ballotId": .integer.orNull,
                    ])),
            responses: [.created(.list(.ref(.proposal)))],
            errors: [400, 401, 403, 404, 409, 422])
        static let nextSeason = APIOperation(
            .post, "seasons/{id}/next-season", "Next year's season, leadership from the closed elections", tag: "seasons",
            parameters: [.id],
            body: .json(
                .object(
                    closed: true,
                    [
                        "leaderUnitId": .int64,
                        "deputyUnitId": .int64,
                    ])),
            responses: [.created(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
    }
}

extension SchemaComponent {
    static let ranking = SchemaComponent("Ranking") {
        .object(
            required: ["rows", "pending"],
            [
                "basis": .choice(RankingBasis.self),
                "finalised": .boolean,
                "rows": .array(
                    .object(
                        required: ["rank", "unitId", "final", "sections"],
                        [
                            "rank": .integer,
                            "unitId": .int64,
                            "unitName": .string,
                            "final": .number,
                            "normalised": .number.orNull,
                            "sections": .map(.number),
                        ])),
                "pending": .array(.int64),
            ])
    }
    static let proposal = SchemaComponent("Proposal") {
        .object(
            [
                "id": .int64,
                "unitId": .int64,
                "unitName": .string,
                "code": .string,
                "ballotId": .integer.orNull,
                "final": .number.orNull,
                "rank": .integer.orNull,
                "voteShare": .number.orNull,
            ])
    }
}
