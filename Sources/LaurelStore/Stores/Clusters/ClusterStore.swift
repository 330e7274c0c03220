import Foundation
import LaurelDomain
import SQLKit

/// A cluster or block (cụm, khối thi đua) as the API shows it.
public struct ClusterRecord: Codable, Sendable {
    public struct Member: Codable, Sendable {
        public var unitId: Int64
        public var unitName: String
        public var joinedOn: String
        public var leftOn: String?
    }
    public struct SeasonSummary: Codable, Sendable {
        public var id: Int64
        public var year: Int
        public var status: SeasonStatus
    }

    public var id: Int64
    public var code: String
    public var name: String
    public var kind: ClusterKind
    public var organiserUnitId: Int64
    public var organiserName: String
    public var decisionNumber: String
    public var decisionDate: String
    public var rotation: RotationRule
    /// Current members (no leaving date).
    public var memberUnitIds: [Int64]
    /// Every membership, past ones included.
    public var members: [Member]
    public var seasons: [SeasonSummary]
}

/// What a new cluster needs.
public struct ClusterDraft: Sendable {
    public var code: String, name: String, kind: ClusterKind, organiserUnitId: Int64, decisionNumber: String, decisionDate: CalendarDate
    public var memberUnitIds: [Int64], rotation: RotationRule
    public init(
        code: String, name: String, kind: ClusterKind, organiserUnitId: Int64, decisionNumber: String, decisionDate: CalendarDate,
        memberUnitIds: [Int64], rotation: RotationRule = RotationRule()
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.organiserUnitId = organiserUnitId
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.memberUnitIds = memberUnitIds
        self.rotation = rotation
    }
}

