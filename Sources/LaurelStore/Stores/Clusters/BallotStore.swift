import Foundation
import LaurelDomain
import SQLKit

/// What a new ballot needs. Voters are units: a voting unit's officers and leaders cast its vote.
public struct BallotDraft: Sendable {
    public enum SubjectKind: String, Sendable, Codable, CaseIterable { case season, cluster, movement, unit }
    public var purpose: String, subjectKind: SubjectKind, subjectId: Int64, candidates: [Int64], voters: [Int64]
    public var seats: Int, threshold: Proportion, quorum: Proportion, maxRounds: Int
    /// Set for a leader or deputy election of a season: candidates are checked against the rotation rule.
    public var post: ClusterPost?
    public init(
        purpose: String, subjectKind: SubjectKind, subjectId: Int64, candidates: [Int64], voters: [Int64], seats: Int,
        threshold: Proportion, quorum: Proportion, maxRounds: Int = 2, post: ClusterPost? = nil
    ) {
        self.purpose = purpose
        self.subjectKind = subjectKind
        self.subjectId = subjectId
        self.candidates = candidates
        self.voters = voters
        self.seats = seats
        self.threshold = threshold
        self.quorum = quorum
        self.maxRounds = maxRounds
        self.post = post
    }
}

/// A ballot as the API shows it to one reader (never who voted for whom): while the current
/// round can still take papers, its count and the outcome so far stay hidden (`TallyView`).
public struct BallotRecord: Encodable, Sendable {
    public var id: Int64
    public var purpose: String
    public var subject: Subject
    public var post: ClusterPost?
    public var candidates: [Int64]
    public var voters: [Int64]
    public var seats: Int
    public var threshold: String
    public var quorum: String
    public var maxRounds: Int
    public var round: Int
    public var closed: Bool
    public var tally: TallyView
    /// Nil (absent in JSON) while the current round is running.
    public var outcome: BallotOutcome?
    public var names: [String: String]
    public struct Subject: Codable, Sendable {
        public var kind: BallotDraft.SubjectKind
        public var id: Int64
    }
    /// The current round's candidates (in a later round, those tied at the last seat).
    public var roundCandidates: [Int64]
}

