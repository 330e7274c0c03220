import LaurelDomain
import LaurelStore

/// What `MovementsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension MovementsAPI {
    enum Contract {
        static let list = APIOperation(
            .get, "movements", "Movements launched in scope or above it", tag: "movements",
            parameters: APIParameter.paging,
            responses: [.ok(.list(.ref(.movementSummary)))],
            errors: [401, 403, 404, 422])
        static let create = APIOperation(
            .post, "movements", "Create a movement (draft)", tag: "movements",
            body: .json(.ref(.movementInput)),
            responses: [.created(.ref(.movement))],
            errors: [400, 401, 403, 404, 409, 422])
        static let get = APIOperation(
            .get, "movements/{id}", "Get a movement", tag: "movements",
            parameters: [.id],
            responses: [.ok(.ref(.movement))],
            errors: [401, 403, 404, 422])
        static let update = APIOperation(
            .put, "movements/{id}", "Adapt a draft (launcher and higher movement unchanged)", tag: "movements",
            parameters: [.id],
            body: .json(.ref(.movementInput)),
            responses: [.ok(.ref(.movement))],
            errors: [400, 401, 403, 404, 409, 422])
        static let launch = APIOperation(
            .post, "movements/{id}/launch", "Launch a movement", tag: "movements",
            parameters: [.id],
            body: .json(
                .object(
                    closed: true,
                    [
                        "date": .date
                    ])),
            responses: [.ok(.ref(.movement))],
            errors: [400, 401, 403, 404, 409, 422])
        static let advance = APIOperation(
            .post, "movements/{id}/advance", "Interim review, final review or close", tag: "movements",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["status"],
                    closed: true,
                    [
                        "status": .choice(["launched", "interim_reviewed", "final_reviewed", "closed"]),
                        "date": .date,
                    ])),
            responses: [.ok(.ref(.movement))],
            errors: [400, 401, 403, 404, 409, 422])
        static let implement = APIOperation(
            .post, "movements/{id}/implementations", "A lower unit implements the movement with its own", tag: "movements",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["unitId"],
                    closed: true,
                    [
                        "unitId": .int64
                    ])),
            responses: [.created(.ref(.movement))],
            errors: [400, 401, 403, 404, 409, 422])
        static let reports = APIOperation(
            .get, "movements/{id}/reports", "Reports submitted (in scope)", tag: "movements",
            parameters: [.id],
            responses: [.ok(.list(.ref(.movementReport)))],
            errors: [401, 403, 404, 422])
        static let submitReport = APIOperation(
            .post, "movements/{id}/reports", "Submit a report for a deadline (late ones are marked, not refused)", tag: "movements",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["unitId", "deadlineId"],
                    closed: true,
                    [
                        "unitId": .int64,
                        "deadlineId": .int64,
                        "text": .string(maxLength: 20000),
                        "figures": .map(.integer(minimum: 0)),
                    ])),
            responses: [.created(.ref(.movementReport))],
            errors: [400, 401, 403, 404, 409, 422])
        static let coverage = APIOperation(
            .get, "movements/{id}/coverage", "Who launched, who reported, who is late or missing", tag: "movements",
            parameters: [.id, .query("today", .date, "evaluate as of this date")],
            responses: [.ok(.ref(.coverage))],
            errors: [401, 403, 404, 422])
        static let attach = APIOperation(
            .post, "movements/{id}/attachments", "Attach a file of the plan (raw body; PDF, DOCX, XLSX, images; at most 10 MB)",
            tag: "movements",
            parameters: [.id, .query("name", .string)],
            body: APIRequestContent(content: [("application/octet-stream", .binary)]),
            responses: [
                .created(
                    .object(
                        [
                            "id": .int64,
                            "name": .string,
                            "contentType": .string,
                            "size": .integer,
                        ]))
            ],
            errors: [401, 403, 404, 413, 422])
        static let attachment = APIOperation(
            .get, "movements/{id}/attachments/{attachmentId}", "Download an attachment", tag: "movements",
            parameters: [.id, .path("attachmentId", .integer(minimum: 1, format: "int64"))],
            responses: [
                .file(
                    "The file, as the type recognised from its content",
                    [MediaType.pdf, MediaType.docx, MediaType.xlsx, "image/png", "image/jpeg", "image/gif", "image/webp"])
            ],
            errors: [401, 403, 404, 422])
    }
}

