import LaurelDomain
import LaurelStore

/// What `UnitsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension UnitsAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "units", "List units in scope", tag: "units",
            parameters: [
                .query("parentId", .int64), .query("q", .string, "name or code, accents ignored"), .query("kind", .choice(UnitKind.self)),
                .query("sort", .choice(UnitSort.self)), .query("active", .choice(["true", "false"])),
            ] + APIParameter.paging,
            responses: [.ok(.list(.ref(.unit)))],
            errors: [401, 403, 404, 422])
        static let create = APIOperation(
            .post, "units", "Create a unit", tag: "units",
            body: .json(.ref(.unitInput)),
            responses: [.created(.ref(.unit))],
            errors: [400, 401, 403, 404, 409, 422])
        static let get = APIOperation(
            .get, "units/{id}", "Get a unit", tag: "units",
            parameters: [.id],
            responses: [.ok(.ref(.unit))],
            errors: [401, 403, 404])
        static let update = APIOperation(
            .patch, "units/{id}", "Change or move a unit", tag: "units",
            parameters: [.id],
            body: .json(.ref(.unitPatch)),
            responses: [.ok(.ref(.unit))],
            errors: [400, 401, 403, 404, 409, 422])
        static let subtree = APIOperation(
            .get, "units/{id}/subtree", "A unit and every unit below it", tag: "units",
            parameters: [.id],
            responses: [.ok(.list(.ref(.unit)))],
            errors: [401, 403, 404])
        static let deactivate = APIOperation(
            .post, "units/{id}/deactivate", "End a unit's active period", tag: "units",
            parameters: [.id],
            body: .json(.ref(.dateInput)),
            responses: [.ok(.ref(.unit))],
            errors: [400, 401, 403, 404, 409, 422])
        static let merge = APIOperation(
            .post, "units/{id}/merge", "Merge a unit into another", tag: "units",
            parameters: [.id],
            body: .json(.ref(.merge)),
            responses: [.ok(.ref(.mergeResult))],
            errors: [400, 401, 403, 404, 409, 422])
    }
}

/// A unit as the API shows it: the API's own shape, so a change to the stored unit does not
/// change the API unnoticed.
struct UnitResponse: APIResponseBody {
    let id: Int64, code: String, name: String, kind: UnitKind, level: UnitLevel, parentId: Int64?, path: String
    let active: Bool, activeFrom: String?, activeTo: String?, mergedIntoId: Int64?

    init(_ unit: OrgUnit) {
        id = unit.id
        code = unit.code
        name = unit.name
        kind = unit.kind
        level = unit.level
        parentId = unit.parentId
        path = unit.path
        active = unit.active
        activeFrom = unit.activeFrom
        activeTo = unit.activeTo
        mergedIntoId = unit.mergedIntoId
    }
}

/// What a merge did.
struct MergeResponse: APIResponseBody {
    let source: UnitResponse, targetId: Int64, peopleMoved: Int, unitsMoved: Int

    init(_ result: MergeResult) {
        source = UnitResponse(result.source)
        targetId = result.targetId
        peopleMoved = result.peopleMoved
        unitsMoved = result.unitsMoved
    }
}

extension SchemaComponent {
    static let unit = SchemaComponent("Unit") {
        .object(
            required: ["id", "code", "name", "kind", "level", "path", "active"],
            [
                "id": .int64,
                "code": .string,
                "name": .string,
                "kind": .choice(UnitKind.self),
                "level": .choice(UnitLevel.self),
                "parentId": .integer.orNull,
                "path": .string,
                "active": .boolean,
                "activeFrom": .string.orNull,
                "activeTo": .string.orNull,
                "mergedIntoId": .integer.orNull,
            ])
    }
    static let unitInput = SchemaComponent("UnitInput") {
        .object(
            required: ["code", "name", "kind", "level"],
            closed: true,
            [
                "code": .string(maxLength: 40),
                "name": .string(maxLength: 200),
                "kind": .choice(UnitKind.self),
                "level": .choice(UnitLevel.self),
                "parentId": .int64.orNull,
                "activeFrom": .date.orNull,
            ])
    }
    static let unitPatch = SchemaComponent("UnitPatch") {
        .object(
            closed: true,
            [
                "code": .string(maxLength: 40),
                "name": .string(maxLength: 200),
                "kind": .choice(UnitKind.self),
                "level": .choice(UnitLevel.self),
                "parentId": .int64.orNull,
                "activeFrom": .date.orNull,
            ])
    }
    static let dateInput = SchemaComponent("DateInput") {
        .object(
            closed: true,
            [
                "date": .date
            ])
    }
    static let mergeResult = SchemaComponent("MergeResult") {
        .object(
            [
                "source": .ref(.unit),
                "targetId": .integer,
                "peopleMoved": .integer,
                "unitsMoved": .integer,
            ])
    }
    static let merge = SchemaComponent("Merge") {
        .object(
            required: ["targetId"],
            closed: true,
            [
                "targetId": .int64,
                "date": .date,
            ])
    }
}
