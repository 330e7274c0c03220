import Foundation
import LaurelDocuments
import LaurelDomain
import LaurelServer
import LaurelStore

/// The import scenario of `laurel bench`: a yearly-assessment XLSX made in memory for the people
/// of the database (up to `rows`, ten years a person), checked (dry run) and then imported, timed.
public enum ImportBench {
    public struct Figures: Codable, Sendable {
        public var rows = 0
        public var fileBytes = 0
        public var writeSeconds = 0.0
        public var dryRunSeconds = 0.0
        public var importSeconds = 0.0
        public var errors = 0
        /// Small writes made every 50 ms while the import ran, and the longest any of them waited:
        /// what another province's save feels during a long import.
        public var otherWrites = 0
        public var otherWriteMaxSeconds = 0.0
    }

    public static func run(_ database: LaurelDatabase, as identity: Identity, rows: Int) async throws -> Figures {
        var figures = Figures()
        let people = try await ImportContextLoader(database: database).load(as: identity, withPeople: true, records: nil).peopleById.keys
            .sorted()
        guard !people.isEmpty else { return figures }
        // At most ten years a person (2016–2025): more would reach back before people were born and
        // turn a small bench's import into a list of refused rows.
        let rows = min(rows, people.count * 10)
        var clock = ContinuousClock.now
        let writer = try XlsxWriter()
        let ratings = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "good", "complete"]
        try writer.addSheet(named: "Đánh giá", columns: ["Mã cá nhân", "Năm", "Xếp loại", "Kỷ luật", "Ghi chú"].map { .init($0) }) {
            sheet in
            for index in 0..<rows {
                let person = people[index % people.count]
                let year = 2025 - index / people.count
                try sheet.append([
                    .number(Double(person)), .number(Double(year)), .text(ratings[index % ratings.count]), .empty,
                    index % 10 == 0 ? .text("Ghi chú số \(index)") : .empty,
                ])
            }
        }
        let data = try writer.data()
        figures.writeSeconds = seconds(since: clock)
        figures.fileBytes = data.count
        let service = ImportService(database: database)
        let today = CalendarDate(year: 2026, month: 1, day: 1)!
        clock = .now
        let dry = try await service.run(.assessments, data: data, dryRun: true, as: identity, today: today)
        figures.dryRunSeconds = seconds(since: clock)
        clock = .now
        let other = Task { try await otherWrites(database) }
        let real = try await service.run(.assessments, data: data, dryRun: false, as: identity, today: today)
        figures.importSeconds = seconds(since: clock)
        other.cancel()
        (figures.otherWrites, figures.otherWriteMaxSeconds) = try await other.value
        figures.rows = real.imported
        figures.errors = max(dry.problems.count, real.problems.count)
        return figures
    }

    /// Until cancelled: a one-row write transaction every 50 ms, each timed from asking to commit.
    static func otherWrites(_ database: LaurelDatabase) async throws -> (Int, Double) {
        var count = 0
        var longest = 0.0
        while !Task.isCancelled {
            let start = ContinuousClock.now
            try await database.transaction { db in
                try await db.raw("UPDATE units SET updated_at = updated_at WHERE id = (SELECT MIN(id) FROM units)").run()
            }
            longest = max(longest, seconds(since: start))
            count += 1
            try? await Task.sleep(for: .milliseconds(50))
        }
        return (count, longest)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