extension SchemaComponent {
    static let movementSummary = SchemaComponent("MovementSummary") {
        .object(
            required: ["id", "name", "launcherUnitId", "kind", "status", "startDate", "endDate"],
            [
                "id": .int64,
                "name": .string,
                "launcherUnitId": .int64,
                "launcherName": .string,
                "kind": .choice(MovementKind.self),
                "startDate": .date,
                "endDate": .date,
                "parentId": .integer.orNull,
                "status": .choice(MovementStatus.self),
            ])
    }
    static let movement = SchemaComponent("Movement") {
        .object(
            required: ["id", "name", "launcherUnitId", "kind", "status", "reportDeadlines"],
            [
                "id": .int64,
                "name": .string,
                "launcherUnitId": .int64,
                "launcherName": .string,
                "kind": .choice(MovementKind.self),
                "startDate": .date,
                "endDate": .date,
                "objectives": .array(.string),
                "motto": .string,
                "contents": .array(
                    .object(
                        [
                            "number": .integer,
                            "title": .string,
                        ])),
                "criteria": .array(
                    .object(
                        [
                            "group": .string,
                            "text": .string,
                        ])),
                "plannedForms": .array(.string),
                "parentId": .integer.orNull,
                "status": .choice(MovementStatus.self),
                "launchedOn": .string.orNull,
                "interimReviews": .array(.string),
                "finalReviewedOn": .string.orNull,
                "closedOn": .string.orNull,
                "requiresInterimReview": .boolean,
                "allowedNextStatuses": .array(.string),
                "reportDeadlines": .array(
                    .object(
                        required: ["id", "title", "dueDate"],
                        [
                            "id": .int64,
                            "title": .string,
                            "dueDate": .date,
                        ])),
                "attachments": .array(
                    .object(
                        [
                            "id": .int64,
                            "name": .string,
                            "contentType": .string,
                            "size": .integer,
                        ])),
            ])
    }
    static let movementInput = SchemaComponent("MovementInput") {
        .object(
            required: ["name", "launcherUnitId", "kind", "startDate", "endDate"],
            closed: true,
            [
                "name": .string(maxLength: 200),
                "launcherUnitId": .int64,
                "kind": .choice(MovementKind.self),
                "startDate": .date,
                "endDate": .date,
                "parentId": .int64.orNull,
                "objectives": .array(.string(maxLength: 2000)),
                "motto": .string(maxLength: 500),
                "contents": .array(
                    .object(
                        required: ["title"],
                        closed: true,
                        [
                            "title": .string(minLength: 1, maxLength: 2000)
                        ])),
                "criteria": .array(
                    .object(
                        required: ["group", "text"],
                        closed: true,
                        [
                            "group": .string(minLength: 1, maxLength: 200),
                            "text": .string(minLength: 1, maxLength: 2000),
                        ])),
                "plannedForms": .array(.string),
                "reportDeadlines": .array(
                    .object(
                        required: ["title", "dueDate"],
                        closed: true,
                        [
                            "title": .string(minLength: 1, maxLength: 500),
                            "dueDate": .date,
                        ])),
            ])
    }
    static let movementReport = SchemaComponent("MovementReport") {
        .object(
            [
                "id": .int64,
                "movementId": .int64,
                "deadlineId": .int64,
                "unitId": .int64,
                "text": .string,
                "figures": .map(.integer),
                "submittedOn": .date,
                "late": .boolean,
            ])
    }
    static let coverage = SchemaComponent("Coverage") {
        .object(
            required: ["total", "launched", "units"],
            [
                "movementId": .int64,
                "today": .date,
                "total": .integer,
                "launched": .integer,
                "units": .array(
                    .object(
                        [
                            "unitId": .int64,
                            "unitName": .string,
                            "launched": .boolean,
                            "launchedOn": .string.orNull,
                            "movementId": .integer.orNull,
                            "reports": .array(
                                .object(
                                    [
                                        "deadlineId": .int64,
                                        "status": .choice(ReportStatus.self),
                                        "submittedOn": .string.orNull,
                                        "daysLate": .integer.orNull,
                                    ])),
                        ])),
                "deadlines": .array(.anyObject),
            ])
    }
}
