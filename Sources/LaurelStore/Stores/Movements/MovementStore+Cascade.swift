import Foundation
import LaurelDomain
import SQLKit

extension MovementStore {
    /// A unit below the launcher submits its report for a deadline. After the due date it is
    /// accepted and marked late, never refused.
    public func submitReport(
        _ id: Int64, unitId: Int64, deadlineId: Int64, text: String, figures: [String: Int64], on date: CalendarDate,
        attachment file: ReportFile? = nil, as identity: Identity
    ) async throws -> MovementReportRecord {
        try Permissions.requireWrite(identity)
        let kind = try file.map { try Self.checkFile($0.data) }
        return try await database.transaction { db in
            let loaded = try await Self.readable(db, id: id, identity: identity)
            let unit = try await UnitStore.fetchInScope(db, id: unitId, scope: identity.scope, field: "unitId")
            guard loaded.launcherPath.contains(unit.unitPath), loaded.launcherPath != unit.unitPath else {
                throw DomainError.invalid("error.movement_implementer_not_below", field: "unitId")
            }
            guard let deadline = loaded.deadlines.first(where: { $0.id == deadlineId }), let due = CalendarDate(deadline.dueDate) else {
                throw DomainError.invalid("error.movement_deadline_not_found", field: "deadlineId")
            }
            guard loaded.movement.status != .draft else { throw DomainError(.conflict, "error.movement_not_launched") }
            let late = date > due
            let figuresJSON = try Self.json(figures)
            guard
                let reportId = try await db.insert(into: "movement_reports")
                    .columns(
                        "movement_id", "deadline_id", "unit_id", "text", "figures_json", "submitted_on", "late", "account_id", "created_at"
                    )
                    .values(
                        SQLBind(id), SQLBind(deadlineId), SQLBind(unitId), SQLBind(text), SQLBind(figuresJSON), SQLBind(date.description),
                        SQLBind(late), SQLBind(identity.account.id), SQLBind(Clock.timestamp())
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            var attachment: MovementRecord.Attachment?
            if let file, let kind {
                attachment = try await Self.insertFile(
                    db, movementId: id, reportId: reportId, name: file.name, kind: kind, data: file.data, identity: identity)
            }
            let record = MovementReportRecord(
                id: reportId, movementId: id, deadlineId: deadlineId, unitId: unitId, text: text, figures: figures,
                submittedOn: date.description, late: late, attachment: attachment)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "submit_report", entity: "movement_report",
                entityId: reportId, unitPath: unit.path, before: MovementReportRecord?.none, after: record)
            return record
        }
    }

