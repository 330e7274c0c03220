import Foundation
import LaurelDomain
import SQLKit

/// Dossiers (hồ sơ đề nghị khen thưởng): made by the proposing unit's writers, read by whoever may
/// read the proposing unit (every level of the route is above it), acted on only by the level that
/// holds it (`NominationStore+Workflow`).
public struct NominationStore: Sendable {
    let database: LaurelDatabase
    let histories: HistoryStore

    public init(database: LaurelDatabase) {
        self.database = database
        self.histories = HistoryStore(database: database)
    }

    /// The statuses of a dossier that may still go somewhere: a candidate in one of them cannot be
    /// proposed again for the same code and year.
    static let closedStatuses: [NominationStatus] = [.rejected, .decided]

    public func create(
        _ draft: NominationDraft, engine: EligibilityEngine, today: CalendarDate, as identity: Identity
    ) async throws -> NominationRecord {
        try Permissions.requireWrite(identity)
        guard let entry = engine.catalogue.entry(for: draft.code) else {
            throw DomainError.invalid("error.unknown_award_code", field: "code", draft.code)
        }
        var problems: [DomainError] = []
        if draft.candidates.isEmpty { problems.append(.invalid("error.required", field: "candidates")) }
        for (index, candidate) in draft.candidates.enumerated() {
            let kind: SubjectKind = candidate.subject.personId != nil ? .individual : .collective
            if !entry.isFor(kind) {
                problems.append(.invalid("error.nomination_wrong_subject", field: "candidates[\(index)]", draft.code))
            }
        }
        if draft.candidates.count != Set(draft.candidates.map(\.subject)).count {
            problems.append(.invalid("error.nomination_candidate_twice", field: "candidates"))
        }
        guard problems.isEmpty else { throw ValidationErrors(problems) }
        let verdicts = try await verdicts(
            for: draft.candidates.map(\.subject), code: draft.code, year: draft.year, engine: engine, as: identity)
        return try await database.transaction { db in
            let proposer = try await UnitStore.fetchInScope(db, id: draft.proposerUnitId, scope: identity.scope, field: "proposerUnitId")
            try await Self.checkWithin(db, draft.candidates.map(\.subject), proposer: proposer.unitPath, identity: identity)
            let route = try NominationRoute.plan(chain: try await Self.chain(db, of: proposer.unitPath), level: entry.awardingLevel)
            try await Self.checkNotProposedElsewhere(db, draft.candidates.map(\.subject), code: draft.code, year: draft.year, except: nil)
            let now = Clock.timestamp()
            guard
                let id = try await db.insert(into: "nominations")
                    .columns(
                        "proposer_unit_id", "code", "year", "kind", "movement_id", "status", "route", "stage_index", "decider_unit_id",
                        "round", "created_at", "updated_at"
                    )
                    .values(
                        SQLBind(proposer.id), SQLBind(draft.code), SQLBind(draft.year), SQLBind(draft.kind.rawValue),
                        SQLBind(draft.movementId), SQLBind(NominationStatus.draft.rawValue),
                        SQLBind(route.stages.map(String.init).joined(separator: ",")), SQLBind(0), SQLBind(route.deciderUnitId),
                        SQLBind(1), SQLBind(now), SQLBind(now)
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            for (position, (candidate, verdict)) in zip(draft.candidates, verdicts).enumerated() {
                try await db.insert(into: "nomination_candidates")
                    .columns("nomination_id", "person_id", "unit_id", "achievement", "eligible", "verdict_json", "verdict_on", "position")
                    .values(
                        SQLBind(id), SQLBind(candidate.subject.personId), SQLBind(candidate.subject.unitId), SQLBind(candidate.achievement),
                        SQLBind(verdict.eligible), SQLBind(try Self.json(verdict)), SQLBind(today.description), SQLBind(position)
                    ).run()
            }
            let record = try await Self.record(db, id: id)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "nomination", entityId: id, unitPath: proposer.path,
                before: NominationRecord?.none, after: record)
            return record
        }
    }

    public func get(_ id: Int64, as identity: Identity) async throws -> NominationRecord {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            _ = try await Self.readable(db, id: id, identity: identity)
            return try await Self.record(db, id: id)
        }
    }

    public func list(
        _ filter: NominationFilter, paging: Paging, as identity: Identity
    ) async throws -> (items: [NominationRecord], total: Int) {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            func filtered(_ query: SQLSelectBuilder) async throws -> SQLSelectBuilder {
                var query = query.from(SQLAlias(SQLIdentifier("nominations"), as: "n"))
                    .join(
                        SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.inner,
                        on: SQLColumn("proposer_unit_id", table: "n"), .equal, SQLColumn("id", table: "u")
                    )
                    .whereScope(SQLColumn("path", table: "u"), identity.scope)
                if let status = filter.status { query = query.where(SQLColumn("status", table: "n"), .equal, SQLBind(status.rawValue)) }
                if let code = filter.code { query = query.where(SQLColumn("code", table: "n"), .equal, SQLBind(code)) }
                if let year = filter.year { query = query.where(SQLColumn("year", table: "n"), .equal, SQLBind(year)) }
                if let unitId = filter.unitId {
                    let path = try await Lookup.unitPath(db, unitId) ?? UnitPath(value: "/none/")
                    query = query.whereScope(SQLColumn("path", table: "u"), .subtree(path))
                }
                return query
            }
            let total =
                try await filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
                .first(decodingColumn: "n", as: Int.self) ?? 0
            let ids = try await filtered(db.select().column(SQLColumn("id", table: "n")))
                .orderBy(SQLColumn("id", table: "n"), SQLDirection.descending)
                .limit(paging.per).offset(paging.offset).all(decodingColumn: "id", as: Int64.self)
            return (try await Self.records(db, ids: ids), total)
        }
    }

    /// The engine's verdict for each candidate, from its record as it stands.
    func verdicts(
        for subjects: [RecordSubject], code: String, year: Int, engine: EligibilityEngine, as identity: Identity
    ) async throws -> [EligibilityVerdict] {
        var verdicts: [EligibilityVerdict] = []
        for (index, subject) in subjects.enumerated() {
            let history: SubjectHistory
            do {
                switch subject {
                case .person(let id): history = try await histories.person(id, as: identity).history
                case .unit(let id): history = try await histories.unit(id, as: identity).history
                }
            } catch let error as DomainError where error.kind == .notFound {
                let field = "candidates[\(index)]." + (subject.personId != nil ? "personId" : "unitId")
                throw DomainError(.notFound, error.key, field: field)
            }
            verdicts.append(engine.verdict(for: history, code: code, year: year))
        }
        return verdicts
    }
}
