import LaurelDomain
import LaurelStore

/// What `NominationsAPI` serves, as the OpenAPI document states it (issue 9's pinned shapes).
extension NominationsAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "nominations", "Dossiers proposed in scope, newest first", tag: "nominations",
            parameters: [
                .query("status", .choice(NominationStatus.self)), .query("code", .string(maxLength: 40)),
                .query("year", .integer(minimum: 1900, maximum: 2200)), .query("unitId", .int64, "the proposer or a unit above it"),
            ] + APIParameter.paging,
            responses: [.ok(.list(.ref(.nomination)))],
            errors: [401, 403, 422])
        static let create = APIOperation(
            .post, "nominations", "Start a dossier: the route and the decider come from the code and the tree", tag: "nominations",
            body: .json(
                .object(
                    required: ["proposerUnitId", "code", "year", "kind", "candidates"],
                    closed: true,
                    [
                        "proposerUnitId": .int64,
                        "code": .string(maxLength: 40),
                        "year": .integer(minimum: 1900, maximum: 2200),
                        "kind": .choice(NominationKind.self),
                        "movementId": .int64.orNull,
                        "candidates": .array(.ref(.candidateInput), maxItems: 500),
                    ])),
            responses: [.created(.ref(.nomination))],
            errors: [400, 401, 403, 404, 409, 422])
        static let get = APIOperation(
            .get, "nominations/{id}", "A dossier: candidates with their verdicts, documents, timeline", tag: "nominations",
            parameters: [.id],
            responses: [.ok(.ref(.nomination))],
            errors: [401, 403, 404])
        static let addDocument = APIOperation(
            .post, "nominations/{id}/documents", "Add a document (PDF, DOCX, XLSX, images; at most 10 MB) while the proposer holds it",
            tag: "nominations",
            parameters: [.id],
            body: APIRequestContent(content: [
                (
                    "multipart/form-data",
                    .object(
                        required: ["kind", "file"],
                        [
                            "kind": .choice(DocumentKind.self),
                            "file": .binary,
                            "candidateId": .string(pattern: "^[0-9]{1,18}$"),
                        ])
                )
            ]),
            responses: [.created(.ref(.nomination))],
            errors: [400, 401, 403, 404, 409, 413, 422])
        static let document = APIOperation(
            .get, "nominations/{id}/documents/{documentId}", "Download a document", tag: "nominations",
            parameters: [.id, .path("documentId", .integer(minimum: 1, format: "int64"))],
            responses: [
                .file(
                    "The file, as the type recognised from its content",
                    [MediaType.pdf, MediaType.docx, MediaType.xlsx, "image/png", "image/jpeg", "image/gif", "image/webp"])
            ],
            errors: [401, 403, 404, 422])
        static let submit = action("submit", "Submit (or resubmit after a return): verdicts frozen, every problem listed")
        static let review = action("review", "The holding level opens its review")
        static let approve = action("approve", "The holding level approves (at the decider: approved for decision)")
        static let returnToProposer = action("return", "The holding level returns it to the proposer, with the reason", reason: true)
        static let reject = action("reject", "The holding level rejects it, with the reason", reason: true)

        static func action(_ name: String, _ summary: String, reason: Bool = false) -> APIOperation {
            APIOperation(
                .post, "nominations/{id}/\(name)", summary, tag: "nominations",
                parameters: [.id],
                body: reason ? .json(.object(required: ["reason"], closed: true, ["reason": .string(maxLength: 2000)])) : nil,
                responses: [.ok(.ref(.nomination))],
                errors: reason ? [400, 401, 403, 404, 409, 422] : [401, 403, 404, 409, 422])
        }
    }
}

extension SchemaComponent {
    static let nomination = SchemaComponent("Nomination") {
        .object(
            required: [
                "id", "status", "proposerUnitId", "proposerName", "code", "year", "kind", "route", "deciderUnitId", "round",
                "candidates", "documents", "timeline",
            ],
            [
                "id": .int64,
                "status": .choice(NominationStatus.self),
                "proposerUnitId": .int64,
                "proposerName": .string,
                "code": .string,
                "year": .integer,
                "kind": .choice(NominationKind.self),
                "movementId": .int64,
                "route": .array(.int64),
                "stageUnitId": .int64,
                "deciderUnitId": .int64,
                "round": .integer,
                "submittedOn": .date,
                "candidates": .array(.ref(.nominationCandidate)),
                "documents": .array(
                    .object(
                        required: ["id", "kind", "name", "contentType", "size"],
                        [
                            "id": .int64, "candidateId": .int64, "kind": .choice(DocumentKind.self), "name": .string,
                            "contentType": .string, "size": .integer,
                        ])),
                "timeline": .array(
                    .object(
                        required: ["kind", "stageUnitId", "round", "date"],
                        [
                            "kind": .choice(NominationEvent.Kind.self), "stageUnitId": .int64, "round": .integer, "reason": .string,
                            "date": .date, "accountId": .int64,
                        ])),
            ])
    }
    static let nominationCandidate = SchemaComponent("NominationCandidate") {
        .object(
            required: ["id", "name"],
            [
                "id": .int64,
                "personId": .int64,
                "unitId": .int64,
                "name": .string,
                "achievement": .string,
                "eligible": .boolean,
                "verdict": .ref(.verdict),
                "verdictOn": .date,
                "passed": .boolean,
            ])
    }
    /// `{"personId"}` or `{"unitId"}`, with what they achieved (required to propose an ineligible
    /// candidate for an ad hoc award).
    static let candidateInput = SchemaComponent("CandidateInput") {
        .object(
            closed: true,
            [
                "personId": .int64,
                "unitId": .int64,
                "achievement": .string(maxLength: 4000),
            ])
    }
}
