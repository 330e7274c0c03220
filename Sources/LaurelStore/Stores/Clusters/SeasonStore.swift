import Foundation
import LaurelDomain
import SQLKit

/// What a new season needs. Empty `criteria` copies last year's table.
public struct SeasonDraft: Sendable {
    public var year: Int, leaderUnitId: Int64, deputyUnitId: Int64, mode: ScoringMode, bonusCap: Points
    public var criteria: [CriterionLine], rulesText: String, covenantText: String
    public init(
        year: Int, leaderUnitId: Int64, deputyUnitId: Int64, mode: ScoringMode, bonusCap: Points, criteria: [CriterionLine],
        rulesText: String = "", covenantText: String = ""
    ) {
        self.year = year
        self.leaderUnitId = leaderUnitId
        self.deputyUnitId = deputyUnitId
        self.mode = mode
        self.bonusCap = bonusCap
        self.criteria = criteria
        self.rulesText = rulesText
        self.covenantText = covenantText
    }
}

/// Seasons of clusters: the store loads a `Season`, calls one of its methods, and writes the
/// difference in the same transaction (docs/clusters-and-ballots.md).
public struct SeasonStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, clusterId: Int64, year: Int, leaderUnitId: Int64, deputyUnitId: Int64, mode: String, bonusCap: Int, status: String
        let rulesText: String, covenantText: String, covenantSignedOn: String?
        let conferenceOn: String?, conferenceVenue: String?, conferenceAttendance: String?
    }

    struct Loaded {
        let id: Int64
        let row: Row
        let cluster: ClusterStore.Loaded
        var season: Season
        let signed: Set<Int64>
        let memberPaths: [Int64: UnitPath]

        /// What `identity` may do in this season (the domain's rule).
        func policy(_ identity: Identity) -> SeasonPolicy {
            SeasonPolicy(identity: identity, organiserPath: cluster.organiserPath, leadership: season.leadership, members: season.members)
        }
    }

    static func load(_ db: any SQLDatabase, id: Int64) async throws -> Loaded? {
        guard
            let row = try await db.select().columns(SQLLiteral.all).from("seasons").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase),
            let cluster = try await ClusterStore.load(db, id: row.clusterId)
        else { return nil }
        struct MemberRow: Decodable {
            let unitId: Int64
            let signedCovenant: Bool
        }
        let members = try await db.select().columns("unit_id", "signed_covenant").from("season_members")
            .where("season_id", .equal, SQLBind(id)).all(decoding: MemberRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        struct CriterionRow: Decodable {
            let sectionCode: String, sectionTitle: String, code: String, title: String, maxPoints: Int, kind: String
        }
        let criteria = try await db.select().columns("section_code", "section_title", "code", "title", "max_points", "kind").from(
            "season_criteria"
        )
        .where("season_id", .equal, SQLBind(id)).orderBy("position")
        .all(decoding: CriterionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let table = try CriterionLine.table(
            criteria.map {
                CriterionLine(
                    code: $0.code, section: $0.sectionCode, sectionTitle: $0.sectionTitle, title: $0.title,
                    maxPoints: Points(hundredths: $0.maxPoints),
                    kind: CriterionLine.Kind(try StoredChoice.read($0.kind, "season_criteria.kind") as ScoringCriterionKind))
            }, bonusCap: Points(hundredths: row.bonusCap))
        struct ScoreRow: Decodable { let sheet: String, targetUnitId: Int64, scorerUnitId: Int64, criterionCode: String, points: Int }
        let scores = try await db.select().columns("sheet", "target_unit_id", "scorer_unit_id", "criterion_code", "points").from(
            "season_scores"
        )
        .where("season_id", .equal, SQLBind(id)).all(decoding: ScoreRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var selfScores: [Int64: ScoreSheet] = [:]
        var verified: [Int64: VerifiedScore] = [:]
        var cross: [Int64: [Int64: ScoreSheet]] = [:]
        for score in scores {
            let points = Points(hundredths: score.points)
            switch try StoredChoice.read(score.sheet, "season_scores.sheet") as ScoreSheetKind {
            case .selfScore: selfScores[score.targetUnitId, default: ScoreSheet()].scores[score.criterionCode] = points
            case .verified:
                verified[score.targetUnitId, default: VerifiedScore(verifierUnitId: score.scorerUnitId, sheet: ScoreSheet())].sheet.scores[
                    score.criterionCode] = points
            case .cross:
                cross[score.targetUnitId, default: [:]][score.scorerUnitId, default: ScoreSheet()].scores[score.criterionCode] = points
            }
        }
        struct TargetRow: Decodable {
            let unitId: Int64, code: String, title: String, measure: String, planned: String, actual: String?, direction: String
        }
        let targets = try await db.select().columns("unit_id", "code", "title", "measure", "planned", "actual", "direction").from(
            "season_targets"
        )
        .where("season_id", .equal, SQLBind(id)).orderBy("unit_id").orderBy("code")
        .all(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let reasons = try await db.select().column("reason").from("season_reopenings").where("season_id", .equal, SQLBind(id)).orderBy("id")
            .all(decodingColumn: "reason", as: String.self)
        let registered = try targets.map {
            RegisteredTarget(
                unitId: $0.unitId, code: $0.code, title: $0.title, measure: $0.measure,
                planned: try StoredDecimal.read($0.planned, "season_targets.planned"),
                actual: try $0.actual.map { try StoredDecimal.read($0, "season_targets.actual") },
                direction: try StoredChoice.read($0.direction, "season_targets.direction"))
        }
        let mode: ScoringMode = try StoredChoice.read(row.mode, "seasons.mode")
        let status: SeasonStatus = try StoredChoice.read(row.status, "seasons.status")
        let season: Season
        do {
            season = try Season(
                clusterId: row.clusterId, year: row.year, members: members.map(\.unitId),
                leadership: ClusterLeadership(leaderUnitId: row.leaderUnitId, deputyUnitId: row.deputyUnitId), table: table,
                mode: mode, selfScores: selfScores, verifiedScores: verified, crossScores: cross, targets: registered,
                status: status, reopenReasons: reasons)
        } catch {
            throw error.reported
        }
        return Loaded(
            id: id, row: row, cluster: cluster, season: season, signed: Set(members.filter(\.signedCovenant).map(\.unitId)),
            memberPaths: try await Lookup.unitPaths(db, members.map(\.unitId)))
    }

    /// The season if the identity sees the organiser or one of the season's members.
    static func readable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        guard let loaded = try await load(db, id: id),
            identity.scope.contains(loaded.cluster.organiserPath)
                || loaded.memberPaths.values.contains(where: { identity.scope.contains($0) })
        else { throw DomainError(.notFound, "error.season_not_found") }
        return loaded
    }

    /// Only the organising council's writers configure a season.
    static func configurable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        let loaded = try await readable(db, id: id, identity: identity)
        try Permissions.requireWrite(identity)
        guard loaded.policy(identity).mayOrganise else { throw DomainError(.forbidden, "error.cluster_organiser_only") }
        return loaded
    }

    static func record(_ db: any SQLDatabase, _ loaded: Loaded) async throws -> SeasonRecord {
        let season = loaded.season
        let names = try await Lookup.unitNames(db, season.members)
        let row = loaded.row
        return SeasonRecord(
            id: loaded.id, clusterId: row.clusterId, clusterName: loaded.cluster.row.name,
            organiserUnitId: loaded.cluster.row.organiserUnitId,
            year: row.year, leaderUnitId: row.leaderUnitId, deputyUnitId: row.deputyUnitId, mode: season.mode,
            bonusCap: season.table.bonusCap,
            maxTotal: season.table.maxTotal, status: season.status,
            members: season.members.map {
                .init(
                    unitId: $0, unitName: names[$0] ?? "", signedCovenant: loaded.signed.contains($0),
                    selfScored: season.selfScores[$0] != nil,
                    verified: season.verifiedScores[$0] != nil, targets: season.targetSummary(unit: $0))
            },
            criteria: CriterionLine.lines(season.table), rulesText: row.rulesText, covenantText: row.covenantText,
            covenantSignedOn: row.covenantSignedOn, reopenReasons: season.reopenReasons, conferenceOn: row.conferenceOn,
            conferenceVenue: row.conferenceVenue, conferenceAttendance: row.conferenceAttendance, targets: season.targets,
            missingCrossScores: season.missingCrossScores)
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> SeasonRecord {
        try await database.read { db in try await Self.record(db, try await Self.readable(db, id: id, identity: identity)) }
    }

    /// The season and what the identity may do in it (for the pages, which show only the forms
    /// the store would accept).
    public func getWithPolicy(_ id: Int64, as identity: Identity) async throws -> (season: SeasonRecord, policy: SeasonPolicy) {
        try await database.read { db in
            let loaded = try await Self.readable(db, id: id, identity: identity)
            return (try await Self.record(db, loaded), loaded.policy(identity))
        }
    }

    /// Opens the cluster's season for a year with its current members. Without criteria, last
    /// year's table is copied.
    public func create(clusterId: Int64, _ draft: SeasonDraft, as identity: Identity) async throws -> SeasonRecord {
        try await database.transaction { db in
            let cluster = try await ClusterStore.configurable(db, id: clusterId, identity: identity)
            var table: CriteriaTable
            if draft.criteria.isEmpty {
                guard
                    let previous = try await db.select().column("id").from("seasons").where("cluster_id", .equal, SQLBind(clusterId))
                        .where("year", .lessThan, SQLBind(draft.year)).orderBy("year", .descending).first(
                            decodingColumn: "id", as: Int64.self),
                    let last = try await Self.load(db, id: previous)
                else { throw DomainError.invalid("error.required", field: "criteria") }
                table = try CriteriaTable(
                    sections: last.season.table.sections, bonusCap: draft.bonusCap == .zero ? last.season.table.bonusCap : draft.bonusCap)
            } else {
                table = try CriterionLine.table(draft.criteria, bonusCap: draft.bonusCap)
            }
            let season: Season
            do {
                season = try Season(
                    clusterId: clusterId, year: draft.year, members: cluster.currentMembers,
                    leadership: ClusterLeadership(leaderUnitId: draft.leaderUnitId, deputyUnitId: draft.deputyUnitId),
                    table: table, mode: draft.mode)
            } catch let error as SeasonError {
                throw error.reported
            }
            if try await db.select().column("id").from("seasons").where("cluster_id", .equal, SQLBind(clusterId))
                .where("year", .equal, SQLBind(draft.year)).first() != nil
            {
                throw DomainError(.conflict, "error.season_exists", field: "year")
            }
            let id = try await Self.insert(db, season, draft: draft)
            guard let loaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            let record = try await Self.record(db, loaded)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "season", entityId: id,
                unitPath: cluster.organiserPath.value, before: SeasonRecord?.none, after: record)
            return record
        }
    }

    static func insert(_ db: any SQLDatabase, _ season: Season, draft: SeasonDraft) async throws -> Int64 {
        guard
            let id = try await db.insert(into: "seasons")
                .columns(
                    "cluster_id", "year", "leader_unit_id", "deputy_unit_id", "mode", "bonus_cap", "status", "rules_text", "covenant_text",
                    "created_at"
                )
                .values(
                    SQLBind(season.clusterId), SQLBind(season.year), SQLBind(season.leadership.leaderUnitId),
                    SQLBind(season.leadership.deputyUnitId),
                    SQLBind(season.mode.rawValue), SQLBind(season.table.bonusCap.hundredths), SQLBind(SeasonStatus.open.rawValue),
                    SQLBind(draft.rulesText),
                    SQLBind(draft.covenantText), SQLBind(Clock.timestamp())
                )
                .returning("id").first(decodingColumn: "id", as: Int64.self)
        else { throw DomainError(.conflict, "error.write_failed") }
        // One statement per table: a season of 9 members and 60 criteria is two round trips, not 69.
        var members = db.insert(into: "season_members").columns("season_id", "unit_id", "signed_covenant")
        for member in season.members { members = members.values(SQLBind(id), SQLBind(member), SQLBind(false)) }
        try await members.run()
        var criteria = db.insert(into: "season_criteria").columns(
            "season_id", "position", "section_code", "section_title", "code", "title", "max_points", "kind")
        var position = 0
        for section in season.table.sections {
            for criterion in section.criteria {
                position += 1
                criteria = criteria.values(
                    SQLBind(id), SQLBind(position), SQLBind(section.code), SQLBind(section.title), SQLBind(criterion.code),
                    SQLBind(criterion.title), SQLBind(criterion.maxPoints.hundredths), SQLBind(criterion.kind.rawValue))
            }
        }
        try await criteria.run()
        return id
    }

    /// Seasons the identity can read, newest first (for the pages).
    public func list(as identity: Identity) async throws -> [SeasonRecord] {
        try await database.read { db in
            let ids = try await db.select().column("id").from("seasons").orderBy("year", .descending).orderBy("id")
                .all(decodingColumn: "id", as: Int64.self)
            var records: [SeasonRecord] = []
            for id in ids {
                guard let loaded = try? await Self.readable(db, id: id, identity: identity) else { continue }
                records.append(try await Self.record(db, loaded))
            }
            return records
        }
    }
}
