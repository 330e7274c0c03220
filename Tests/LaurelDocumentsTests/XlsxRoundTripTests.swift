import Foundation
import LaurelDocuments
import Testing

@Suite struct XlsxRoundTripTests {
    static let vietnamese = [
        "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Hoàng Đức", "Phạm Thị Hương", "Đặng Quốc Việt",
        "Huân chương Lao động hạng Ba", "Chiến sĩ thi đua cơ sở", "Bằng khen của Thủ tướng Chính phủ",
    ]

    private func read(_ data: Data, sheet: SheetSelector = .first) throws -> Table {
        try XlsxReader(data: data).readTable(sheet)
    }

    @Test(arguments: [false, true])
    func everyCellKindSurvivesAWriteAndARead(sharedStrings: Bool) throws {
        // setup
        let writer = try XlsxWriter(options: .init(useSharedStrings: sharedStrings))
        try writer.addSheet(named: "Danh sách", columns: [.init("Họ và tên", width: 30), .init("Số"), .init("Ngày"), .init("Đúng")]) {
            sheet in
            try sheet.append([.text("Nguyễn Văn An"), .number(42), .date(SpreadsheetDate(year: 2024, month: 2, day: 29)), .bool(true)])
            try sheet.append([.text("Trần Thị Bích"), .number(-3.25), .empty, .bool(false)])
            try sheet.append([.empty, .number(1e-7), .date(SpreadsheetDate(year: 1900, month: 1, day: 1)), .empty, .text("xa")])
            try sheet.append([.text("Nguyễn Văn An"), .number(123_456_789_012), .date(SpreadsheetDate(year: 9999, month: 12, day: 31))])
        }
        // MUT
        let table = try read(writer.data())
        // validate
        #expect(table.name == "Danh sách")
        #expect(table.header == ["Họ và tên", "Số", "Ngày", "Đúng"])
        #expect(table.rows.map(\.number) == [2, 3, 4, 5])
        #expect(
            table.rows[0].values == [
                .text("Nguyễn Văn An"), .number(42), .date(SpreadsheetDate(year: 2024, month: 2, day: 29)), .bool(true),
            ])
        #expect(table.rows[1].values == [.text("Trần Thị Bích"), .number(-3.25), .empty, .bool(false)])
        #expect(table.rows[2].values == [.empty, .number(1e-7), .date(SpreadsheetDate(year: 1900, month: 1, day: 1)), .empty, .text("xa")])
        #expect(
            table.rows[3].values == [
                .text("Nguyễn Văn An"), .number(123_456_789_012), .date(SpreadsheetDate(year: 9999, month: 12, day: 31)),
            ])
    }

    @Test(arguments: [false, true])
    func vietnameseTextAndAwkwardCharactersAreKeptIntact(sharedStrings: Bool) throws {
        // setup
        let awkward = [
            "A & B <c> \"d\" 'e'", "  leading and trailing  ", "dòng 1\ndòng 2", "dòng 1\r\ndòng 2",
            "tab\there", "_x000D_ is literal", "emoji 🎖️ and 𠀀", "ký tự điều khiển\u{0001}\u{0008}\u{000B}\u{FFFF} bỏ",
        ]
        let texts = Self.vietnamese + awkward
        let writer = try XlsxWriter(options: .init(useSharedStrings: sharedStrings))
        try writer.addSheet(named: "Văn bản") { sheet in
            for text in texts { try sheet.append([.text(text)]) }
        }
        // MUT
        var read: [String] = []
        try XlsxReader(data: writer.data()).forEachRow { read.append($0[0].text) }
        // validate
        var expected = texts
        expected[expected.count - 1] = "ký tự điều khiển bỏ"
        #expect(read == expected)
    }

    @Test func severalSheetsAreWrittenInOrderWithSafeUniqueNames() throws {
        let writer = try XlsxWriter()
        let first = try writer.addSheet(named: "Khen thưởng") { try $0.append([.number(1)]) }
        let second = try writer.addSheet(named: "Khen thưởng") { try $0.append([.number(2)]) }
        let third = try writer.addSheet(named: "Thi đua: 2024/2025 [đợt 1] — danh sách rất dài") { try $0.append([.number(3)]) }
        let empty = try writer.addSheet(named: "") { _ in }
        let reader = try XlsxReader(data: writer.data())
        #expect([first, second, third, empty] == ["Khen thưởng", "Khen thưởng (2)", "Thi đua 20242025 đợt 1 — danh s", "Sheet4"])
        #expect(reader.sheetNames == [first, second, third, empty])
        for index in 0..<3 {
            var values: [CellValue] = []
            try reader.forEachRow(in: .index(index)) { values = $0.values }
            #expect(values == [.number(Double(index + 1))])
        }
        #expect(try reader.forEachRow(in: 3) { _ in }.rowCount == 0)
    }

    @Test func aWorkbookWithoutSheetsGetsOneEmptySheet() throws {
        let reader = try XlsxReader(data: XlsxWriter().data())
        #expect(reader.sheetNames == ["Sheet1"])
        #expect(try reader.forEachRow { _ in }.rowCount == 0)
    }

    @Test func formulaLikeTextIsNeutralisedAndNeverWrittenAsAFormula() throws {
        // setup
        let writer = try XlsxWriter()
        try writer.addSheet(named: "S") { sheet in
            try sheet.append([
                .text("=HYPERLINK(\"http://x\",\"bấm\")"), .text("+1"), .text("-2"), .text("@SUM(A1)"), .text("\tx"), .text("\rx"),
                .number(-2),
            ])
        }
        // MUT
        var row: TableRow?
        try XlsxReader(data: writer.data()).forEachRow { row = $0 }
        // validate
        let cells = try #require(row).cells
        #expect(cells.map(\.text) == ["'=HYPERLINK(\"http://x\",\"bấm\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "-2"])
        #expect(cells.allSatisfy { !$0.isFormula })
    }

    @Test func neutralisingCanBeTurnedOff() throws {
        let writer = try XlsxWriter(options: .init(neutralizeFormulas: false))
        try writer.addSheet(named: "S") { try $0.append([.text("=1+1")]) }
        var row: TableRow?
        try XlsxReader(data: writer.data()).forEachRow { row = $0 }
        #expect(row?.cells.first == Cell(.text("=1+1")))
    }

    @Test func tablesRoundTripThroughAFileWithFittedColumns() throws {
        // setup
        let tables = [
            Table(
                name: "Cá nhân", header: ["Họ và tên", "Năm sinh"],
                values: Self.vietnamese.enumerated().map { [.text($1), .number(Double(1970 + $0))] }),
            Table(name: "Tập thể", header: ["Đơn vị"], values: [[.text("Phòng Tổ chức")], [.text("Ban Thi đua")]]),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter()
        for table in tables { try writer.addSheet(table) }
        // MUT
        try writer.write(to: url)
        let reader = try XlsxReader(url: url)
        // validate
        #expect(try reader.readTable(0) == tables[0])
        #expect(try reader.readTable("Tập thể") == tables[1])
        #expect(try XlsxReader(data: XlsxWriter.data(for: tables)).readTable(1) == tables[1])
    }

    @Test func manyRowsStreamThroughInBothDirections() throws {
        // setup: enough rows to cross many 64 KiB chunks and the 1 MiB write buffer
        let count = 20_000
        let writer = try XlsxWriter(options: .init(useSharedStrings: true))
        try writer.addSheet(named: "Lớn", columns: (1...4).map { .init("Cột \($0)") }) { sheet in
            for index in 1...count {
                try sheet.append([
                    .number(Double(index)), .text(Self.vietnamese[index % 8]),
                    .date(SpreadsheetDate(year: 2000 + index % 25, month: 1 + index % 12, day: 1 + index % 28)), .text("Ghi chú \(index)"),
                ])
            }
        }
        // MUT
        var seen = 0
        var lastNumber = 0
        let summary = try XlsxReader(data: writer.data()).forEachRow { row in
            seen += 1
            lastNumber = row.number
            if row.number > 1 { #expect(row[0].value == .number(Double(row.number - 1))) }
        }
        // validate
        #expect(seen == count + 1)
        #expect(lastNumber == count + 1)
        #expect(summary.columnCount == 4)
    }
}
