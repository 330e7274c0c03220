import LaurelDomain
import LaurelStore

/// What `ClustersAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension ClustersAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "clusters", "Clusters and blocks in scope", tag: "clusters",
            responses: [.ok(.list(.ref(.cluster)))],
            errors: [401, 403, 404, 422])
        static let create = APIOperation(
            .post, "clusters", "Create a cluster or block", tag: "clusters",
            body: .json(
                .object(
                    required: ["code", "name", "kind", "organiserUnitId", "decisionNumber", "decisionDate"],
                    closed: true,
                    [
                        "code": .string(maxLength: 40),
                        "name": .string(maxLength: 200),
                        "kind": .choice(["cluster", "block"]),
                        "organiserUnitId": .int64,
                        "decisionNumber": .string(maxLength: 200),
                        "decisionDate": .date,
                        "memberUnitIds": .array(.int64),
                        "rotation": .anyObject,
                    ])),
            responses: [.created(.ref(.cluster))],
            errors: [400, 401, 403, 404, 409, 422])
        static let get = APIOperation(
            .get, "clusters/{id}", "Get a cluster with its member history and seasons", tag: "clusters",
            parameters: [.id],
            responses: [.ok(.ref(.cluster))],
            errors: [401, 403, 404, 422])
        static let member = APIOperation(
            .post, "clusters/{id}/members", "A unit joins or leaves (history kept)", tag: "clusters",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["unitId"],
                    closed: true,
                    [
                        "unitId": .int64,
                        "date": .date,
                        "leave": .boolean,
                    ])),
            responses: [.ok(.ref(.cluster))],
            errors: [400, 401, 403, 404, 409, 422])
        static let createSeason = APIOperation(
            .post, "clusters/{id}/seasons", "Open a season (empty criteria copies last year's table)", tag: "clusters",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["year", "leaderUnitId", "deputyUnitId"],
                    closed: true,
                    [
                        "year": .integer(minimum: 1900, maximum: 2200),
                        "leaderUnitId": .int64,
                        "deputyUnitId": .int64,
                        "mode": .choice(ScoringMode.self),
                        "bonusCap": .number.with("multipleOf", .number(0.01)),
                        "criteria": .array(.ref(.criterion)),
                        "rulesText": .string,
                        "covenantText": .string,
                    ])),
            responses: [.created(.ref(.season))],
            errors: [400, 401, 403, 404, 409, 422])
    }
}

extension SchemaComponent {
    static let cluster = SchemaComponent("Cluster") {
        .object(
            required: ["id", "code", "name", "kind", "organiserUnitId", "memberUnitIds"],
            [
                "id": .int64,
                "code": .string,
                "name": .string,
                "kind": .choice(["cluster", "block"]),
                "organiserUnitId": .int64,
                "decisionNumber": .string,
                "decisionDate": .date,
                "memberUnitIds": .array(.int64),
                "members": .array(.anyObject),
                "seasons": .array(.anyObject),
                "rotation": .anyObject,
            ])
    }
    static let season = SchemaComponent("Season") {
        .object(
            required: ["id", "clusterId", "year", "leaderUnitId", "deputyUnitId", "mode", "status"],
            [
                "id": .int64,
                "clusterId": .int64,
                "year": .integer,
                "leaderUnitId": .int64,
                "deputyUnitId": .int64,
                "mode": .choice(ScoringMode.self),
                "bonusCap": .number,
                "status": .choice(["open", "finalised"]),
                "members": .array(.anyObject),
                "criteria": .array(.anyObject),
                "reopenReasons": .array(.string),
            ])
    }
    static let criterion = SchemaComponent("Criterion") {
        .object(
            required: ["code", "section", "title", "maxPoints", "kind"],
            closed: true,
            [
                "code": .string(minLength: 1, maxLength: 40),
                "section": .string(minLength: 1, maxLength: 40),
                "sectionTitle": .string,
                "title": .string(minLength: 1, maxLength: 200),
                "maxPoints": .number.with("multipleOf", .number(0.01)),
                "kind": .choice(["criterion", "bonus", "deduction"]),
            ])
    }
}
