import Foundation
import LaurelDomain
import SQLKit

/// Writes validated import rows in one transaction with multi-row inserts (as `BulkLoader` does for
/// the organisation), and records one audit entry for the whole import.
public struct RecordLoader: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    public struct AssessmentRow: Sendable {
        public var subject: RecordSubject, draft: AssessmentDraft
        public init(subject: RecordSubject, draft: AssessmentDraft) { self.subject = subject; self.draft = draft }
    }

    public struct AwardRow: Sendable {
        public var subject: RecordSubject, draft: AwardDraft
        public init(subject: RecordSubject, draft: AwardDraft) { self.subject = subject; self.draft = draft }
    }

    public enum Rows: Sendable {
        case units([BulkLoader.UnitRow])
        case people([BulkLoader.PersonRow])
        case assessments([AssessmentRow])
        case initiatives([(InitiativeDraft, unitId: Int64)])
        case awards([AwardRow])

        var count: Int {
            switch self {
            case .units(let r): r.count
            case .people(let r): r.count
            case .assessments(let r): r.count
            case .initiatives(let r): r.count
            case .awards(let r): r.count
            }
        }

        var name: String {
            switch self {
            case .units: "units"
            case .people: "people"
            case .assessments: "assessments"
            case .initiatives: "initiatives"
            case .awards: "awards"
            }
        }
    }

    static let chunk = 400

    /// All rows or none. `progress` is told how many rows are written so far.
    public func load(_ rows: Rows, as identity: Identity, progress: (@Sendable (Int) async -> Void)? = nil) async throws -> Int {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            try await Self.load(db, rows, progress: progress)
            struct Summary: Encodable { let kind: String; let rows: Int }
            let root: String? = if case .subtree(let path) = identity.scope { path.value } else { nil }
            try await AuditLog.append(db, actor: identity.auditActor, action: "import", entity: rows.name, entityId: nil,
                                      unitPath: root, before: Summary?.none, after: Summary(kind: rows.name, rows: rows.count))
            return rows.count
        }
    }

    /// Inserts without a transaction of its own or an audit entry (the demo seed and the bench use it).
    public static func load(_ db: any SQLDatabase, _ rows: Rows, progress: (@Sendable (Int) async -> Void)? = nil) async throws {
        let now = Clock.timestamp()
        switch rows {
        case .units(let units):
            _ = try await BulkLoader.insertUnits(db, units)
        case .people(let people):
            try await BulkLoader.insertPeople(db, people, unitIds: try await BulkLoader.codeIndex(db))
        case .assessments(let items):
            for start in stride(from: 0, to: items.count, by: chunk) {
                var insert = db.insert(into: "assessments")
                    .columns("person_id", "unit_id", "year", "rating", "discipline", "notes", "source", "created_at", "updated_at")
                for item in items[start..<min(start + chunk, items.count)] {
                    insert = insert.values(SQLBind(item.subject.personId), SQLBind(item.subject.unitId), SQLBind(item.draft.year),
                                           SQLBind(item.draft.rating.rawValue), SQLBind(item.draft.discipline?.rawValue), SQLBind(item.draft.notes),
                                           SQLBind(AwardSource.imported.rawValue), SQLBind(now), SQLBind(now))
                }
                try await insert.run()
                await progress?(min(start + chunk, items.count))
            }
        case .awards(let items):
            for start in stride(from: 0, to: items.count, by: chunk) {
                var insert = db.insert(into: "awards")
                    .columns("person_id", "unit_id", "code", "year", "end_year", "kind", "decision_number", "decision_date", "authority",
                             "source", "status", "created_at", "updated_at")
                for item in items[start..<min(start + chunk, items.count)] {
                    let d = item.draft
                    insert = insert.values(SQLBind(item.subject.personId), SQLBind(item.subject.unitId), SQLBind(d.code), SQLBind(d.year),
                                           SQLBind(d.endYear), SQLBind(d.kind.rawValue), SQLBind(d.decisionNumber), SQLBind(d.decisionDate?.description),
                                           SQLBind(d.authority), SQLBind(AwardSource.imported.rawValue), SQLBind(d.status.rawValue), SQLBind(now), SQLBind(now))
                }
                try await insert.run()
                await progress?(min(start + chunk, items.count))
            }
        case .initiatives(let items):
            for (index, (draft, unitId)) in items.enumerated() {
                guard let id = try await db.insert(into: "initiatives")
                    .columns("title", "title_search", "year", "level", "decision_number", "unit_id", "source", "created_at")
                    .values(SQLBind(draft.title), SQLBind(VietnameseText.searchKey(draft.title)), SQLBind(draft.year), SQLBind(draft.level.rawValue),
                            SQLBind(draft.decisionNumber), SQLBind(unitId), SQLBind(AwardSource.imported.rawValue), SQLBind(now))
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
                else { throw DomainError(.conflict, "error.write_failed") }
                var insert = db.insert(into: "initiative_authors").columns("initiative_id", "person_id", "share")
                for author in draft.authors { insert = insert.values(SQLBind(id), SQLBind(author.personId), SQLBind(author.share)) }
                try await insert.run()
                if index % chunk == 0 { await progress?(index) }
            }
        }
    }
}
