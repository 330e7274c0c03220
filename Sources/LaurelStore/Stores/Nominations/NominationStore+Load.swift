import Foundation
import LaurelDomain
import SQLKit

extension NominationStore {
    struct Row: Decodable {
        let id: Int64, proposerUnitId: Int64, code: String, year: Int, kind: NominationKind, movementId: Int64?
        let status: NominationStatus, route: String, stageIndex: Int, deciderUnitId: Int64, round: Int, submittedOn: String?
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func json(_ verdict: EligibilityVerdict) throws -> String { String(decoding: try encoder.encode(verdict), as: UTF8.self) }

    /// The proposing unit, if the identity may read the dossier; "not found" otherwise, as for a
    /// dossier that does not exist. Every level of the route is above the proposer, so reading the
    /// proposer is what every level that reviews it may do.
    static func readable(_ db: any SQLDatabase, id: Int64, identity: Identity) async throws -> OrgUnit {
        guard
            let proposerId = try await db.select().column("proposer_unit_id").from("nominations").where("id", .equal, SQLBind(id))
                .first(decodingColumn: "proposer_unit_id", as: Int64.self),
            let unit = try await UnitStore.fetch(db, id: proposerId), identity.scope.contains(unit.unitPath)
        else { throw DomainError(.notFound, "error.nomination_not_found") }
        return unit
    }

    /// The proposer's ancestry, proposer first and root last, as the route planner reads it.
    static func chain(_ db: any SQLDatabase, of path: UnitPath) async throws -> [RouteUnit] {
        struct UnitRow: Decodable {
            let id: Int64
            let kind: UnitKind
            let level: UnitLevel
        }
        let ids = path.ids
        let rows = try await db.select().columns("id", "kind", "level").from("units").where("id", .in, SQLBind.group(ids))
            .all(decoding: UnitRow.self)
        let byId = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.reversed().compactMap { id in byId[id].map { RouteUnit(id: $0.id, kind: $0.kind, level: $0.level) } }
    }

    /// Candidates come from the proposer's own subtree: a unit proposes its people and units.
    static func checkWithin(_ db: any SQLDatabase, _ subjects: [RecordSubject], proposer: UnitPath, identity: Identity) async throws {
        for (index, subject) in subjects.enumerated() {
            let path: UnitPath
            let field = "candidates[\(index)]." + (subject.personId != nil ? "personId" : "unitId")
            switch subject {
            case .person(let id):
                do { path = try await PersonStore.fetchInScope(db, id: id, identity: identity).1 } catch let error as DomainError
                    where error.kind == .notFound
                { throw DomainError(.notFound, error.key, field: field) }
            case .unit(let id):
                path = try await UnitStore.fetchInScope(db, id: id, scope: identity.scope, field: field).unitPath
            }
            guard proposer.contains(path) else { throw DomainError.invalid("error.nomination_candidate_outside", field: field) }
        }
    }

    /// A candidate already in another open dossier for the same code and year is refused.
    static func checkNotProposedElsewhere(
        _ db: any SQLDatabase, _ subjects: [RecordSubject], code: String, year: Int, except nominationId: Int64?
    ) async throws {
        for (index, subject) in subjects.enumerated() {
            let column = subject.personId != nil ? "person_id" : "unit_id"
            var query = db.select().column(SQLColumn("id", table: "n")).from(SQLAlias(SQLIdentifier("nomination_candidates"), as: "c"))
                .join(
                    SQLAlias(SQLIdentifier("nominations"), as: "n"), method: SQLJoinMethod.inner,
                    on: SQLColumn("nomination_id", table: "c"), .equal, SQLColumn("id", table: "n")
                )
                .where(SQLColumn(column, table: "c"), .equal, SQLBind(subject.personId ?? subject.unitId))
                .where(SQLColumn("code", table: "n"), .equal, SQLBind(code)).where(SQLColumn("year", table: "n"), .equal, SQLBind(year))
                .where(SQLColumn("status", table: "n"), .notIn, SQLBind.group(closedStatuses.map(\.rawValue)))
            if let nominationId { query = query.where(SQLColumn("id", table: "n"), .notEqual, SQLBind(nominationId)) }
            if let other = try await query.first(decodingColumn: "id", as: Int64.self) {
                throw DomainError(.conflict, "error.nomination_candidate_taken", field: "candidates[\(index)]", arguments: [String(other)])
            }
        }
    }

    static func nomination(_ row: Row, timeline: [NominationEvent]) -> Nomination {
        Nomination(
            restoring: row.route.split(separator: ",").compactMap { Int64($0) }, stageIndex: row.stageIndex, status: row.status,
            round: row.round, timeline: timeline)
    }

    static let rowColumns = [
        "id", "proposer_unit_id", "code", "year", "kind", "movement_id", "status", "route", "stage_index", "decider_unit_id", "round",
        "submitted_on",
    ]

    static func load(_ db: any SQLDatabase, id: Int64) async throws -> (Row, Nomination) {
        guard
            let row = try await db.select().columns(rowColumns).from("nominations").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw DomainError(.notFound, "error.nomination_not_found") }
        return (row, nomination(row, timeline: try await timelines(db, ids: [id])[id] ?? []))
    }