public struct BallotStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, purpose: String, subjectKind: String, subjectId: Int64, ownerUnitId: Int64, post: String?, seats: Int
        let thresholdNum: Int, thresholdDen: Int, quorumNum: Int, quorumDen: Int, maxRounds: Int, roundsStarted: Int, closed: Bool
    }

    struct Loaded {
        let row: Row
        let subjectKind: BallotDraft.SubjectKind
        /// Set for a leader or deputy election of a season.
        let post: ClusterPost?
        var ballot: Ballot
        let ownerPath: UnitPath
        let voterPaths: [Int64: UnitPath]
    }

    static func load(_ db: any SQLDatabase, id: Int64) async throws -> Loaded? {
        guard
            let row = try await db.select().columns(SQLLiteral.all).from("ballots").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase),
            let ownerPath = try await Lookup.unitPath(db, row.ownerUnitId)
        else { return nil }
        let candidates = try await db.select().column("candidate_id").from("ballot_candidates").where("ballot_id", .equal, SQLBind(id))
            .all(decodingColumn: "candidate_id", as: Int64.self)
        let voters = try await db.select().column("voter_id").from("ballot_electors").where("ballot_id", .equal, SQLBind(id))
            .all(decodingColumn: "voter_id", as: Int64.self)
        struct MarkRow: Decodable {
            let round: Int
            let voterId: Int64
        }
        let marks = try await db.select().columns("round", "voter_id").from("ballot_marks").where("ballot_id", .equal, SQLBind(id))
            .all(decoding: MarkRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        struct PaperRow: Decodable {
            let round: Int
            let choices: String
        }
        let papers = try await db.select().columns("round", "choices").from("ballot_papers").where("ballot_id", .equal, SQLBind(id))
            .orderBy("round").orderBy("choices").all(decoding: PaperRow.self)
        guard let threshold = Proportion(numerator: row.thresholdNum, denominator: row.thresholdDen),
            let quorum = Proportion(numerator: row.quorumNum, denominator: row.quorumDen)
        else { throw DomainError(.conflict, "error.ballot_inconsistent") }
        let subjectKind: BallotDraft.SubjectKind = try StoredChoice.read(row.subjectKind, "ballots.subject_kind")
        let post: ClusterPost? = try StoredChoice.read(row.post, "ballots.post")
        do {
            let ballot = try Ballot(
                restoring: row.purpose, candidates: candidates, eligibleVoters: Set(voters), seats: row.seats, threshold: threshold,
                quorum: quorum, maxRounds: row.maxRounds, roundsStarted: row.roundsStarted,
                marks: marks.map { VoterMark(voterId: $0.voterId, round: $0.round) },
                papers: papers.map { BallotPaper(round: $0.round, choices: $0.choices.split(separator: ",").compactMap { Int64($0) }) },
                isClosed: row.closed)
            return Loaded(
                row: row, subjectKind: subjectKind, post: post, ballot: ballot, ownerPath: ownerPath,
                voterPaths: try await Lookup.unitPaths(db, voters))
        } catch {
            throw DomainError(.conflict, "error.ballot_inconsistent")
        }
    }

    /// Readable by the owner's subtree and by the voters' subtrees.
    static func readable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        guard let loaded = try await load(db, id: id),
            identity.scope.contains(loaded.ownerPath) || loaded.voterPaths.values.contains(where: { identity.scope.contains($0) })
        else { throw DomainError(.notFound, "error.ballot_not_found") }
        return loaded
    }

    /// Run (created, rounds opened, closed) by the owner's writers.
    static func runnable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        let loaded = try await readable(db, id: id, identity: identity)
        try Permissions.requireWrite(identity)
        guard identity.scope.contains(loaded.ownerPath) else { throw DomainError(.forbidden, "error.ballot_owner_only") }
        return loaded
    }

    static func record(_ db: any SQLDatabase, _ loaded: Loaded, for identity: Identity) async throws -> BallotRecord {
        let ballot = loaded.ballot
        let row = loaded.row
        var names: [String: String] = [:]
        for (id, name) in try await Lookup.unitNames(db, Array(loaded.voterPaths.keys)) { names[String(id)] = name }
        if loaded.subjectKind != .unit && loaded.subjectKind != .movement {
            for (id, name) in try await Lookup.unitNames(db, ballot.candidates) { names[String(id)] = name }
        }
        return BallotRecord(
            id: row.id, purpose: row.purpose, subject: .init(kind: loaded.subjectKind, id: row.subjectId), post: loaded.post,
            candidates: ballot.candidates, voters: ballot.eligibleVoters.sorted(), seats: ballot.seats,
            threshold: ballot.threshold.description,
            quorum: ballot.quorum.description, maxRounds: ballot.maxRounds, round: ballot.currentRound, closed: ballot.isClosed,
            tally: ballot.tallyView(readerVotesFor: identity.votingUnits), outcome: ballot.disclosedOutcome(), names: names,
            roundCandidates: ballot.rounds[ballot.rounds.count - 1].candidates)
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> BallotRecord {
        try await database.read { db in try await Self.record(db, try await Self.readable(db, id: id, identity: identity), for: identity) }
    }

    /// The current round as this reader may see it (`TallyView`).
    public func tally(_ id: Int64, as identity: Identity) async throws -> TallyView {
        try await database.read { db in
            try await Self.readable(db, id: id, identity: identity).ballot.tallyView(readerVotesFor: identity.votingUnits)
        }
    }

    /// Ballots of a subject the identity can read (for the season and minutes pages).
    public func list(subjectKind: BallotDraft.SubjectKind, subjectId: Int64, as identity: Identity) async throws -> [BallotRecord] {
        try await database.read { db in
            let ids = try await db.select().column("id").from("ballots").where("subject_kind", .equal, SQLBind(subjectKind.rawValue))
                .where("subject_id", .equal, SQLBind(subjectId)).orderBy("id").all(decodingColumn: "id", as: Int64.self)
            var records: [BallotRecord] = []
            for id in ids {
                guard let loaded = try? await Self.readable(db, id: id, identity: identity) else { continue }
                records.append(try await Self.record(db, loaded, for: identity))
            }
            return records
        }
    }

}
