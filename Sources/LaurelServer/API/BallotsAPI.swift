import Foundation
import Hummingbird
import LaurelDomain
import LaurelStore

/// `/api/v1/ballots`: secret ballots. Voters are units; a voting unit's officers and leaders
/// cast its vote (docs/clusters-and-ballots.md).
struct BallotsAPI {
    let ballots: BallotStore

    func register(on routes: APIRoutes) {
        routes.write.on(Contract.create, use: create)
        routes.browse.on(Contract.get, use: get)
        routes.any.on(Contract.vote, use: vote)
        routes.write.on(Contract.close, use: close)
        routes.write.on(Contract.nextRound, use: nextRound)
        routes.browse.on(Contract.tally, use: tally)
    }

    /// A share given as "4/5", "80%", "0.8" or a number.
    struct ProportionInput: Decodable, Sendable {
        let value: Proportion?
        /// From a form field: "4/5", "80%", "0.8" or "0,8".
        init(text: String) {
            value = Proportion(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                value = Proportion(text)
            } else {
                let number = try container.decode(Double.self)
                value = (0...1).contains(number) ? Proportion(numerator: Int((number * 1_000_000).rounded()), denominator: 1_000_000) : nil
            }
        }
    }

    struct CreateRequest: Decodable, Sendable {
        struct Subject: Decodable, Sendable {
            var kind: String?
            var id: Int64?
        }
        var purpose: String?
        var subject: Subject?
        var candidates: [Int64]?
        var voters: [Int64]?
        var seats: Int?
        var threshold: ProportionInput?
        var quorum: ProportionInput?
        var maxRounds: Int?
        var post: String?
    }

    func ballotId(_ context: some SignedInRequestContext) throws -> Int64 { try context.pathId("id", notFound: "error.ballot_not_found") }

    func create(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        let body = try await RequestBody.decode(CreateRequest.self, for: Contract.create, from: request, context: context).value
        return try JSON.response(BallotResponse(try await ballots.create(try Self.draft(body), as: identity)), status: .created)
    }

    /// The one check of a new ballot's fields, for the API and the season's votes page; `errors`
    /// are problems the caller found while reading its input. The store checks who may run it.
    static func draft(_ body: CreateRequest, errors found: [DomainError] = []) throws -> BallotDraft {
        var errors = found
        let purpose = Validate.name(body.purpose, field: "purpose", into: &errors)
        let kind = Validate.choice(body.subject?.kind, as: BallotDraft.SubjectKind.self, field: "subject.kind", into: &errors)
        if body.subject?.id == nil { errors.append(.invalid("error.required", field: "subject.id")) }
        var post: ClusterPost?
        if let raw = body.post { post = Validate.choice(raw, as: ClusterPost.self, field: "post", into: &errors) }
        // A share is compared as `votes × denominator ≥ numerator × voters`: a huge denominator
        // ("1/9223372036854775807") would overflow there, so it is refused like any unreadable share.
        func unusable(_ input: ProportionInput?) -> Bool { input != nil && (input?.value.map { $0.denominator > 1_000_000_000 } ?? true) }
        if unusable(body.threshold) { errors.append(.invalid("error.ballot_bad_proportion", field: "threshold")) }
        if unusable(body.quorum) { errors.append(.invalid("error.ballot_bad_proportion", field: "quorum")) }
        if post != nil, kind != .season { errors.append(.invalid("error.ballot_post_needs_season", field: "post")) }
        guard errors.isEmpty, let kind, let subjectId = body.subject?.id else { throw ValidationErrors(errors) }
        return BallotDraft(
            purpose: purpose, subjectKind: kind, subjectId: subjectId, candidates: body.candidates ?? [], voters: body.voters ?? [],
            seats: body.seats ?? 1, threshold: body.threshold?.value ?? .half, quorum: body.quorum?.value ?? .none,
            maxRounds: body.maxRounds ?? 2, post: post)
    }

    func get(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(BallotResponse(try await ballots.get(try ballotId(context), as: identity)))
    }

    struct VoteRequest: Decodable, Sendable {
        var voter: Int64?
        var choices: [Int64]?
    }

    struct VoteAnswer: APIResponseBody {
        let ballotId: Int64
        let round: Int
        let voter: Int64
    }

    /// One paper per voter and round; a second one is 409. The answer says the vote counted, not
    /// how the count stands.
    func vote(_ request: Request, context: SignedInContext) async throws -> Response {
        let identity = context.identity
        guard identity.role != .auditor, identity.role != .staff else { throw DomainError(.forbidden, "error.read_only_role") }
        let id = try ballotId(context)
        let body = try await RequestBody.decode(VoteRequest.self, for: Contract.vote, from: request, context: context).value
        guard let voter = body.voter else { throw DomainError.invalid("error.required", field: "voter") }
        let mark = try await ballots.vote(id, voter: voter, choices: body.choices ?? [], as: identity)
        return try JSON.response(VoteAnswer(ballotId: id, round: mark.round, voter: voter), status: .created)
    }

    func close(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(BallotResponse(try await ballots.close(try ballotId(context), as: identity)))
    }

    func nextRound(_ request: Request, context: WriteContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(BallotResponse(try await ballots.nextRound(try ballotId(context), as: identity)))
    }

    /// The current round: the whole count once it takes no more papers, otherwise only how many
    /// have voted and whether the caller's unit has (`TallyView`).
    func tally(_ request: Request, context: BrowseContext) async throws -> Response {
        let identity = context.identity
        return try JSON.response(TallyViewResponse(try await ballots.tally(try ballotId(context), as: identity)))
    }
}