    /// Coverage over the launcher's direct child units (active ones). Only for those who see the
    /// launcher's subtree: it names the units below.
    public func coverage(_ id: Int64, today: CalendarDate, as identity: Identity) async throws -> MovementCoverageRecord {
        try await database.read { db in
            let loaded = try await Self.readable(db, id: id, identity: identity)
            guard identity.scope.contains(loaded.launcherPath) else { throw DomainError(.forbidden, "error.movement_coverage_forbidden") }
            struct Child: Decodable {
                let id: Int64
                let name: String
            }
            let children = try await db.select().columns("id", "name").from("units")
                .where("parent_id", .equal, SQLBind(loaded.movement.launcherUnitId)).where("active", .equal, SQLBind(true))
                .orderBy("id").all(decoding: Child.self)
            struct Implementation: Decodable {
                let id: Int64
                let launcherUnitId: Int64
                let launchedOn: String?
            }
            let implementations = try await db.select().columns("id", "launcher_unit_id", "launched_on").from("movements")
                .where("parent_id", .equal, SQLBind(id)).orderBy("id")
                .all(decoding: Implementation.self, keyDecodingStrategy: .convertFromSnakeCase)
            struct Report: Decodable {
                let unitId: Int64
                let deadlineId: Int64
                let submittedOn: String
            }
            let reports = try await db.select().columns("unit_id", "deadline_id", "submitted_on").from("movement_reports")
                .where("movement_id", .equal, SQLBind(id))
                .all(decoding: Report.self, keyDecodingStrategy: .convertFromSnakeCase)
            let coverage = MovementCoverage(
                movement: loaded.movement, expectedUnits: children.map(\.id),
                implementations: try implementations.map {
                    MovementImplementation(
                        unitId: $0.launcherUnitId, launchedOn: try StoredDate.read($0.launchedOn, "movements.launched_on"))
                },
                reports: try reports.map {
                    SubmittedReport(
                        unitId: $0.unitId, deadlineCode: String($0.deadlineId),
                        submittedOn: try StoredDate.read($0.submittedOn, "movement_reports.submitted_on"))
                },
                today: today)
            let names = Dictionary(children.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            var movementOf: [Int64: Int64] = [:]
            for implementation in implementations where movementOf[implementation.launcherUnitId] == nil {
                movementOf[implementation.launcherUnitId] = implementation.id
            }
            return MovementCoverageRecord(
                movementId: id, today: today.description, total: coverage.units.count, launched: coverage.launchedCount,
                units: coverage.units.map { unit in
                    .init(
                        unitId: unit.unitId, unitName: names[unit.unitId] ?? "", launched: unit.launched,
                        launchedOn: unit.launchedOn?.description,
                        movementId: movementOf[unit.unitId],
                        reports: unit.reports.map {
                            .init(
                                deadlineId: Int64($0.deadlineCode) ?? 0, status: $0.status,
                                submittedOn: $0.submittedOn?.description,
                                daysLate: $0.daysLate)
                        })
                },
                deadlines: zip(coverage.deadlines, loaded.deadlines).map { summary, deadline in
                    .init(
                        deadlineId: deadline.id, title: deadline.title, dueDate: deadline.dueDate, submitted: summary.submitted,
                        late: summary.late, missing: summary.missing, pending: summary.pending)
                })
        }
    }

    /// Reports of a movement the identity may see (its own units' and, for the launcher's side, all).
    public func reports(_ id: Int64, as identity: Identity) async throws -> [MovementReportRecord] {
        try await database.read { db in
            _ = try await Self.readable(db, id: id, identity: identity)
            struct Row: Decodable {
                let id: Int64, deadlineId: Int64, unitId: Int64, text: String, figuresJson: String, submittedOn: String, late: Bool,
                    path: String
            }
            let rows = try await db.select()
                .columns(
                    SQLColumn("id", table: "r"), SQLColumn("deadline_id", table: "r"), SQLColumn("unit_id", table: "r"),
                    SQLColumn("text", table: "r"), SQLColumn("figures_json", table: "r"), SQLColumn("submitted_on", table: "r"),
                    SQLColumn("late", table: "r"), SQLColumn("path", table: "u")
                )
                .from(SQLAlias(SQLIdentifier("movement_reports"), as: SQLIdentifier("r")))
                .join(
                    SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("unit_id", table: "r"), .equal,
                    SQLColumn("id", table: "u")
                )
                .where(SQLColumn("movement_id", table: "r"), .equal, SQLBind(id))
                .whereScope(SQLColumn("path", table: "u"), identity.scope)
                .orderBy(SQLColumn("id", table: "r"), SQLDirection.ascending)
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            struct FileRow: Decodable {
                let id: Int64
                let reportId: Int64
                let name: String
                let contentType: String
                let size: Int64
            }
            // All the movement's report files (not an IN list of report ids: a national cascade has thousands).
            let files =
                rows.isEmpty
                ? []
                : try await db.select().columns("id", "report_id", "name", "content_type", "size").from("movement_attachments")
                    .where("movement_id", .equal, SQLBind(id)).where("report_id", .isNot, SQLLiteral.null)
                    .all(decoding: FileRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let fileOf = Dictionary(
                files.map {
                    ($0.reportId, MovementRecord.Attachment(id: $0.id, name: $0.name, contentType: $0.contentType, size: $0.size))
                },
                uniquingKeysWith: { a, _ in a })
            return try rows.map {
                MovementReportRecord(
                    id: $0.id, movementId: id, deadlineId: $0.deadlineId, unitId: $0.unitId, text: $0.text,
                    figures: try Self.decoder.decode([String: Int64].self, from: Data($0.figuresJson.utf8)),
                    submittedOn: $0.submittedOn, late: $0.late, attachment: fileOf[$0.id])
            }
        }
    }

    /// A movement in the list: enough for a table row.
    public struct Summary: Codable, Sendable {
        public var id: Int64, name: String, launcherUnitId: Int64, launcherName: String, kind: MovementKind, status: MovementStatus
        public var startDate: String, endDate: String, parentId: Int64?

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(launcherUnitId, forKey: .launcherUnitId)
            try c.encode(launcherName, forKey: .launcherName)
            try c.encode(kind, forKey: .kind)
            try c.encode(status, forKey: .status)
            try c.encode(startDate, forKey: .startDate)
            try c.encode(endDate, forKey: .endDate)
            try c.encode(parentId, forKey: .parentId)
        }
    }

    /// Movements launched inside the scope and those launched above it (which it implements).
    public func list(as identity: Identity, paging: Paging) async throws -> Page<Summary> {
        try await database.read { db in
            let above: [Int64] = if case .subtree(let root) = identity.scope { root.ids } else { [] }
            func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
                query.from(SQLAlias(SQLIdentifier("movements"), as: SQLIdentifier("m")))
                    .join(
                        SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("launcher_unit_id", table: "m"), .equal,
                        SQLColumn("id", table: "u")
                    )
                    .where { group in
                        var group = group.whereScope(SQLColumn("path", table: "u"), identity.scope)
                        if !above.isEmpty { group = group.orWhere(SQLColumn("launcher_unit_id", table: "m"), .in, SQLBind.group(above)) }
                        return group
                    }
            }
            let total =
                try await filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
                .first(decodingColumn: "n", as: Int.self) ?? 0
            struct Row: Decodable {
                let id: Int64, name: String, launcherUnitId: Int64, launcherName: String, kind: String, status: String
                let startDate: String, endDate: String, parentId: Int64?
            }
            let rows = try await filtered(
                db.select()
                    .columns(
                        SQLColumn("id", table: "m"), SQLColumn("name", table: "m"), SQLColumn("launcher_unit_id", table: "m"),
                        SQLAlias(SQLColumn("name", table: "u"), as: SQLIdentifier("launcher_name")), SQLColumn("kind", table: "m"),
                        SQLColumn("status", table: "m"), SQLColumn("start_date", table: "m"), SQLColumn("end_date", table: "m"),
                        SQLColumn("parent_id", table: "m"))
            )
            .orderBy(SQLColumn("id", table: "m"), SQLDirection.descending).limit(paging.per).offset(paging.offset)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(
                items: try rows.map {
                    Summary(
                        id: $0.id, name: $0.name, launcherUnitId: $0.launcherUnitId, launcherName: $0.launcherName,
                        kind: try StoredChoice.read($0.kind, "movements.kind"),
                        status: try StoredChoice.read($0.status, "movements.status"),
                        startDate: $0.startDate, endDate: $0.endDate, parentId: $0.parentId)
                }, total: total, page: paging.page, per: paging.per)
        }
    }
}