    /// The timelines of several dossiers, in one query.
    static func timelines(_ db: any SQLDatabase, ids: [Int64]) async throws -> [Int64: [NominationEvent]] {
        guard !ids.isEmpty else { return [:] }
        struct Dated: Decodable {
            let nominationId: Int64, kind: NominationEvent.Kind, stageUnitId: Int64, round: Int, reason: String?, onDate: String
            let accountId: Int64?
        }
        let events = try await db.select().columns("nomination_id", "kind", "stage_unit_id", "round", "reason", "on_date", "account_id")
            .from("nomination_events").where("nomination_id", .in, SQLBind.group(ids)).orderBy("id")
            .all(decoding: Dated.self, keyDecodingStrategy: .convertFromSnakeCase)
        var byNomination: [Int64: [NominationEvent]] = [:]
        for e in events {
            byNomination[e.nominationId, default: []].append(
                NominationEvent(
                    kind: e.kind, stageUnitId: e.stageUnitId, round: e.round, reason: e.reason,
                    date: try StoredDate.read(e.onDate, "nomination_events.on_date"), actorAccountId: e.accountId ?? 0))
        }
        return byNomination
    }

    static func record(_ db: any SQLDatabase, id: Int64) async throws -> NominationRecord {
        guard let record = try await records(db, ids: [id]).first else { throw DomainError(.notFound, "error.nomination_not_found") }
        return record
    }

    /// Several dossiers read whole, in the order of `ids`, with one query per table whatever their
    /// number: a list page or an export does not pay a round of queries per dossier.
    static func records(_ db: any SQLDatabase, ids: [Int64]) async throws -> [NominationRecord] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().columns(rowColumns).from("nominations").where("id", .in, SQLBind.group(ids))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let timelines = try await timelines(db, ids: ids)
        struct Candidate: Decodable {
            let nominationId: Int64, id: Int64, personId: Int64?, unitId: Int64?, achievement: String?, eligible: Bool?
            let verdictJson: String?, verdictOn: String?, passed: Bool?, fullName: String?, unitName: String?
        }
        let candidates = try await db.select()
            .columns(
                SQLColumn("nomination_id", table: "c"), SQLColumn("id", table: "c"), SQLColumn("person_id", table: "c"),
                SQLColumn("unit_id", table: "c"), SQLColumn("achievement", table: "c"), SQLColumn("eligible", table: "c"),
                SQLColumn("verdict_json", table: "c"), SQLColumn("verdict_on", table: "c"), SQLColumn("passed", table: "c"),
                SQLAlias(SQLColumn("full_name", table: "p"), as: "full_name"), SQLAlias(SQLColumn("name", table: "u"), as: "unit_name")
            )
            .from(SQLAlias(SQLIdentifier("nomination_candidates"), as: "c"))
            .join(
                SQLAlias(SQLIdentifier("people"), as: "p"), method: SQLJoinMethod.left, on: SQLColumn("person_id", table: "c"), .equal,
                SQLColumn("id", table: "p")
            )
            .join(
                SQLAlias(SQLIdentifier("units"), as: "u"), method: SQLJoinMethod.left, on: SQLColumn("unit_id", table: "c"), .equal,
                SQLColumn("id", table: "u")
            )
            .where(SQLColumn("nomination_id", table: "c"), .in, SQLBind.group(ids)).orderBy(SQLColumn("position", table: "c"))
            .all(decoding: Candidate.self, keyDecodingStrategy: .convertFromSnakeCase)
        struct Document: Decodable {
            let nominationId: Int64, id: Int64, candidateId: Int64?, kind: DocumentKind, name: String, contentType: String, size: Int64
        }
        let documents = try await db.select().columns("nomination_id", "id", "candidate_id", "kind", "name", "content_type", "size")
            .from("nomination_documents").where("nomination_id", .in, SQLBind.group(ids)).orderBy("id")
            .all(decoding: Document.self, keyDecodingStrategy: .convertFromSnakeCase)
        let names = try await Lookup.unitNames(db, rows.map(\.proposerUnitId))
        let candidatesBy = Dictionary(grouping: candidates, by: \.nominationId)
        let documentsBy = Dictionary(grouping: documents, by: \.nominationId)
        let byId = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try ids.compactMap { id -> NominationRecord? in
            guard let row = byId[id] else { return nil }
            let dossier = nomination(row, timeline: timelines[id] ?? [])
            return NominationRecord(
                id: row.id, proposerUnitId: row.proposerUnitId, proposerName: names[row.proposerUnitId] ?? "", code: row.code,
                year: row.year, kind: row.kind, movementId: row.movementId, status: row.status, route: dossier.route,
                stageIndex: dossier.stageIndex, stageUnitId: dossier.holdingUnitId, deciderUnitId: row.deciderUnitId, round: row.round,
                submittedOn: row.submittedOn,
                candidates: try (candidatesBy[id] ?? []).map { c in
                    let verdict = try c.verdictJson.map { try JSONDecoder().decode(EligibilityVerdict.self, from: Data($0.utf8)) }
                    return .init(
                        id: c.id, personId: c.personId, unitId: c.unitId, name: c.fullName ?? c.unitName ?? "", achievement: c.achievement,
                        eligible: c.eligible, verdict: verdict, verdictOn: c.verdictOn, passed: c.passed)
                },
                documents: (documentsBy[id] ?? []).map {
                    .init(id: $0.id, candidateId: $0.candidateId, kind: $0.kind, name: $0.name, contentType: $0.contentType, size: $0.size)
                },
                timeline: dossier.timeline)
        }
    }
}
