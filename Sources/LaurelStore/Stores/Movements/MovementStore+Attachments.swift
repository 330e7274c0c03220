import Foundation
import LaurelDomain
import SQLKit

/// The kinds of file a movement's plan may come as, recognised by their first bytes (the name
/// and the declared type are not trusted).
public enum AttachmentKind: String, Sendable {
    case pdf = "application/pdf"
    case docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case png = "image/png"
    case jpeg = "image/jpeg"
    case gif = "image/gif"
    case webp = "image/webp"

    public static let maxSize = 10 * 1024 * 1024

    /// The extension a file of this kind is kept and offered under, whatever name it came with.
    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .docx: "docx"
        case .xlsx: "xlsx"
        case .png: "png"
        case .jpeg: "jpg"
        case .gif: "gif"
        case .webp: "webp"
        }
    }

    public static func sniff(_ data: Data) -> AttachmentKind? {
        let bytes = [UInt8](data.prefix(12))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // An Office file is a ZIP whose part names appear in clear in the local headers.
            if data.range(of: Data("word/".utf8)) != nil { return .docx }
            if data.range(of: Data("xl/".utf8)) != nil { return .xlsx }
        }
        return nil
    }
}

/// A file sent with a unit's report.
public struct ReportFile: Sendable {
    public var name: String
    public var data: Data
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

extension MovementStore {
    /// The size cap and the sniffed type, the same for the plan's files and the reports'.
    static func checkFile(_ data: Data) throws -> AttachmentKind {
        guard data.count <= AttachmentKind.maxSize else { throw DomainError.invalid("error.attachment_too_large", field: "file", "10") }
        guard !data.isEmpty, let kind = AttachmentKind.sniff(data) else {
            throw DomainError.invalid("error.attachment_type", field: "file")
        }
        return kind
    }

    static func insertFile(
        _ db: any SQLDatabase, movementId: Int64, reportId: Int64?, name: String, kind: AttachmentKind, data: Data,
        identity: Identity
    ) async throws -> MovementRecord.Attachment {
        let name = FileName.stored(name, fileExtension: kind.fileExtension, fallback: "tep-dinh-kem")
        guard
            let attachmentId = try await db.insert(into: "movement_attachments")
                .columns("movement_id", "report_id", "name", "content_type", "size", "data", "account_id", "created_at")
                .values(
                    SQLBind(movementId), SQLBind(reportId), SQLBind(name), SQLBind(kind.rawValue), SQLBind(data.count), SQLBind(data),
                    SQLBind(identity.account.id), SQLBind(Clock.timestamp())
                )
                .returning("id").first(decodingColumn: "id", as: Int64.self)
        else { throw DomainError(.conflict, "error.write_failed") }
        return MovementRecord.Attachment(id: attachmentId, name: name, contentType: kind.rawValue, size: Int64(data.count))
    }

    /// Stores a file of the movement's plan in the database (size capped, type sniffed).
    public func attach(_ id: Int64, name: String, data: Data, as identity: Identity) async throws -> MovementRecord.Attachment {
        let kind = try Self.checkFile(data)
        return try await database.transaction { db in
            let loaded = try await Self.writable(db, id: id, identity: identity)
            let attachment = try await Self.insertFile(
                db, movementId: id, reportId: nil, name: name, kind: kind, data: data, identity: identity)
            try await AuditLog.append(
                db, actor: identity.auditActor, action: "attach", entity: "movement", entityId: id,
                unitPath: loaded.launcherPath.value, before: MovementRecord.Attachment?.none, after: attachment)
            return attachment
        }
    }

    /// The file and its metadata: a plan's file for whoever may read the movement, a report's
    /// file only for those who see the reporting unit (as the report itself).
    public func attachment(_ id: Int64, attachmentId: Int64, as identity: Identity) async throws -> (MovementRecord.Attachment, Data) {
        try await database.read { db in
            _ = try await Self.readable(db, id: id, identity: identity)
            struct Row: Decodable {
                let name: String
                let contentType: String
                let size: Int64
                let data: Data
                let reportId: Int64?
            }
            guard
                let row = try await db.select().columns("name", "content_type", "size", "data", "report_id").from("movement_attachments")
                    .where("id", .equal, SQLBind(attachmentId)).where("movement_id", .equal, SQLBind(id))
                    .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw DomainError(.notFound, "error.attachment_not_found") }
            if let reportId = row.reportId {
                let unitId = try await db.select().column("unit_id").from("movement_reports").where("id", .equal, SQLBind(reportId))
                    .first(decodingColumn: "unit_id", as: Int64.self)
                guard let unitId, let path = try await Lookup.unitPath(db, unitId), identity.scope.contains(path) else {
                    throw DomainError(.notFound, "error.attachment_not_found")
                }
            }
            return (.init(id: attachmentId, name: row.name, contentType: row.contentType, size: row.size), row.data)
        }
    }
}