extension MovementStore {
    /// Adapts a draft (an implementing movement adapts what it inherited): everything but the
    /// launcher and the higher movement is replaced, deadlines included.
    public func update(_ id: Int64, with movement: Movement, as identity: Identity) async throws -> MovementRecord {
        try await database.transaction { db in
            let loaded = try await Self.writable(db, id: id, identity: identity)
            guard loaded.movement.status == .draft else { throw DomainError(.conflict, "error.movement_not_draft") }
            let before = try await Self.record(db, loaded)
            try await db.update("movements").set("name", to: SQLBind(movement.name)).set("kind", to: SQLBind(movement.kind.rawValue))
                .set("start_date", to: SQLBind(movement.start.description)).set("end_date", to: SQLBind(movement.end.description))
                .set("motto", to: SQLBind(movement.motto)).set("objectives_json", to: SQLBind(try Self.json(movement.objectives)))
                .set("contents_json", to: SQLBind(try Self.json(movement.contents))).set(
                    "criteria_json", to: SQLBind(try Self.json(movement.criteria))
                )
                .set("planned_forms_json", to: SQLBind(try Self.json(movement.plannedForms))).set(
                    "updated_at", to: SQLBind(Clock.timestamp())
                )
                .where("id", .equal, SQLBind(id)).run()
            // A draft has no reports yet (reports need a launched movement), so its deadlines can be replaced.
            try await db.delete(from: "movement_deadlines").where("movement_id", .equal, SQLBind(id)).run()
            for (index, deadline) in movement.reportDeadlines.enumerated() {
                try await db.insert(into: "movement_deadlines").columns("movement_id", "position", "title", "due_date")
                    .values(SQLBind(id), SQLBind(index + 1), SQLBind(deadline.title), SQLBind(deadline.dueDate.description)).run()
            }
            guard let reloaded = try await Self.load(db, id: id) else { throw DomainError(.conflict, "error.write_failed") }
            let after = try await Self.record(db, reloaded)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "update", entity: "movement", entityId: id,
                unitPath: loaded.launcherPath.value, before: before, after: after)
            return after
        }
    }
}
