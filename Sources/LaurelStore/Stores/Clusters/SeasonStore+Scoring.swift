import Foundation
import LaurelDomain
import SQLKit

extension SeasonStore {
    /// A member's officer writes its own unit's self-score.
    public func submitSelfScore(_ id: Int64, unitId: Int64, sheet: ScoreSheet, as identity: Identity) async throws -> SeasonRecord {
        try await score(id, identity: identity, action: "self_score", target: unitId) { loaded in
            guard loaded.policy(identity).mayScore(for: unitId) else { throw DomainError(.forbidden, "error.season_own_unit_only") }
            try Self.apply { try loaded.season.submitSelfScore(unit: unitId, sheet: sheet) }
            return [SheetWrite(kind: .selfScore, targetUnitId: unitId, scorerUnitId: unitId, sheet: sheet)]
        }
    }

    /// The leader's or the deputy's officer verifies (and may re-score) another member.
    /// An admin may name the verifier; otherwise it is the officer's own unit.
    public func verify(_ id: Int64, unitId: Int64, sheet: ScoreSheet, verifier: Int64?, as identity: Identity) async throws -> SeasonRecord
    {
        try await score(id, identity: identity, action: "verify", target: unitId) { loaded in
            guard let by = loaded.policy(identity).verifyingUnit(for: unitId, named: verifier) else {
                throw DomainError(.forbidden, "error.season_not_a_verifier")
            }
            try Self.apply { try loaded.season.verify(target: unitId, by: by, sheet: sheet) }
            return [SheetWrite(kind: .verified, targetUnitId: unitId, scorerUnitId: by, sheet: sheet)]
        }
    }

    /// Cross mode: a member's officer scores another member.
    public func submitCrossScore(
        _ id: Int64, scorer: Int64, target: Int64, sheet: ScoreSheet, as identity: Identity
    ) async throws -> SeasonRecord {
        try await score(id, identity: identity, action: "cross_score", target: target) { loaded in
            guard loaded.policy(identity).mayScore(for: scorer) else { throw DomainError(.forbidden, "error.season_own_unit_only") }
            try Self.apply { try loaded.season.submitCrossScore(scorer: scorer, target: target, sheet: sheet) }
            return [SheetWrite(kind: .cross, targetUnitId: target, scorerUnitId: scorer, sheet: sheet)]
        }
    }

    /// A sheet one scoring call writes: which kind, who scored whom, the marks. Its JSON is what
    /// the audit log records of the change.
    struct SheetWrite: Encodable, Sendable {
        let kind: ScoreSheetKind
        let targetUnitId: Int64
        let scorerUnitId: Int64
        let sheet: ScoreSheet

        enum CodingKeys: String, CodingKey {
            case kind = "sheet"
            case targetUnitId, scorerUnitId
            case sheet = "scores"
        }
    }