/// Clusters and their member history. Readable by the organiser's subtree and by the members'
/// subtrees; configured by writers whose scope holds the organiser.
public struct ClusterStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, code: String, name: String, kind: String, organiserUnitId: Int64, decisionNumber: String, decisionDate: String
        let leaderMayServeConsecutively: Bool, deputyMayServeConsecutively: Bool, deputyBecomesLeader: Bool
    }

    struct Loaded {
        let row: Row
        let organiserPath: UnitPath
        let members: [ClusterRecord.Member]
        var currentMembers: [Int64] { members.filter { $0.leftOn == nil }.map(\.unitId) }
        var rotation: RotationRule {
            RotationRule(
                leaderMayServeConsecutively: row.leaderMayServeConsecutively,
                deputyMayServeConsecutively: row.deputyMayServeConsecutively, deputyBecomesLeader: row.deputyBecomesLeader)
        }
    }

    static func load(_ db: any SQLDatabase, id: Int64) async throws -> Loaded? {
        guard
            let row = try await db.select().columns(SQLLiteral.all).from("clusters").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase),
            let path = try await Lookup.unitPath(db, row.organiserUnitId)
        else { return nil }
        struct MemberRow: Decodable {
            let unitId: Int64
            let joinedOn: String
            let leftOn: String?
        }
        let members = try await db.select().columns("unit_id", "joined_on", "left_on").from("cluster_members")
            .where("cluster_id", .equal, SQLBind(id)).orderBy("id")
            .all(decoding: MemberRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let names = try await Lookup.unitNames(db, members.map(\.unitId))
        return Loaded(
            row: row, organiserPath: path,
            members: members.map {
                .init(unitId: $0.unitId, unitName: names[$0.unitId] ?? "", joinedOn: $0.joinedOn, leftOn: $0.leftOn)
            })
    }

    /// The cluster if the identity sees its organiser or one of its members (past or present).
    static func readable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        guard let loaded = try await load(db, id: id) else { throw DomainError(.notFound, "error.cluster_not_found") }
        if identity.scope.contains(loaded.organiserPath) { return loaded }
        let paths = try await Lookup.unitPaths(db, loaded.members.map(\.unitId))
        guard paths.values.contains(where: { identity.scope.contains($0) }) else { throw DomainError(.notFound, "error.cluster_not_found") }
        return loaded
    }

    /// The cluster if the identity is one of the organising council's writers.
    static func configurable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        let loaded = try await readable(db, id: id, identity: identity)
        try Permissions.requireWrite(identity)
        guard identity.scope.contains(loaded.organiserPath) else { throw DomainError(.forbidden, "error.cluster_organiser_only") }
        return loaded
    }

    static func record(_ db: any SQLDatabase, _ loaded: Loaded) async throws -> ClusterRecord {
        struct SeasonRow: Decodable {
            let id: Int64
            let year: Int
            let status: String
        }
        let seasons = try await db.select().columns("id", "year", "status").from("seasons")
            .where("cluster_id", .equal, SQLBind(loaded.row.id)).orderBy("year").all(decoding: SeasonRow.self)
        let names = try await Lookup.unitNames(db, [loaded.row.organiserUnitId])
        let row = loaded.row
        return ClusterRecord(
            id: row.id, code: row.code, name: row.name, kind: try StoredChoice.read(row.kind, "clusters.kind"),
            organiserUnitId: row.organiserUnitId,
            organiserName: names[row.organiserUnitId] ?? "", decisionNumber: row.decisionNumber, decisionDate: row.decisionDate,
            rotation: loaded.rotation, memberUnitIds: loaded.currentMembers, members: loaded.members,
            seasons: try seasons.map { .init(id: $0.id, year: $0.year, status: try StoredChoice.read($0.status, "seasons.status")) })
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> ClusterRecord {
        try await database.read { db in try await Self.record(db, try await Self.readable(db, id: id, identity: identity)) }
    }

    public func create(_ draft: ClusterDraft, as identity: Identity) async throws -> ClusterRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let organiser = try await UnitStore.fetchInScope(db, id: draft.organiserUnitId, scope: identity.scope, field: "organiserUnitId")
            for member in draft.memberUnitIds {
                _ = try await UnitStore.fetchInScope(db, id: member, scope: identity.scope, field: "memberUnitIds")
            }
            if try await db.select().column("id").from("clusters").where("code", .equal, SQLBind(draft.code)).first() != nil {
                throw DomainError(.conflict, "error.code_taken", field: "code")
            }
            guard
                let id = try await db.insert(into: "clusters")
                    .columns(
                        "code", "name", "kind", "organiser_unit_id", "decision_number", "decision_date", "leader_may_serve_consecutively",
                        "deputy_may_serve_consecutively", "deputy_becomes_leader", "created_at"
                    )
                    .values(
                        SQLBind(draft.code), SQLBind(draft.name), SQLBind(draft.kind.rawValue), SQLBind(draft.organiserUnitId),
                        SQLBind(draft.decisionNumber),
                        SQLBind(draft.decisionDate.description), SQLBind(draft.rotation.leaderMayServeConsecutively),
                        SQLBind(draft.rotation.deputyMayServeConsecutively), SQLBind(draft.rotation.deputyBecomesLeader),
                        SQLBind(Clock.timestamp())
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            for member in Array(Set(draft.memberUnitIds)).sorted() {
                try await db.insert(into: "cluster_members").columns("cluster_id", "unit_id", "joined_on")
                    .values(SQLBind(id), SQLBind(member), SQLBind(draft.decisionDate.description)).run()
            }
            guard let loaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            let record = try await Self.record(db, loaded)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "cluster", entityId: id,
                unitPath: organiser.path, before: ClusterRecord?.none, after: record)
            return record
        }
    }

    /// A unit joins (or, with `leave`, leaves) the cluster on a date; history is kept.
    public func changeMember(
        _ id: Int64, unitId: Int64, leave: Bool, on date: CalendarDate, as identity: Identity
    ) async throws -> ClusterRecord {
        try await database.transaction { db in
            let loaded = try await Self.configurable(db, id: id, identity: identity)
            let before = try await Self.record(db, loaded)
            if leave {
                guard loaded.currentMembers.contains(unitId) else {
                    throw DomainError.invalid("error.cluster_not_a_member", field: "unitId")
                }
                try await db.update("cluster_members").set("left_on", to: SQLBind(date.description))
                    .where("cluster_id", .equal, SQLBind(id)).where("unit_id", .equal, SQLBind(unitId))
                    .where(SQLColumn("left_on"), .is, SQLLiteral.null).run()
            } else {
                _ = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId")
                guard !loaded.currentMembers.contains(unitId) else {
                    throw DomainError(.conflict, "error.cluster_already_member", field: "unitId")
                }
                try await db.insert(into: "cluster_members").columns("cluster_id", "unit_id", "joined_on")
                    .values(SQLBind(id), SQLBind(unitId), SQLBind(date.description)).run()
            }
            guard let reloaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            let after = try await Self.record(db, reloaded)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: leave ? "member_leave" : "member_join", entity: "cluster",
                entityId: id, unitPath: loaded.organiserPath.value, before: before, after: after)
            return after
        }
    }

    /// Clusters the identity can read: organised in its scope or with a member in its scope.
    public func list(as identity: Identity) async throws -> [ClusterRecord] {
        try await database.read { db in
            let ids = try await db.select().column("id").from("clusters").orderBy("code").all(decodingColumn: "id", as: Int64.self)
            var records: [ClusterRecord] = []
            for id in ids {
                guard let loaded = try? await Self.readable(db, id: id, identity: identity) else { continue }
                records.append(try await Self.record(db, loaded))
            }
            return records
        }
    }
}
