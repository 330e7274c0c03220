import Foundation
import LaurelDomain
import SQLKit

/// Movements (phong trào thi đua) and their cascade. A movement is readable by the launcher's
/// subtree and by the units below the launcher (they implement it); it is changed only by writers
/// whose scope holds the launcher.
public struct MovementStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64, name: String, launcherUnitId: Int64, kind: String, startDate: String, endDate: String, motto: String
        let objectivesJson: String, contentsJson: String, criteriaJson: String, plannedFormsJson: String
        let parentId: Int64?, status: String, launchedOn: String?, interimReviewsJson: String
        let finalReviewedOn: String?, closedOn: String?
    }

    static let decoder = JSONDecoder()
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

    /// The stored movement as a domain value; deadline codes are the deadline ids.
    struct Loaded {
        let movement: Movement
        let launcherPath: UnitPath
        let deadlines: [MovementRecord.Deadline]
    }

    static func load(_ db: any SQLDatabase, id: Int64) async throws -> Loaded? {
        guard
            let row = try await db.select().columns(SQLLiteral.all).from("movements").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase),
            let path = try await Lookup.unitPath(db, row.launcherUnitId)
        else { return nil }
        struct DeadlineRow: Decodable {
            let id: Int64
            let title: String
            let dueDate: String
        }
        let deadlines = try await db.select().columns("id", "title", "due_date").from("movement_deadlines")
            .where("movement_id", .equal, SQLBind(id)).orderBy("position")
            .all(decoding: DeadlineRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let draft = Movement(
            id: row.id, name: row.name, launcherUnitId: row.launcherUnitId, kind: try StoredChoice.read(row.kind, "movements.kind"),
            start: try StoredDate.read(row.startDate, "movements.start_date"),
            end: try StoredDate.read(row.endDate, "movements.end_date"),
            objectives: try decoder.decode([String].self, from: Data(row.objectivesJson.utf8)), motto: row.motto,
            contents: try decoder.decode([MovementContent].self, from: Data(row.contentsJson.utf8)),
            criteria: try decoder.decode([GroupCriteria].self, from: Data(row.criteriaJson.utf8)),
            plannedForms: try decoder.decode([String].self, from: Data(row.plannedFormsJson.utf8)),
            reportDeadlines: try deadlines.map {
                ReportDeadline(
                    code: String($0.id), title: $0.title, dueDate: try StoredDate.read($0.dueDate, "movement_deadlines.due_date"))
            },
            implementsMovementId: row.parentId)
        let movement = Movement(
            restoring: draft, status: try StoredChoice.read(row.status, "movements.status"),
            launchedOn: try StoredDate.read(row.launchedOn, "movements.launched_on"),
            interimReviews: try decoder.decode([String].self, from: Data(row.interimReviewsJson.utf8)).map {
                try StoredDate.read($0, "movements.interim_reviews_json")
            },
            finalReviewedOn: try StoredDate.read(row.finalReviewedOn, "movements.final_reviewed_on"),
            closedOn: try StoredDate.read(row.closedOn, "movements.closed_on"))
        return Loaded(
            movement: movement, launcherPath: path,
            deadlines: deadlines.map { .init(id: $0.id, title: $0.title, dueDate: $0.dueDate) })
    }

    /// The movement when the identity may read it, else `notFound`.
    static func readable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        guard let loaded = try await load(db, id: id),
            identity.scope.contains(loaded.launcherPath) || identity.isBelow(loaded.launcherPath)
        else { throw DomainError(.notFound, "error.movement_not_found") }
        return loaded
    }

    /// The movement when the identity may change it: readable, a writer, and the launcher in scope.
    static func writable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> Loaded {
        let loaded = try await readable(db, id: id, identity: identity)
        try Permissions.requireWrite(identity)
        guard identity.scope.contains(loaded.launcherPath) else { throw DomainError(.forbidden, "error.movement_not_yours") }
        return loaded
    }

    static func record(_ db: any SQLDatabase, _ loaded: Loaded) async throws -> MovementRecord {
        struct AttachmentRow: Decodable {
            let id: Int64
            let name: String
            let contentType: String
            let size: Int64
        }
        let id = loaded.movement.id ?? 0
        let attachments = try await db.select().columns("id", "name", "content_type", "size").from("movement_attachments")
            .where("movement_id", .equal, SQLBind(id)).where("report_id", .is, SQLLiteral.null).orderBy("id")
            .all(decoding: AttachmentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let names = try await Lookup.unitNames(db, [loaded.movement.launcherUnitId])
        return MovementRecord(
            loaded.movement, id: id, launcherName: names[loaded.movement.launcherUnitId] ?? "", deadlines: loaded.deadlines,
            attachments: attachments.map { .init(id: $0.id, name: $0.name, contentType: $0.contentType, size: $0.size) })
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> MovementRecord {
        try await database.read { db in try await Self.record(db, try await Self.readable(db, id: id, identity: identity)) }
    }

    /// Creates a draft. `movement.reportDeadlines` give titles and dates; their codes are replaced
    /// by the ids the database assigns.
    public func create(_ movement: Movement, as identity: Identity) async throws -> MovementRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let launcher = try await UnitStore.fetchInScope(db, id: movement.launcherUnitId, scope: identity.scope, field: "launcherUnitId")
            if let parentId = movement.implementsMovementId {
                let parent = try await Self.readable(db, id: parentId, identity: identity)
                try Self.checkImplementer(launcher.unitPath, parent: parent)
            }
            let id = try await Self.insert(db, movement)
            guard let loaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            let record = try await Self.record(db, loaded)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "movement", entityId: id,
                unitPath: launcher.path, before: MovementRecord?.none, after: record)
            return record
        }
    }

    /// An implementing movement is launched by a unit below the higher movement's launcher.
    static func checkImplementer(_ unit: UnitPath, parent: Loaded) throws {
        guard parent.launcherPath.contains(unit), parent.launcherPath != unit else {
            throw DomainError.invalid("error.movement_implementer_not_below", field: "unitId")
        }
        guard parent.movement.status != .draft else { throw DomainError(.conflict, "error.movement_not_launched") }
    }

    static func insert(_ db: any SQLDatabase, _ movement: Movement) async throws -> Int64 {
        let now = Clock.timestamp()
        guard
            let id = try await db.insert(into: "movements")
                .columns(
                    "name", "launcher_unit_id", "kind", "start_date", "end_date", "motto", "objectives_json", "contents_json",
                    "criteria_json", "planned_forms_json", "parent_id", "status", "interim_reviews_json", "created_at", "updated_at"
                )
                .values(
                    SQLBind(movement.name), SQLBind(movement.launcherUnitId), SQLBind(movement.kind.rawValue),
                    SQLBind(movement.start.description), SQLBind(movement.end.description), SQLBind(movement.motto),
                    SQLBind(try json(movement.objectives)), SQLBind(try json(movement.contents)), SQLBind(try json(movement.criteria)),
                    SQLBind(try json(movement.plannedForms)), SQLBind(movement.implementsMovementId), SQLBind("draft"),
                    SQLBind("[]"), SQLBind(now), SQLBind(now)
                )
                .returning("id").first(decodingColumn: "id", as: Int64.self)
        else { throw DomainError(.conflict, "error.write_failed") }
        for (index, deadline) in movement.reportDeadlines.enumerated() {
            try await db.insert(into: "movement_deadlines").columns("movement_id", "position", "title", "due_date")
                .values(SQLBind(id), SQLBind(index + 1), SQLBind(deadline.title), SQLBind(deadline.dueDate.description)).run()
        }
        return id
    }

    /// Moves the movement one step along draft → launched → interim review → final review → closed.
    public func advance(_ id: Int64, to status: MovementStatus, on date: CalendarDate, as identity: Identity) async throws -> MovementRecord
    {
        try await database.transaction { db in
            let loaded = try await Self.writable(db, id: id, identity: identity)
            var movement = loaded.movement
            // A refusal reaches the caller as its `reported` error (`LaurelDatabase.transaction`).
            try movement.advance(to: status, on: date)
            try await db.update("movements").set("status", to: SQLBind(movement.status.rawValue))
                .set("launched_on", to: SQLBind(movement.launchedOn?.description))
                .set("interim_reviews_json", to: SQLBind(try Self.json(movement.interimReviews.map(\.description))))
                .set("final_reviewed_on", to: SQLBind(movement.finalReviewedOn?.description))
                .set("closed_on", to: SQLBind(movement.closedOn?.description))
                .set("updated_at", to: SQLBind(Clock.timestamp()))
                .where("id", .equal, SQLBind(id)).run()
            let before = try await Self.record(db, loaded)
            let after = try await Self.record(
                db, Loaded(movement: movement, launcherPath: loaded.launcherPath, deadlines: loaded.deadlines))
            try await AuditLog.append(
                db, actor: identity.auditActor, action: status.rawValue, entity: "movement", entityId: id,
                unitPath: loaded.launcherPath.value, before: before, after: after)
            return after
        }
    }

    /// A unit below the launcher implements the movement with its own, which inherits the contents,
    /// criteria, planned forms, period and deadlines (to adapt while it is a draft).
    public func implement(_ id: Int64, unitId: Int64, as identity: Identity) async throws -> MovementRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let parent = try await Self.readable(db, id: id, identity: identity)
            let unit = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId")
            try Self.checkImplementer(unit.unitPath, parent: parent)
            let existing = try await db.select().column("id").from("movements").where("parent_id", .equal, SQLBind(id))
                .where("launcher_unit_id", .equal, SQLBind(unitId)).first()
            if existing != nil { throw DomainError(.conflict, "error.movement_already_implemented") }
            let higher = parent.movement
            let child = Movement(
                name: higher.name, launcherUnitId: unitId, kind: higher.kind, start: higher.start, end: higher.end,
                objectives: higher.objectives, motto: higher.motto, contents: higher.contents, criteria: higher.criteria,
                plannedForms: higher.plannedForms, reportDeadlines: higher.reportDeadlines, implementsMovementId: id)
            let newId = try await Self.insert(db, child)
            guard let loaded = try await Self.load(db, id: newId) else { throw DomainError(.conflict, "error.write_failed") }
            let record = try await Self.record(db, loaded)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "implement", entity: "movement", entityId: newId,
                unitPath: unit.path, before: MovementRecord?.none, after: record)
            return record
        }
    }
}
