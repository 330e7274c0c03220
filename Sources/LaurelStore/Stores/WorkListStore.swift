import LaurelDomain
import SQLKit

/// What the user's own unit has to do next, for the dashboard: reports owed to the movements it
/// implements, its scoring in the clusters it belongs to, its votes, and its registration for the
/// year. Read-only; every item links to the page where the work is done.
public struct WorkItem: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case report, selfScore, verify, crossScore, vote, register
        /// A dossier waits on the unit's level (to review, decide or send up), or came back to it.
        case review, returned
    }
    public var kind: Kind
    /// The movement, season, ballot or unit the work is about.
    public var subjectId: Int64
    public var title: String
    /// A due date when there is one ("YYYY-MM-DD").
    public var due: String?
    public var overdue: Bool
    /// How many items are waiting (members to verify or to score), when it is more than one thing.
    public var count: Int?
}

public struct WorkListStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    /// Report deadlines this far ahead are listed; later ones are not work yet.
    public static let horizonDays = 45

    /// The work of the identity's own unit; none for staff, auditors and administrators (whose
    /// scope is everything and who belong to no member unit's daily work).
    public func items(for identity: Identity, today: CalendarDate) async throws -> [WorkItem] {
        guard identity.canWrite, identity.role != .admin else { return [] }
        let unit = identity.account.unitId
        return try await database.read { db in
            var items: [WorkItem] = []
            items += try await Self.reports(db, unit: unit, today: today)
            items += try await Self.seasons(db, unit: unit)
            items += try await Self.ballots(db, unit: unit)
            items += try await Self.registration(db, unit: unit, today: today)
            items += try await Self.dossiers(db, unit: unit, today: today)
            return items
        }
    }

    /// Deadlines of launched movements whose launcher is the unit's parent (the units a movement
    /// expects reports from), not yet reported by the unit, due within the horizon or overdue.
    static func reports(_ db: any SQLDatabase, unit: Int64, today: CalendarDate) async throws -> [WorkItem] {
        guard
            let parent = try await db.select().column("parent_id").from("units").where("id", .equal, SQLBind(unit))
                .first(decodingColumn: "parent_id", as: Int64?.self) ?? nil
        else { return [] }
        struct Row: Decodable {
            let deadlineId: Int64
            let title: String
            let dueDate: String
            let movementId: Int64
            let name: String
        }
        let rows = try await db.select()
            .columns(
                SQLAlias(SQLColumn("id", table: "d"), as: SQLIdentifier("deadline_id")), SQLColumn("title", table: "d"),
                SQLColumn("due_date", table: "d"), SQLAlias(SQLColumn("id", table: "m"), as: SQLIdentifier("movement_id")),
                SQLColumn("name", table: "m")
            )
            .from(SQLAlias(SQLIdentifier("movement_deadlines"), as: SQLIdentifier("d")))
            .join(
                SQLAlias(SQLIdentifier("movements"), as: SQLIdentifier("m")), method: SQLJoinMethod.inner,
                on: SQLColumn("movement_id", table: "d"), .equal, SQLColumn("id", table: "m")
            )
            .where(SQLColumn("launcher_unit_id", table: "m"), .equal, SQLBind(parent))
            .where(SQLColumn("status", table: "m"), .in, SQLBind.group(["launched", "interim_reviewed"]))
            .where(SQLColumn("due_date", table: "d"), .lessThanOrEqual, SQLBind(today.adding(days: horizonDays).description))
            .where(SQLQueryString("NOT EXISTS (SELECT 1 FROM movement_reports r WHERE r.deadline_id = d.id AND r.unit_id = \(bind: unit))"))
            .orderBy(SQLColumn("due_date", table: "d")).orderBy(SQLColumn("id", table: "d"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return rows.map {
            WorkItem(
                kind: .report, subjectId: $0.movementId, title: "\($0.name) — \($0.title)", due: $0.dueDate,
                overdue: $0.dueDate < today.description, count: nil)
        }
    }

    /// Open seasons the unit belongs to: its own sheet to fill in (self or cross), and for the
    /// leader and deputy, the members' sheets waiting to be verified.
    static func seasons(_ db: any SQLDatabase, unit: Int64) async throws -> [WorkItem] {
        struct Season: Decodable {
            let id: Int64
            let year: Int
            let mode: String
            let leaderUnitId: Int64
            let deputyUnitId: Int64
            let name: String
        }
        let seasons = try await db.select()
            .columns(
                SQLColumn("id", table: "s"), SQLColumn("year", table: "s"), SQLColumn("mode", table: "s"),
                SQLColumn("leader_unit_id", table: "s"), SQLColumn("deputy_unit_id", table: "s"), SQLColumn("name", table: "c")
            )
            .from(SQLAlias(SQLIdentifier("seasons"), as: SQLIdentifier("s")))
            .join(
                SQLAlias(SQLIdentifier("clusters"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                on: SQLColumn("cluster_id", table: "s"), .equal, SQLColumn("id", table: "c")
            )
            .join(
                SQLAlias(SQLIdentifier("season_members"), as: SQLIdentifier("sm")), method: SQLJoinMethod.inner,
                on: SQLColumn("season_id", table: "sm"), .equal, SQLColumn("id", table: "s")
            )
            .where(SQLColumn("unit_id", table: "sm"), .equal, SQLBind(unit))
            .where(SQLColumn("status", table: "s"), .equal, SQLBind(SeasonStatus.open.rawValue))
            .orderBy(SQLColumn("year", table: "s")).orderBy(SQLColumn("id", table: "s"))
            .all(decoding: Season.self, keyDecodingStrategy: .convertFromSnakeCase)
        var items: [WorkItem] = []
        for season in seasons {
            struct Sheet: Decodable {
                let sheet: String
                let targetUnitId: Int64
                let scorerUnitId: Int64
            }
            let sheets = try await db.select().distinct()
                .columns("sheet", "target_unit_id", "scorer_unit_id").from("season_scores").where("season_id", .equal, SQLBind(season.id))
                .all(decoding: Sheet.self, keyDecodingStrategy: .convertFromSnakeCase)
            let members = try await db.select().column("unit_id").from("season_members").where("season_id", .equal, SQLBind(season.id))
                .all(decodingColumn: "unit_id", as: Int64.self)
            let title = "\(season.name) · \(season.year)"
            // What is owed is the domain's rule, on typed sheets (an unreadable mode or sheet kind is an error).
            let owed = ScoringObligations(
                of: unit, mode: try StoredChoice.read(season.mode, "seasons.mode"), members: members,
                leadership: ClusterLeadership(leaderUnitId: season.leaderUnitId, deputyUnitId: season.deputyUnitId),
                sheets: try sheets.map { sheet in
                    SubmittedSheet(
                        kind: try StoredChoice.read(sheet.sheet, "season_scores.sheet"), targetUnitId: sheet.targetUnitId,
                        scorerUnitId: sheet.scorerUnitId)
                })
            if owed.toCrossScore > 0 {
                items.append(
                    WorkItem(kind: .crossScore, subjectId: season.id, title: title, due: nil, overdue: false, count: owed.toCrossScore))
            }
            if owed.selfScore {
                items.append(WorkItem(kind: .selfScore, subjectId: season.id, title: title, due: nil, overdue: false, count: nil))
            }
            if owed.toVerify > 0 {
                items.append(WorkItem(kind: .verify, subjectId: season.id, title: title, due: nil, overdue: false, count: owed.toVerify))
            }
        }
        return items
    }

    /// Open ballots where the unit is an elector and has not voted in the current round.
    static func ballots(_ db: any SQLDatabase, unit: Int64) async throws -> [WorkItem] {
        struct Row: Decodable {
            let id: Int64
            let purpose: String
        }
        let rows = try await db.select().columns(SQLColumn("id", table: "b"), SQLColumn("purpose", table: "b"))
            .from(SQLAlias(SQLIdentifier("ballots"), as: SQLIdentifier("b")))
            .join(
                SQLAlias(SQLIdentifier("ballot_electors"), as: SQLIdentifier("e")), method: SQLJoinMethod.inner,
                on: SQLColumn("ballot_id", table: "e"), .equal, SQLColumn("id", table: "b")
            )
            .where(SQLColumn("voter_id", table: "e"), .equal, SQLBind(unit))
            .where(SQLColumn("closed", table: "b"), .equal, SQLBind(false))
            .where(
                SQLQueryString(
                    "NOT EXISTS (SELECT 1 FROM ballot_marks k WHERE k.ballot_id = b.id AND k.round = b.rounds_started AND k.voter_id = \(bind: unit))"
                )
            )
            .orderBy(SQLColumn("id", table: "b"))
            .all(decoding: Row.self)
        return rows.map { WorkItem(kind: .vote, subjectId: $0.id, title: $0.purpose, due: nil, overdue: false, count: nil) }
    }

    /// This year's registration, while nothing is registered and the deadline has not passed.
    static func registration(_ db: any SQLDatabase, unit: Int64, today: CalendarDate) async throws -> [WorkItem] {
        let registered =
            try await db.select().column("id").from("registrations").where("unit_id", .equal, SQLBind(unit))
            .where("year", .equal, SQLBind(today.year)).limit(1).first() != nil
        guard !registered, let loaded = try await UnitStore.fetch(db, id: unit) else { return [] }
        let deadline = try await RegistrationStore.deadline(db, year: today.year, unitPath: loaded.unitPath)
        guard !RegistrationRules.isLate(on: today, deadline: deadline) else { return [] }
        return [WorkItem(kind: .register, subjectId: unit, title: loaded.name, due: deadline.description, overdue: false, count: nil)]
    }
}

extension WorkListStore {
    /// Dossiers the unit holds as a level of their route (due within the processing deadline in
    /// working days from their arrival) and dossiers returned to it as their proposer.
    static func dossiers(_ db: any SQLDatabase, unit: Int64, today: CalendarDate) async throws -> [WorkItem] {
        struct Row: Decodable {
            let id: Int64, code: String, year: Int, status: NominationStatus, route: String, stageIndex: Int, proposerUnitId: Int64
        }
        let rows = try await db.select().columns("id", "code", "year", "status", "route", "stage_index", "proposer_unit_id")
            .from("nominations")
            .where {
                $0.where(SQLColumn("proposer_unit_id"), .equal, SQLBind(unit))
                    .orWhere(SQLQueryString("(',' || route || ',') LIKE \(bind: "%," + String(unit) + ",%")"))
            }
            .where("status", .in, SQLBind.group([NominationStatus.submitted, .inReview, .approved, .returned].map(\.rawValue)))
            .orderBy("id").limit(500)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let held = rows.filter { row in
            let route = row.route.split(separator: ",").compactMap { Int64($0) }
            return row.status != .returned && route.indices.contains(row.stageIndex) && route[row.stageIndex] == unit
        }
        // When each held dossier arrived at this level: its latest "submitted" here, in one query.
        struct Arrival: Decodable {
            let nominationId: Int64
            let onDate: String
        }
        let arrivals =
            held.isEmpty
            ? []
            : try await db.select().columns("nomination_id", "on_date").from("nomination_events")
                .where("nomination_id", .in, SQLBind.group(held.map(\.id)))
                .where("kind", .equal, SQLBind(NominationEvent.Kind.submitted.rawValue)).where("stage_unit_id", .equal, SQLBind(unit))
                .orderBy("id").all(decoding: Arrival.self, keyDecodingStrategy: .convertFromSnakeCase)
        let arrived = Dictionary(arrivals.map { ($0.nominationId, $0.onDate) }, uniquingKeysWith: { _, latest in latest })
        var items = rows.filter { $0.status == .returned && $0.proposerUnitId == unit }.map {
            WorkItem(kind: .returned, subjectId: $0.id, title: "\($0.code) \($0.year) — #\($0.id)", due: nil, overdue: false, count: nil)
        }
        for row in held {
            let due = try arrived[row.id].map {
                ProcessingDeadline.standard.due(receivedOn: try StoredDate.read($0, "nomination_events.on_date"))
            }
            items.append(
                WorkItem(
                    kind: .review, subjectId: row.id, title: "\(row.code) \(row.year) — #\(row.id)", due: due?.description,
                    overdue: due.map { today > $0 } ?? false, count: nil))
        }
        return items
    }
}
