import LaurelDomain
import LaurelStore

/// What `BallotsAPI` serves, as the OpenAPI document states it; `register(on:)` registers each
/// handler with its operation.
extension BallotsAPI {
    enum Contract {
        static let create = APIOperation(
            .post, "ballots", "Create a secret ballot (voters are units)", tag: "ballots",
            body: .json(
                .object(
                    required: ["purpose", "subject", "candidates", "voters"],
                    closed: true,
                    [
                        "purpose": .string(maxLength: 200),
                        "subject": .object(
                            required: ["kind", "id"],
                            closed: true,
                            [
                                "kind": .choice(BallotDraft.SubjectKind.self),
                                "id": .int64,
                            ]),
                        "candidates": .array(.int64),
                        "voters": .array(.int64),
                        "seats": .integer(minimum: 1),
                        "threshold": .anyValue.with("type", ["string", "number"]).described(
                            "\"4/5\", \"80%\", \"0.8\" or a number between 0 and 1"),
                        "quorum": .anyValue.with("type", ["string", "number"]).described(
                            "\"4/5\", \"80%\", \"0.8\" or a number between 0 and 1"),
                        "maxRounds": .integer(minimum: 1),
                        "post": .choice(ClusterPost.self),
                    ])),
            responses: [.created(.ref(.ballot))],
            errors: [400, 401, 403, 404, 409, 422])
        static let get = APIOperation(
            .get, "ballots/{id}", "Get a ballot (never who voted for whom)", tag: "ballots",
            parameters: [.id],
            responses: [.ok(.ref(.ballot))],
            errors: [401, 403, 404, 422])
        static let vote = APIOperation(
            .post, "ballots/{id}/votes", "Cast a voting unit's paper (a second one in a round is 409)", tag: "ballots",
            parameters: [.id],
            body: .json(
                .object(
                    required: ["voter"],
                    closed: true,
                    [
                        "voter": .int64,
                        "choices": .array(.int64),
                    ])),
            responses: [
                .created(
                    .object(
                        [
                            "ballotId": .int64,
                            "round": .integer,
                            "voter": .int64,
                        ]))
            ],
            errors: [400, 401, 403, 404, 409, 422])
        static let close = APIOperation(
            .post, "ballots/{id}/close", "Close the ballot for good", tag: "ballots",
            parameters: [.id],
            body: .json(.object(closed: true, [:])),
            responses: [.ok(.ref(.ballot))],
            errors: [400, 401, 403, 404, 409, 422])
        static let nextRound = APIOperation(
            .post, "ballots/{id}/rounds", "Open a round among the tied, once every elector has voted (409 before)", tag: "ballots",
            parameters: [.id],
            body: .json(.object(closed: true, [:])),
            responses: [.ok(.ref(.ballot))],
            errors: [400, 401, 403, 404, 409, 422])
        static let tally = APIOperation(
            .get, "ballots/{id}/tally", "The current round: how many voted while it runs, the whole count once it is over", tag: "ballots",
            parameters: [.id],
            responses: [.ok(.ref(.tallyView))],
            errors: [401, 403, 404, 422])
    }
}

extension SchemaComponent {
    static let ballot = SchemaComponent("Ballot") {
        .object(
            required: ["id", "purpose", "candidates", "voters", "closed"],
            [
                "id": .int64,
                "purpose": .string,
                "subject": .object(
                    [
                        "kind": .string,
                        "id": .int64,
                    ]),
                "post": .string.orNull,
                "candidates": .array(.int64),
                "voters": .array(.int64),
                "seats": .integer,
                "threshold": .string,
                "quorum": .string,
                "round": .integer,
                "closed": .boolean,
                "tally": .ref(.tallyView),
                "roundCandidates": .array(.int64),
                "outcome": .anyObject.described("absent while the current round takes papers"),
            ])
    }
    static let tallyView = SchemaComponent("TallyView") {
        .oneOf([.ref(.runningTally), .ref(.tally)]).described(
            "A round still taking papers (`open: true`) shows only how many have voted, and to the caller whether its unit has; once it takes no more papers (ballot closed, later round opened, every elector voted) the whole count."
        )
    }
    static let runningTally = SchemaComponent("RunningTally") {
        .object(
            required: ["round", "eligible", "cast", "seats", "open", "votedBy"],
            [
                "round": .integer,
                "eligible": .integer,
                "cast": .integer,
                "seats": .integer,
                "candidates": .array(.int64),
                "open": .anyValue.with("const", true),
                "youHaveVoted": .boolean.described("whether the caller's unit has voted in this round; absent when it votes for none"),
                "votedBy": .array(.int64).described("those of the caller's voting units that have voted in this round"),
            ])
    }
    static let tally = SchemaComponent("Tally") {
        .object(
            required: ["round", "eligible", "cast", "quorumMet", "results", "tie"],
            [
                "round": .integer,
                "eligible": .integer,
                "cast": .integer,
                "blank": .integer,
                "seats": .integer,
                "quorumMet": .boolean,
                "voters": .array(.int64),
                "results": .array(
                    .object(
                        [
                            "candidate": .int64,
                            "votes": .integer,
                            "share": .number,
                            "elected": .boolean,
                        ])),
                "tie": .array(.int64),
            ])
    }
}
