import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/submissions`: a level sends the dossiers it approved up to the next level in one
/// numbered submission (tờ trình; issue 9 point 5).
struct SubmissionsAPI {
    let submissions: SubmissionStore

    func register(on routes: APIRoutes) {
        routes.write.on(Contract.create, use: create)
    }

    enum Contract {
        static let create = APIOperation(
            .post, "submissions", "Send approved dossiers to the next level in one numbered submission", tag: "nominations",
            body: .json(
                .object(
                    required: ["fromUnitId", "toUnitId", "number", "date", "nominationIds"],
                    closed: true,
                    [
                        "fromUnitId": .int64,
                        "toUnitId": .int64,
                        "number": .string(maxLength: 200),
                        "date": .date,
                        "signer": .string(maxLength: 200),
                        "nominationIds": .array(.int64, maxItems: 2000),
                    ])),
            responses: [.created(.ref(.submission))],
            errors: [400, 401, 403, 404, 409, 422])
    }

    struct CreateRequest: Decodable, Sendable {
        var fromUnitId: Int64?
        var toUnitId: Int64?
        var number: String?
        var date: String?
        var signer: String?
        var nominationIds: [Int64]?
    }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context).value
        var errors: [DomainError] = []
        if body.fromUnitId == nil { errors.append(.invalid("error.required", field: "fromUnitId")) }
        if body.toUnitId == nil { errors.append(.invalid("error.required", field: "toUnitId")) }
        let number = Validate.name(body.number, field: "number", into: &errors)
        let date = MovementsAPI.date(body.date, field: "date", into: &errors)
        let signer = Validate.optionalText(body.signer, field: "signer", into: &errors)
        if body.nominationIds?.isEmpty ?? true { errors.append(.invalid("error.required", field: "nominationIds")) }
        guard errors.isEmpty, let from = body.fromUnitId, let to = body.toUnitId, let date, let ids = body.nominationIds else {
            throw ValidationErrors(errors)
        }
        let record = try await submissions.create(
            SubmissionDraft(fromUnitId: from, toUnitId: to, number: number, date: date, signer: signer, nominationIds: ids),
            as: context.identity)
        return try JSON.response(SubmissionResponse(record), status: .created)
    }
}

struct SubmissionResponse: APIResponseBody {
    let id: Int64, fromUnitId: Int64, toUnitId: Int64, number: String, date: String, signer: String?, nominationIds: [Int64]

    init(_ record: SubmissionRecord) {
        id = record.id
        fromUnitId = record.fromUnitId
        toUnitId = record.toUnitId
        number = record.number
        date = record.date.description
        signer = record.signer
        nominationIds = record.nominationIds
    }
}

extension SchemaComponent {
    static let submission = SchemaComponent("Submission") {
        .object(
            required: ["id", "fromUnitId", "toUnitId", "number", "date", "nominationIds"],
            [
                "id": .int64, "fromUnitId": .int64, "toUnitId": .int64, "number": .string, "date": .date, "signer": .string,
                "nominationIds": .array(.int64),
            ])
    }
}
