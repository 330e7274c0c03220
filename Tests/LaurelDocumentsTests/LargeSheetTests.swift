import Foundation
import LaurelDocuments
import Testing

extension Tag {
    @Tag static var slow: Self
}

/// The 100,000-row round trip used for the figures in docs/spreadsheets.md. Slow in a debug build,
/// so it runs only with `LAUREL_SLOW_TESTS=1` (measure memory with a release build, see the doc).
@Suite(.tags(.slow), .enabled(if: ProcessInfo.processInfo.environment["LAUREL_SLOW_TESTS"] == "1", "set LAUREL_SLOW_TESTS=1"))
struct LargeSheetTests {
    @Test func aHundredThousandRowsOfEightColumnsRoundTrip() throws {
        // setup
        let rows = 100_000
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let clock = ContinuousClock()
        let writeTime = try clock.measure {
            let writer = try XlsxWriter()
            try writer.addSheet(named: "Lớn", columns: (1...8).map { .init("Cột \($0)") }) { sheet in
                for index in 1...rows {
                    try sheet.append([
                        .number(Double(index)), .text("Nguyễn Văn An \(index % 97)"), .text("Phòng \(index % 37)"),
                        .date(SpreadsheetDate(year: 1960 + index % 40, month: 1 + index % 12, day: 1 + index % 28)),
                        .number(Double(index % 1000) / 4), .bool(index % 2 == 0), .text("Huân chương hạng \(index % 3 + 1)"),
                        .text("Ghi chú \(index)"),
                    ])
                }
            }
            try writer.write(to: url)
        }
        // MUT
        var count = 0
        var cells = 0
        let readTime = try clock.measure {
            try XlsxReader(url: url).forEachRow { row in
                count += 1
                cells += row.cells.count
            }
        }
        // validate
        #expect(count == rows + 1)
        #expect(cells == (rows + 1) * 8)
        print("100k × 8: write \(writeTime), read \(readTime)")
    }
}