    /// Loads, lets `change` apply one domain method, replaces the sheets it returns, audits.
    func score(
        _ id: Int64, identity: Identity, action: String, target: Int64,
        _ change: @escaping @Sendable (inout Loaded) throws -> [SheetWrite]
    ) async throws -> SeasonRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            var loaded = try await Self.readable(db, id: id, identity: identity)
            let sheets = try change(&loaded)
            for write in sheets {
                var delete = db.delete(from: "season_scores").where("season_id", .equal, SQLBind(id))
                    .where("sheet", .equal, SQLBind(write.kind.rawValue)).where("target_unit_id", .equal, SQLBind(write.targetUnitId))
                // A later verification replaces an earlier one, whoever made it; other sheets are per scorer.
                if write.kind != .verified { delete = delete.where("scorer_unit_id", .equal, SQLBind(write.scorerUnitId)) }
                try await delete.run()
                guard !write.sheet.scores.isEmpty else { continue }
                var insert = db.insert(into: "season_scores").columns(
                    "season_id", "sheet", "target_unit_id", "scorer_unit_id", "criterion_code", "points")
                for (code, points) in write.sheet.scores.sorted(by: { $0.key < $1.key }) {
                    insert = insert.values(
                        SQLBind(id), SQLBind(write.kind.rawValue), SQLBind(write.targetUnitId), SQLBind(write.scorerUnitId), SQLBind(code),
                        SQLBind(points.hundredths))
                }
                try await insert.run()
            }
            try await AuditLog.append(
                db, actor: identity.auditActor, action: action, entity: "season", entityId: id,
                unitPath: loaded.memberPaths[target]?.value ?? loaded.cluster.organiserPath.value, before: [SheetWrite]?.none,
                after: sheets)
            return try await Self.record(db, loaded)
        }
    }

    static func apply(_ body: () throws -> Void) throws {
        do { try body() } catch let error as SeasonError { throw error.reported }
    }

    /// Locks the season: the organiser's writers or the leader's officers.
    public func finalise(_ id: Int64, as identity: Identity) async throws -> SeasonRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            var loaded = try await Self.readable(db, id: id, identity: identity)
            guard loaded.policy(identity).mayPreside else {
                throw DomainError(.forbidden, "error.cluster_organiser_only")
            }
            try Self.apply { try loaded.season.finalise() }
            try await db.update("seasons").set("status", to: SQLBind(SeasonStatus.finalised.rawValue)).where("id", .equal, SQLBind(id))
                .run()
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "finalise", entity: "season", entityId: id,
                unitPath: loaded.cluster.organiserPath.value, before: "open", after: "finalised")
            return try await Self.record(db, loaded)
        }
    }

    /// Unlocks a finalised season; only the organiser, with a reason kept and audited.
    public func reopen(_ id: Int64, reason: String, as identity: Identity) async throws -> SeasonRecord {
        try await database.transaction { db in
            var loaded = try await Self.configurable(db, id: id, identity: identity)
            try Self.apply { try loaded.season.reopen(reason: reason) }
            try await db.update("seasons").set("status", to: SQLBind(SeasonStatus.open.rawValue)).where("id", .equal, SQLBind(id)).run()
            try await db.insert(into: "season_reopenings").columns("season_id", "reason", "account_id", "at")
                .values(
                    SQLBind(id), SQLBind(loaded.season.reopenReasons.last ?? reason), SQLBind(identity.account.id),
                    SQLBind(Clock.timestamp())
                ).run()
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "reopen", entity: "season", entityId: id,
                unitPath: loaded.cluster.organiserPath.value, before: "finalised", after: loaded.season.reopenReasons.last)
            return try await Self.record(db, loaded)
        }
    }

    public func ranking(_ id: Int64, basis: RankingBasis = .raw, as identity: Identity) async throws -> RankingRecord {
        try await database.read { db in
            let loaded = try await Self.readable(db, id: id, identity: identity)
            return try await Self.ranking(db, loaded, basis: basis)
        }
    }

    static func ranking(_ db: any SQLDatabase, _ loaded: Loaded, basis: RankingBasis) async throws -> RankingRecord {
        let ranking = loaded.season.ranking(basis: basis)
        let names = try await Lookup.unitNames(db, loaded.season.members)
        return RankingRecord(
            seasonId: loaded.id, basis: ranking.basis, finalised: loaded.season.isFinalised,
            sectionOrder: loaded.season.table.sections.map { .init(code: $0.code, title: $0.title) },
            rows: ranking.rows.map {
                .init(
                    rank: $0.rank, unitId: $0.unitId, unitName: names[$0.unitId] ?? "", final: $0.final, normalised: $0.normalised,
                    sections: $0.sections)
            },
            pending: ranking.pending.map(\.unitId),
            pendingDetails: ranking.pending.map { .init(unitId: $0.unitId, unitName: names[$0.unitId] ?? "", reason: $0.reason) })
    }

}

/// A member's sheets as they stand (for the scoring grid): its self-score and its verified score.
public struct MemberSheets: Sendable {
    public var selfScore: ScoreSheet?
    public var verified: VerifiedScore?
}

extension SeasonStore {
    public func sheets(_ id: Int64, unitId: Int64, as identity: Identity) async throws -> MemberSheets {
        try await database.read { db in
            let loaded = try await Self.readable(db, id: id, identity: identity)
            return MemberSheets(selfScore: loaded.season.selfScores[unitId], verified: loaded.season.verifiedScores[unitId])
        }
    }
}
