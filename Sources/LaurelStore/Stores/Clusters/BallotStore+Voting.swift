import Foundation
import LaurelDomain
import SQLKit

extension BallotStore {
    public func create(_ draft: BallotDraft, as identity: Identity) async throws -> BallotRecord {
        try Permissions.requireWrite(identity)
        let ballot: Ballot
        do {
            ballot = try Ballot(
                purpose: draft.purpose, candidates: draft.candidates, eligibleVoters: Set(draft.voters), seats: draft.seats,
                threshold: draft.threshold, quorum: draft.quorum, maxRounds: draft.maxRounds)
        } catch {
            throw error.refusal
        }
        return try await database.transaction { db in
            let owner = try await Self.owner(db, draft, identity: identity)
            let id = try await Self.insert(db, draft, ballot: ballot, owner: owner)
            guard let loaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            let record = try await Self.record(db, loaded, for: identity)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "ballot", entityId: id,
                unitPath: loaded.ownerPath.value, before: BallotRecord?.none, after: record)
            return record
        }
    }

    /// The unit that runs a ballot on this subject, after checking the identity may run it and
    /// that voters (and for a season, candidates) fit the subject.
    static func owner(_ db: any SQLDatabase, _ draft: BallotDraft, identity: Identity) async throws -> Int64 {
        switch draft.subjectKind {
        case .season:
            let season = try await SeasonStore.readable(db, id: draft.subjectId, identity: identity)
            guard season.policy(identity).mayRunBallots else {
                throw DomainError(.forbidden, "error.ballot_owner_only")
            }
            let members = season.season.members
            if let stranger = draft.voters.first(where: { !members.contains($0) }) {
                throw DomainError.invalid("error.season_not_a_member", field: "voters", String(stranger))
            }
            if let stranger = draft.candidates.first(where: { !members.contains($0) }) {
                throw DomainError.invalid("error.season_not_a_member", field: "candidates", String(stranger))
            }
            if let post = draft.post {
                do {
                    try season.cluster.rotation.validateCandidates(
                        draft.candidates, for: post, members: members, outgoing: season.season.leadership)
                } catch {
                    throw DomainError.invalid("error.ballot_candidate_not_eligible", field: "candidates")
                }
            }
            return season.cluster.row.organiserUnitId
        case .cluster:
            let cluster = try await ClusterStore.configurable(db, id: draft.subjectId, identity: identity)
            return cluster.row.organiserUnitId
        case .movement:
            let movement = try await MovementStore.writable(db, id: draft.subjectId, identity: identity)
            try await requireVotersInScope(db, draft.voters, identity: identity)
            return movement.movement.launcherUnitId
        case .unit:
            let unit = try await UnitStore.fetchInScope(db, id: draft.subjectId, scope: identity.scope, field: "subject")
            try await requireVotersInScope(db, draft.voters, identity: identity)
            return unit.id
        }
    }

    static func requireVotersInScope(_ db: any SQLDatabase, _ voters: [Int64], identity: Identity) async throws {
        let paths = try await Lookup.unitPaths(db, voters)
        if let stranger = voters.first(where: { paths[$0].map { !identity.scope.contains($0) } ?? true }) {
            throw DomainError(.notFound, "error.unit_not_found", field: "voters", arguments: [String(stranger)])
        }
    }

    static func insert(_ db: any SQLDatabase, _ draft: BallotDraft, ballot: Ballot, owner: Int64) async throws -> Int64 {
        guard
            let id = try await db.insert(into: "ballots")
                .columns(
                    "purpose", "subject_kind", "subject_id", "owner_unit_id", "post", "seats", "threshold_num", "threshold_den",
                    "quorum_num", "quorum_den", "max_rounds", "rounds_started", "closed", "created_at"
                )
                .values(
                    SQLBind(draft.purpose), SQLBind(draft.subjectKind.rawValue), SQLBind(draft.subjectId), SQLBind(owner),
                    SQLBind(draft.post?.rawValue), SQLBind(ballot.seats), SQLBind(ballot.threshold.numerator),
                    SQLBind(ballot.threshold.denominator),
                    SQLBind(ballot.quorum.numerator), SQLBind(ballot.quorum.denominator), SQLBind(ballot.maxRounds), SQLBind(1),
                    SQLBind(false), SQLBind(Clock.timestamp())
                )
                .returning("id").first(decodingColumn: "id", as: Int64.self)
        else { throw DomainError(.conflict, "error.write_failed") }
        for candidate in ballot.candidates {
            try await db.insert(into: "ballot_candidates").columns("ballot_id", "candidate_id").values(SQLBind(id), SQLBind(candidate))
                .run()
        }
        for voter in ballot.eligibleVoters.sorted() {
            try await db.insert(into: "ballot_electors").columns("ballot_id", "voter_id").values(SQLBind(id), SQLBind(voter)).run()
        }
        return id
    }

    /// Casts a voting unit's paper. The mark (who) and the paper (what) go to two tables that
    /// share only the ballot and the round; the audit log records the mark, never the choices.
    /// Answers the mark alone: how the count stands is not the voter's to see while it runs.
    @discardableResult
    public func vote(_ id: Int64, voter: Int64, choices: [Int64], as identity: Identity) async throws -> VoterMark {
        try await database.transaction { db in
            var loaded = try await Self.readable(db, id: id, identity: identity)
            guard identity.votesFor(voter) else { throw DomainError(.forbidden, "error.ballot_not_your_vote", field: "voter") }
            let record: CastRecord
            do {
                record = try loaded.ballot.cast(voter: voter, choices: choices)
            } catch let error as BallotError {
                throw error.refusal
            }
            do {
                try await db.insert(into: "ballot_marks").columns("ballot_id", "round", "voter_id")
                    .values(SQLBind(id), SQLBind(record.mark.round), SQLBind(voter)).run()
            } catch {
                // The primary key refused a second mark cast at the same moment on another connection.
                throw DomainError(.conflict, "error.ballot_already_voted", field: "voter")
            }
            try await db.insert(into: "ballot_papers").columns("paper_id", "ballot_id", "round", "choices")
                .values(
                    SQLBind(UUID().uuidString.lowercased()), SQLBind(id), SQLBind(record.paper.round),
                    SQLBind(record.paper.choices.map(String.init).joined(separator: ","))
                )
                .run()
            struct Mark: Encodable {
                let voter: Int64
                let round: Int
            }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "vote", entity: "ballot", entityId: id,
                unitPath: loaded.voterPaths[voter]?.value ?? loaded.ownerPath.value, before: Mark?.none,
                after: Mark(voter: voter, round: record.mark.round))
            return record.mark
        }
    }

    /// Closes the ballot for good; a closed ballot is immutable.
    public func close(_ id: Int64, as identity: Identity) async throws -> BallotRecord {
        try await database.transaction { db in
            var loaded = try await Self.runnable(db, id: id, identity: identity)
            try loaded.ballot.close()
            try await db.update("ballots").set("closed", to: SQLBind(true)).where("id", .equal, SQLBind(id)).run()
            let record = try await Self.record(db, loaded, for: identity)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "close", entity: "ballot", entityId: id,
                unitPath: loaded.ownerPath.value, before: BallotRecord?.none, after: loaded.ballot.outcome())
            return record
        }
    }

    /// Opens a round among the candidates tied at the last seat.
    public func nextRound(_ id: Int64, as identity: Identity) async throws -> BallotRecord {
        try await database.transaction { db in
            var loaded = try await Self.runnable(db, id: id, identity: identity)
            try loaded.ballot.startNextRound()
            try await db.update("ballots").set("rounds_started", to: SQLBind(loaded.ballot.currentRound)).where("id", .equal, SQLBind(id))
                .run()
            let record = try await Self.record(db, loaded, for: identity)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "next_round", entity: "ballot", entityId: id,
                unitPath: loaded.ownerPath.value, before: BallotRecord?.none, after: record.tally)
            return record
        }
    }
}
