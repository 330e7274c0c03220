import LaurelDomain
import LaurelStore

/// What `ImportsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension ImportsAPI {
    enum Contract {
        static let run = APIOperation(
            .post, "imports/{kind}", "Import a CSV or XLSX file (dry run by default: lists bad rows, writes nothing)", tag: "imports",
            parameters: [
                .path("kind", .choice(["units", "people", "assessments", "initiatives", "awards"])),
                .query("dryRun", .choice(["true", "false"]), "default true"),
            ],
            body: APIRequestContent(content: [
                (MediaType.xlsx, .binary), (MediaType.csv, .string),
                (
                    "multipart/form-data",
                    .object(
                        [
                            "file": .binary
                        ])
                ),
            ]),
            responses: [
                .ok(.ref(.importReport)),
                .json(
                    422,
                    "Bad rows (or people already recorded: name, birth date and unit identify a person), or a bad request: nothing was written",
                    .oneOf([.ref(.importReport), .ref(.error)])),
                .json(
                    409, "The same file (same kind, same bytes) is being imported now: nothing was written by this request",
                    .ref(.importReport)),
            ],
            errors: [400, 401, 403, 404, 413])
        static let template = APIOperation(
            .get, "imports/{kind}/template.xlsx", "The template of an import", tag: "imports",
            parameters: [.path("kind", .choice(["units", "people", "assessments", "initiatives", "awards"]))],
            responses: [.file("XLSX file", [MediaType.xlsx])],
            errors: [401, 404])
    }
}

extension SchemaComponent {
    static let importReport = SchemaComponent("ImportReport") {
        .object(
            required: ["rows", "imported", "errors"],
            [
                "kind": .string,
                "dryRun": .boolean,
                "rows": .integer,
                "imported": .integer,
                "errorCount": .integer,
                "errors": .array(
                    .object(
                        required: ["row", "column", "message"],
                        [
                            "row": .integer,
                            "column": .string.orNull,
                            "message": .string,
                            "code": .string,
                        ])),
            ])
    }
}
