import HTTPTypes

/// One operation of `/api/v1`: the route it is served on and what the document says of it. The
/// router registers the handler from the same value (`DocumentedRoutes.on`), so the document and
/// the routes cannot drift apart.
struct APIOperation: Sendable {
    let method: HTTPRequest.Method
    /// Relative to `/api/v1`, with `{name}` parameters as both Hummingbird and OpenAPI write them.
    let path: String
    var summary: String
    var tag: String
    var description: String?
    var parameters: [APIParameter] = []
    var body: APIRequestContent?
    var responses: [APIResponse]
    /// Needs a bearer token (every operation but signing in).
    var secured = true

    init(
        _ method: HTTPRequest.Method, _ path: String, _ summary: String, tag: String, description: String? = nil,
        parameters: [APIParameter] = [], body: APIRequestContent? = nil, responses: [APIResponse], errors: [Int], secured: Bool = true
    ) {
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.description = description
        self.parameters = parameters
        self.body = body
        // What the shared machinery answers whatever the handler: no token (401); a body that is
        // not JSON (400), too large or with too long a list (413), or of the wrong shape (422).
        var statuses = Set(errors)
        if secured { statuses.insert(401) }
        if body != nil { statuses.formUnion([400, 413, 422]) }
        statuses.subtract(responses.map(\.status))
        self.responses = responses + statuses.sorted().map { APIResponse.error($0) }
        self.secured = secured
    }
}

extension APIOperation {
    /// The members of the JSON body: what `RequestBody` accepts for this operation.
    var bodyProperties: Set<String> {
        guard let schema = body?.content.first(where: { $0.mediaType == "application/json" })?.schema else { return [] }
        return schema.resolved.propertyNames
    }
}

struct APIParameter: Sendable {
    enum Location: String, Sendable { case path, query }
    let name: String
    let location: Location
    let required: Bool
    let schema: Schema
    let description: String?

    /// A path parameter: always required.
    static func path(_ name: String, _ schema: Schema, _ description: String? = nil) -> APIParameter {
        APIParameter(name: name, location: .path, required: true, schema: schema, description: description)
    }

    static func query(_ name: String, _ schema: Schema, _ description: String = "", required: Bool = false) -> APIParameter {
        APIParameter(name: name, location: .query, required: required, schema: schema, description: description)
    }

    /// `{id}`: a row's identifier.
    static let id = path("id", .integer(minimum: 1, format: "int64"))
    /// `page` and `per` of every list.
    static let paging: [APIParameter] = [
        .query("page", .integer(minimum: 1)), .query("per", .integer(minimum: 1, maximum: 500)),
    ]
}

/// A request body: JSON unless said otherwise.
struct APIRequestContent: Sendable {
    let content: [(mediaType: String, schema: Schema)]

    static func json(_ schema: Schema) -> APIRequestContent { APIRequestContent(content: [("application/json", schema)]) }
}

struct APIResponse: Sendable {
    let status: Int
    let description: String
    let content: [(mediaType: String, schema: Schema)]

    static func ok(_ schema: Schema) -> APIResponse { APIResponse(status: 200, description: "OK", content: [("application/json", schema)]) }
    static func created(_ schema: Schema) -> APIResponse {
        APIResponse(status: 201, description: "Created", content: [("application/json", schema)])
    }
    static func noContent(_ description: String) -> APIResponse { APIResponse(status: 204, description: description, content: []) }
    static func file(_ description: String, _ mediaTypes: [String], status: Int = 200) -> APIResponse {
        APIResponse(status: status, description: description, content: mediaTypes.map { ($0, Schema.binary) })
    }
    static func json(_ status: Int, _ description: String, _ schema: Schema) -> APIResponse {
        APIResponse(status: status, description: description, content: [("application/json", schema)])
    }
    /// The localised error envelope that `APIErrorMiddleware` writes.
    static func error(_ status: Int) -> APIResponse { json(status, "Error", .ref(.error)) }
}

extension Schema {
    /// A file's bytes.
    static let binary = Schema(["type": "string", "format": "binary"])
}

enum MediaType {
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    static let csv = "text/csv"
    static let pdf = "application/pdf"
}
