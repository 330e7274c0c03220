import Foundation
import LaurelDomain
import SQLKit

/// A submission (tờ trình) as read back: the dossiers a level sent up together.
public struct SubmissionRecord: Sendable, Encodable {
    public var id: Int64
    public var fromUnitId: Int64
    public var toUnitId: Int64
    public var number: String
    public var date: CalendarDate
    public var signer: String?
    public var nominationIds: [Int64]
}

/// What a level sends up in one submission.
public struct SubmissionDraft: Sendable {
    public var fromUnitId: Int64
    public var toUnitId: Int64
    public var number: String
    public var date: CalendarDate
    public var signer: String?
    public var nominationIds: [Int64]

    public init(fromUnitId: Int64, toUnitId: Int64, number: String, date: CalendarDate, signer: String?, nominationIds: [Int64]) {
        self.fromUnitId = fromUnitId
        self.toUnitId = toUnitId
        self.number = number
        self.date = date
        self.signer = signer
        self.nominationIds = nominationIds
    }
}

/// Submissions: a level bundles the dossiers it approved into one numbered submission to the
/// next level of their routes (issue 9 point 5). Each dossier is forwarded by the domain's
/// transition, so only dossiers approved and held by the sending level go, and only to the level
/// their route names next; one that cannot go refuses the whole submission, which writes nothing.
public struct SubmissionStore: Sendable {
    let database: LaurelDatabase

    public init(database: LaurelDatabase) { self.database = database }

    public func create(_ draft: SubmissionDraft, as identity: Identity) async throws -> SubmissionRecord {
        try Permissions.requireWrite(identity)
        guard !draft.nominationIds.isEmpty else { throw DomainError.invalid("error.required", field: "nominationIds") }
        guard Set(draft.nominationIds).count == draft.nominationIds.count else {
            throw DomainError.invalid("error.nomination_listed_twice", field: "nominationIds")
        }
        guard identity.actsAsStage(draft.fromUnitId) else {
            throw DomainError(.forbidden, "error.nomination_not_holding", field: "fromUnitId")
        }
        return try await database.transaction { db in
            let from = try await UnitStore.fetchInScope(db, id: draft.fromUnitId, scope: identity.scope, field: "fromUnitId")
            guard try await UnitStore.fetch(db, id: draft.toUnitId) != nil else {
                throw DomainError(.notFound, "error.unit_not_found", field: "toUnitId")
            }
            guard
                let id = try await db.insert(into: "submissions")
                    .columns("from_unit_id", "to_unit_id", "number", "date", "signer", "account_id", "created_at")
                    .values(
                        SQLBind(draft.fromUnitId), SQLBind(draft.toUnitId), SQLBind(draft.number), SQLBind(draft.date.description),
                        SQLBind(draft.signer), SQLBind(identity.account.id), SQLBind(Clock.timestamp())
                    )
                    .returning("id").first(decodingColumn: "id", as: Int64.self)
            else { throw DomainError(.conflict, "error.write_failed") }
            for (index, nominationId) in draft.nominationIds.enumerated() {
                let field = "nominationIds[\(index)]"
                do {
                    _ = try await NominationStore.readable(db, id: nominationId, identity: identity)
                } catch let error as DomainError where error.kind == .notFound {
                    throw DomainError(.notFound, error.key, field: field)
                }
                let before = try await NominationStore.record(db, id: nominationId)
                let (row, dossier) = try await NominationStore.load(db, id: nominationId)
                var next = dossier
                guard dossier.holdingUnitId == draft.fromUnitId else {
                    throw DomainError(.forbidden, "error.nomination_not_holding", field: field)
                }
                try next.forward(by: draft.fromUnitId, actor: identity.account.id, on: draft.date)
                guard next.stageUnitId == draft.toUnitId else {
                    throw DomainError.invalid("error.submission_wrong_level", field: "toUnitId", String(next.stageUnitId))
                }
                try await db.insert(into: "submission_items").columns("submission_id", "nomination_id")
                    .values(SQLBind(id), SQLBind(nominationId)).run()
                _ = try await NominationStore.save(
                    db, row: row, dossier: next, unitPath: from.path, action: "forward", before: before, as: identity)
            }
            let record = SubmissionRecord(
                id: id, fromUnitId: draft.fromUnitId, toUnitId: draft.toUnitId, number: draft.number, date: draft.date,
                signer: draft.signer, nominationIds: draft.nominationIds)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "create", entity: "submission", entityId: id, unitPath: from.path,
                before: SubmissionRecord?.none, after: record)
            return record
        }
    }
}
