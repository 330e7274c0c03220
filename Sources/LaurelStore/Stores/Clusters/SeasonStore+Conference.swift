import Foundation
import LaurelDomain
import SQLKit

/// A unit proposed at the summary conference for the flag or a certificate.
public struct ProposalRecord: Codable, Sendable {
    public var id: Int64, unitId: Int64, unitName: String, code: String, ballotId: Int64?
    /// The unit's final score and rank, when ranked.
    public var final: Points?, rank: Int?
    /// Share of the votes in the ballot that proposed it (votes ÷ eligible voters).
    public var voteShare: Double?
}

extension SeasonStore {
    /// The organiser's writers, or the leader's officers (who preside over the cluster's year).
    static func presided(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        let loaded = try await readable(db, id: id, identity: identity)
        try Permissions.requireWrite(identity)
        guard loaded.policy(identity).mayPreside else {
            throw DomainError(.forbidden, "error.cluster_organiser_only")
        }
        return loaded
    }

    /// Operating rules, covenant text, signing date, and which members signed.
    public func updateCovenant(
        _ id: Int64, rulesText: String, covenantText: String, signedOn: CalendarDate?, signedUnitIds: [Int64],
        as identity: Identity
    ) async throws -> SeasonRecord {
        try await database.transaction { db in
            let loaded = try await Self.presided(db, id: id, identity: identity)
            if let stranger = signedUnitIds.first(where: { !loaded.season.members.contains($0) }) {
                throw DomainError.invalid("error.season_not_a_member", field: "signedUnitIds", String(stranger))
            }
            let before = try await Self.record(db, loaded)
            try await db.update("seasons").set("rules_text", to: SQLBind(rulesText)).set("covenant_text", to: SQLBind(covenantText))
                .set("covenant_signed_on", to: SQLBind(signedOn?.description)).where("id", .equal, SQLBind(id)).run()
            try await db.update("season_members").set("signed_covenant", to: SQLBind(false)).where("season_id", .equal, SQLBind(id)).run()
            if !signedUnitIds.isEmpty {
                try await db.update("season_members").set("signed_covenant", to: SQLBind(true)).where("season_id", .equal, SQLBind(id))
                    .where("unit_id", .in, SQLBind.group(signedUnitIds)).run()
            }
            guard let reloaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            let after = try await Self.record(db, reloaded)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "covenant", entity: "season", entityId: id,
                unitPath: loaded.cluster.organiserPath.value, before: before, after: after)
            return after
        }
    }

    /// A member's registered targets (planned, actual): its own officers or the organiser.
    public func setTargets(_ id: Int64, unitId: Int64, targets: [RegisteredTarget], as identity: Identity) async throws -> SeasonRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            var loaded = try await Self.readable(db, id: id, identity: identity)
            guard loaded.policy(identity).mayRegisterTargets(for: unitId) else {
                throw DomainError(.forbidden, "error.season_own_unit_only")
            }
            try Self.apply { try loaded.season.registerTargets(targets, for: unitId) }
            try await db.delete(from: "season_targets").where("season_id", .equal, SQLBind(id)).where("unit_id", .equal, SQLBind(unitId))
                .run()
            for target in targets {
                try await db.insert(into: "season_targets").columns(
                    "season_id", "unit_id", "code", "title", "measure", "planned", "actual", "direction"
                )
                .values(
                    SQLBind(id), SQLBind(unitId), SQLBind(target.code), SQLBind(target.title), SQLBind(target.measure),
                    SQLBind("\(target.planned)"), SQLBind(target.actual.map { "\($0)" }), SQLBind(target.direction.rawValue)
                )
                .run()
            }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "targets", entity: "season", entityId: id,
                unitPath: loaded.memberPaths[unitId]?.value, before: [RegisteredTarget]?.none, after: targets)
            return try await Self.record(db, loaded)
        }
    }

    /// The summary conference: date, venue, attendance.
    public func setConference(
        _ id: Int64, on date: CalendarDate, venue: String, attendance: String, as identity: Identity
    ) async throws -> SeasonRecord {
        try await database.transaction { db in
            let loaded = try await Self.presided(db, id: id, identity: identity)
            try await db.update("seasons").set("conference_on", to: SQLBind(date.description)).set("conference_venue", to: SQLBind(venue))
                .set("conference_attendance", to: SQLBind(attendance)).where("id", .equal, SQLBind(id)).run()
            struct Conference: Encodable {
                let date: String
                let venue: String
                let attendance: String
            }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "conference", entity: "season", entityId: id,
                unitPath: loaded.cluster.organiserPath.value, before: Conference?.none,
                after: Conference(date: date.description, venue: venue, attendance: attendance))
            guard let reloaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            return try await Self.record(db, reloaded)
        }
    }

    /// Proposes a member for a flag or certificate (catalogue code checked by the caller).
    public func addProposal(
        _ id: Int64, unitId: Int64, code: String, ballotId: Int64?, as identity: Identity
    ) async throws -> [ProposalRecord] {
        try await database.transaction { db in
            let loaded = try await Self.presided(db, id: id, identity: identity)
            guard loaded.season.members.contains(unitId) else {
                throw DomainError.invalid("error.season_not_a_member", field: "unitId", String(unitId))
            }
            if let ballotId {
                let ballot = try await db.select().column("id").from("ballots").where("id", .equal, SQLBind(ballotId))
                    .where("subject_kind", .equal, SQLBind(BallotDraft.SubjectKind.season.rawValue)).where(
                        "subject_id", .equal, SQLBind(id)
                    ).first()
                if ballot == nil { throw DomainError.invalid("error.ballot_not_found", field: "ballotId") }
            }
            try await db.insert(into: "season_proposals").columns("season_id", "unit_id", "code", "ballot_id")
                .values(SQLBind(id), SQLBind(unitId), SQLBind(code), SQLBind(ballotId)).run()
            struct Proposal: Encodable {
                let unitId: Int64
                let code: String
                let ballotId: Int64?
            }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "propose", entity: "season", entityId: id,
                unitPath: loaded.cluster.organiserPath.value, before: Proposal?.none,
                after: Proposal(unitId: unitId, code: code, ballotId: ballotId))
            return try await Self.proposals(db, loaded)
        }
    }

    public func proposals(_ id: Int64, as identity: Identity) async throws -> [ProposalRecord] {
        try await database.read { db in try await Self.proposals(db, try await Self.readable(db, id: id, identity: identity)) }
    }

    static func proposals(_ db: any SQLDatabase, _ loaded: Loaded) async throws -> [ProposalRecord] {
        struct Row: Decodable {
            let id: Int64
            let unitId: Int64
            let code: String
            let ballotId: Int64?
        }
        let rows = try await db.select().columns("id", "unit_id", "code", "ballot_id").from("season_proposals")
            .where("season_id", .equal, SQLBind(loaded.id)).orderBy("id").all(
                decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let ranking = loaded.season.ranking()
        let names = try await Lookup.unitNames(db, rows.map(\.unitId))
        var shares: [Int64: [Int64: Double]] = [:]
        for ballotId in Set(rows.compactMap(\.ballotId)) {
            if let ballot = try await BallotStore.load(db, id: ballotId) {
                // Only rounds that take no more papers: a running count is secret.
                let results = ballot.ballot.countedTallies().flatMap(\.results)
                shares[ballotId] = Dictionary(results.map { ($0.candidate, $0.share) }, uniquingKeysWith: { _, later in later })
            }
        }
        return rows.map { row in
            let ranked = ranking.rows.first { $0.unitId == row.unitId }
            return ProposalRecord(
                id: row.id, unitId: row.unitId, unitName: names[row.unitId] ?? "", code: row.code, ballotId: row.ballotId,
                final: ranked?.final, rank: ranked?.rank, voteShare: row.ballotId.flatMap { shares[$0]?[row.unitId] })
        }
    }

    /// Next year's season: same members, mode and a copy of the table; leader and deputy from this
    /// season's closed leader/deputy elections under the cluster's rotation rule (or as given, when
    /// the leaders decided a tie).
    public func nextSeason(_ id: Int64, leader: Int64?, deputy: Int64?, as identity: Identity) async throws -> SeasonRecord {
        try await database.transaction { db in
            let loaded = try await Self.configurable(db, id: id, identity: identity)
            let rule = loaded.cluster.rotation
            let members = loaded.cluster.currentMembers
            let leadership: ClusterLeadership
            do {
                if let leader, let deputy {
                    leadership = try rule.nextLeadership(
                        leader: leader, deputy: deputy, outgoing: loaded.season.leadership, members: members)
                } else {
                    var outcomes: [ClusterPost: BallotOutcome] = [:]
                    let ids = try await db.select().column("id").from("ballots").where(
                        "subject_kind", .equal, SQLBind(BallotDraft.SubjectKind.season.rawValue)
                    )
                    .where("subject_id", .equal, SQLBind(id)).where("closed", .equal, SQLBind(true)).orderBy("id")
                    .all(decodingColumn: "id", as: Int64.self)
                    for ballotId in ids {
                        guard let ballot = try await BallotStore.load(db, id: ballotId), let post = ballot.post else { continue }
                        outcomes[post] = ballot.ballot.outcome()
                    }
                    guard let deputyOutcome = outcomes[.deputy] else { throw RotationError.noOneElected(.deputy) }
                    leadership = try rule.nextLeadership(
                        outgoing: loaded.season.leadership, members: members,
                        leaderElection: outcomes[.leader], deputyElection: deputyOutcome)
                }
            } catch {
                throw DomainError.invalid("error.season_no_elected_leadership", field: "leaderUnitId")
            }
            let next: Season
            do { next = try loaded.season.nextSeason(leadership: leadership, members: members) } catch let error as SeasonError {
                throw error.reported
            }
            if try await db.select().column("id").from("seasons").where("cluster_id", .equal, SQLBind(next.clusterId))
                .where("year", .equal, SQLBind(next.year)).first() != nil
            {
                throw DomainError(.conflict, "error.season_exists", field: "year")
            }
            let newId = try await Self.insert(
                db, next,
                draft: SeasonDraft(
                    year: next.year, leaderUnitId: leadership.leaderUnitId, deputyUnitId: leadership.deputyUnitId, mode: next.mode,
                    bonusCap: next.table.bonusCap, criteria: [], rulesText: loaded.row.rulesText, covenantText: ""))
            guard let created = try await Self.load(db, id: newId) else { throw DomainError(.conflict, "error.write_failed") }
            let record = try await Self.record(db, created)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "season", entityId: newId,
                unitPath: loaded.cluster.organiserPath.value, before: SeasonRecord?.none, after: record)
            return record
        }
    }
}
