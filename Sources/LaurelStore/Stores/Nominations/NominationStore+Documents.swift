import Foundation
import LaurelDomain
import SQLKit

extension NominationStore {
    /// Adds a document while the proposer holds the dossier (draft, returned): its type is read
    /// from its bytes (PDF, DOCX, XLSX, images), its size capped; a per-candidate kind names the
    /// candidate it belongs to. `sha256` is the file's digest, kept to find the same file twice.
    public func addDocument(
        _ id: Int64, kind: DocumentKind, candidateId: Int64?, name: String, data: Data, sha256: String, as identity: Identity
    ) async throws -> NominationRecord {
        try Permissions.requireWrite(identity)
        let type = try MovementStore.checkFile(data)
        return try await database.transaction { db in
            let proposer = try await Self.readable(db, id: id, identity: identity)
            let before = try await Self.record(db, id: id)
            guard before.status == .draft || before.status == .returned else {
                throw DomainError(.conflict, "error.nomination_not_editable", arguments: [before.status.rawValue])
            }
            if let candidateId, !before.candidates.contains(where: { $0.id == candidateId }) {
                throw DomainError.invalid("error.nomination_no_such_candidate", field: "candidateId")
            }
            let stored = FileName.stored(name, fileExtension: type.fileExtension, fallback: "ho-so")
            try await db.insert(into: "nomination_documents")
                .columns(
                    "nomination_id", "candidate_id", "kind", "name", "content_type", "size", "sha256", "data", "account_id", "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(candidateId), SQLBind(kind.rawValue), SQLBind(stored), SQLBind(type.rawValue), SQLBind(data.count),
                    SQLBind(sha256), SQLBind(data), SQLBind(identity.account.id), SQLBind(Clock.timestamp())
                ).run()
            let after = try await Self.record(db, id: id)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "add_document", entity: "nomination", entityId: id, unitPath: proposer.path,
                before: before, after: after)
            return after
        }
    }

    /// A document's bytes, for whoever may read the dossier.
    public func document(
        _ id: Int64, documentId: Int64, as identity: Identity
    ) async throws -> (name: String, contentType: String, data: Data) {
        try Permissions.requireBrowse(identity)
        return try await database.read { db in
            _ = try await Self.readable(db, id: id, identity: identity)
            struct Row: Decodable {
                let name: String
                let contentType: String
                let data: Data
            }
            guard
                let row = try await db.select().columns("name", "content_type", "data").from("nomination_documents")
                    .where("id", .equal, SQLBind(documentId)).where("nomination_id", .equal, SQLBind(id))
                    .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw DomainError(.notFound, "error.nomination_document_not_found") }
            return (row.name, row.contentType, row.data)
        }
    }
}
