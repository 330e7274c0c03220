import SQLKit

/// A unit's report may carry a file (the signed report, a table of figures). It is kept with the
/// movement's files, marked with its report: only the movement's own files (`report_id` NULL)
/// belong to the plan, and a report's file is read by those who may read the report.
enum AttachFilesToReports {
    static let migration = Migration(version: 4, name: "AttachFilesToReports") { db, _ in
        try await db.alter(table: "movement_attachments").column("report_id", type: .bigint, .references("movement_reports", "id")).run()
        try await db.create(index: "movement_attachments_report").on("movement_attachments").column("report_id").run()
    }
}
