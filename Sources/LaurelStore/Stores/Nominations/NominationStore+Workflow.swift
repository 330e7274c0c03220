import Foundation
import LaurelDomain
import SQLKit

/// What a level does to a dossier it holds.
public enum StageAct: Sendable {
    case startReview
    case approve
    case returnToProposer(reason: String)
    case reject(reason: String)
}

extension NominationStore {
    /// Draft or returned → submitted, by the proposer's writers. Every candidate's verdict is
    /// judged again and frozen; what keeps the dossier from going (an ineligible candidate, a
    /// document missing, a candidate proposed elsewhere since) is refused with each problem named.
    public func submit(_ id: Int64, engine: EligibilityEngine, today: CalendarDate, as identity: Identity) async throws -> NominationRecord
    {
        try Permissions.requireWrite(identity)
        let (before, subjects) = try await database.read { db in
            _ = try await Self.readable(db, id: id, identity: identity)
            let record = try await Self.record(db, id: id)
            return (record, record.candidates.map { c in c.personId.map(RecordSubject.person) ?? .unit(c.unitId ?? 0) })
        }
        let verdicts = try await verdicts(for: subjects, code: before.code, year: before.year, engine: engine, as: identity)
        var problems: [DomainError] = []
        for (index, (candidate, verdict)) in zip(before.candidates, verdicts).enumerated() where !verdict.eligible {
            if before.kind.isChained {
                problems.append(.invalid("error.nomination_candidate_ineligible", field: "candidates[\(index)]", candidate.name))
            } else if (candidate.achievement ?? "").allSatisfy(\.isWhitespace) {
                problems.append(
                    .invalid("error.nomination_achievement_required", field: "candidates[\(index)].achievement", candidate.name))
            }
        }
        let missing = DossierRequirements.standard.missing(
            code: before.code, kind: before.kind, candidateIds: before.candidates.map(\.id),
            present: before.documents.map { PresentDocument(kind: $0.kind, candidateId: $0.candidateId) })
        for item in missing {
            let name = item.candidateId.flatMap { id in before.candidates.first { $0.id == id }?.name } ?? ""
            // One message per kind, so the reader sees "tờ trình", not the code.
            problems.append(.invalid("error.nomination_missing_" + item.kind.rawValue, field: "documents", name))
        }
        guard problems.isEmpty else { throw ValidationErrors(problems) }
        return try await database.transaction { db in
            let proposer = try await Self.readable(db, id: id, identity: identity)
            var (row, dossier) = try await Self.load(db, id: id)
            try dossier.submit(on: today, by: identity.account.id)
            try await Self.checkNotProposedElsewhere(db, subjects, code: row.code, year: row.year, except: id)
            for (candidate, verdict) in zip(before.candidates, verdicts) {
                try await db.update("nomination_candidates").set("eligible", to: SQLBind(verdict.eligible))
                    .set("verdict_json", to: SQLBind(try Self.json(verdict))).set("verdict_on", to: SQLBind(today.description))
                    .where("id", .equal, SQLBind(candidate.id)).run()
            }
            row = row.with(submittedOn: row.submittedOn ?? today.description)
            return try await Self.save(
                db, row: row, dossier: dossier, unitPath: proposer.path, action: "submit", before: before, as: identity)
        }
    }

    /// A level's act on a dossier it holds; any other level is refused (403), a reader who may not
    /// see the dossier is told it does not exist (404).
    public func act(_ id: Int64, _ act: StageAct, today: CalendarDate, as identity: Identity) async throws -> NominationRecord {
        try Permissions.requireWrite(identity)
        return try await database.transaction { db in
            let proposer = try await Self.readable(db, id: id, identity: identity)
            let before = try await Self.record(db, id: id)
            let (row, dossier) = try await Self.load(db, id: id)
            var next = dossier
            let actor = identity.account.id
            guard let holder = dossier.holdingUnitId, identity.actsAsStage(holder) else {
                // The state machine names what is wrong: a move the status forbids, or a unit that does not hold it.
                throw NominationError.notHoldingStage(unitId: identity.account.unitId, holder: dossier.holdingUnitId)
            }
            let action: String
            switch act {
            case .startReview:
                try next.startReview(by: holder, actor: actor, on: today)
                action = "start_review"
            case .approve:
                try next.approve(by: holder, actor: actor, on: today)
                action = "approve"
            case .returnToProposer(let reason):
                try next.returnToProposer(reason: reason, by: holder, actor: actor, on: today)
                action = "return"
            case .reject(let reason):
                try next.reject(reason: reason, by: holder, actor: actor, on: today)
                action = "reject"
            }
            return try await Self.save(db, row: row, dossier: next, unitPath: proposer.path, action: action, before: before, as: identity)
        }
    }

    /// Writes the dossier's new state and the events it gained, and audits the change.
    static func save(
        _ db: any SQLDatabase, row: Row, dossier: Nomination, unitPath: String, action: String, before: NominationRecord,
        as identity: Identity
    ) async throws -> NominationRecord {
        try await db.update("nominations").set("status", to: SQLBind(dossier.status.rawValue))
            .set("stage_index", to: SQLBind(dossier.stageIndex)).set("round", to: SQLBind(dossier.round))
            .set("submitted_on", to: SQLBind(row.submittedOn)).set("updated_at", to: SQLBind(Clock.timestamp()))
            .where("id", .equal, SQLBind(row.id)).run()
        for event in dossier.timeline.dropFirst(before.timeline.count) {
            try await db.insert(into: "nomination_events")
                .columns("nomination_id", "round", "kind", "stage_unit_id", "reason", "on_date", "account_id", "created_at")
                .values(
                    SQLBind(row.id), SQLBind(event.round), SQLBind(event.kind.rawValue), SQLBind(event.stageUnitId), SQLBind(event.reason),
                    SQLBind(event.date.description), SQLBind(event.actorAccountId), SQLBind(Clock.timestamp())
                ).run()
        }
        let after = try await record(db, id: row.id)
        try await AuditLog.append(
            db, actor: identity.auditActor, action: action, entity: "nomination", entityId: row.id, unitPath: unitPath, before: before,
            after: after)
        return after
    }
}

extension NominationStore.Row {
    func with(submittedOn: String?) -> Self {
        .init(
            id: id, proposerUnitId: proposerUnitId, code: code, year: year, kind: kind, movementId: movementId, status: status,
            route: route, stageIndex: stageIndex, deciderUnitId: deciderUnitId, round: round, submittedOn: submittedOn)
    }
}
