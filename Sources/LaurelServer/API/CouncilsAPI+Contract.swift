import LaurelDomain
import LaurelStore

/// What `CouncilsAPI` serves, as the OpenAPI document states it.
extension CouncilsAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "councils", "Councils of the units in scope", tag: "councils",
            parameters: [.query("unitId", .int64)],
            responses: [.ok(.list(.ref(.council)))],
            errors: [401, 403, 422])
        static let create = APIOperation(
            .post, "councils", "Set up a unit's emulation and reward council", tag: "councils",
            body: .json(
                .object(
                    required: ["unitId", "name", "members"],
                    closed: true,
                    [
                        "unitId": .int64,
                        "name": .string(maxLength: 200),
                        "sitsFrom": .date.orNull,
                        "sitsUntil": .date.orNull,
                        "members": .array(.ref(.councilMemberInput), maxItems: 200),
                    ])),
            responses: [.created(.ref(.council))],
            errors: [400, 401, 403, 404, 422])
        static let get = APIOperation(
            .get, "councils/{id}", "A council and its members", tag: "councils",
            parameters: [.id],
            responses: [.ok(.ref(.council))],
            errors: [401, 403, 404])
    }
}

/// A council as the API shows it.
struct CouncilResponse: APIResponseBody {
    struct Member: Encodable, Sendable {
        let id: Int64, personId: Int64?, name: String, title: String?, role: CouncilRole
    }
    let id: Int64, unitId: Int64, unitName: String, name: String, sitsFrom: String?, sitsUntil: String?, members: [Member]

    init(_ council: CouncilRecord) {
        id = council.id
        unitId = council.unitId
        unitName = council.unitName
        name = council.name
        sitsFrom = council.sitsFrom?.description
        sitsUntil = council.sitsUntil?.description
        members = council.members.map { Member(id: $0.id, personId: $0.personId, name: $0.name, title: $0.title, role: $0.role) }
    }
}

extension SchemaComponent {
    static let council = SchemaComponent("Council") {
        .object(
            required: ["id", "unitId", "unitName", "name", "members"],
            [
                "id": .int64,
                "unitId": .int64,
                "unitName": .string,
                "name": .string,
                "sitsFrom": .date,
                "sitsUntil": .date,
                "members": .array(
                    .object(
                        required: ["id", "name", "role"],
                        [
                            "id": .int64,
                            "personId": .int64,
                            "name": .string,
                            "title": .string,
                            "role": .choice(CouncilRole.self),
                        ])),
            ])
    }
    /// `{"personId"}` for a person of the organisation, or `{"name"}` for an outsider, and a role.
    static let councilMemberInput = SchemaComponent("CouncilMemberInput") {
        .object(
            required: ["role"],
            closed: true,
            [
                "personId": .int64,
                "name": .string(maxLength: 200),
                "title": .string(maxLength: 200),
                "role": .choice(CouncilRole.self),
            ])
    }
}
