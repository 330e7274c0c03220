import Foundation
import LaurelDocuments
import LaurelTestSupport
import Testing

/// A small file with one enormous cell must be refused at the first fragment past the cap, not after
/// the whole text was inflated and joined (issue 14 point 6: 5.7 MB, one 480 MB cell, 62 s, 1.55 GB).
@Suite struct CellLengthLimitTests {
    private let limit = SpreadsheetLimits().maxCellBytes

    private func inlineCell(_ text: String, row: Int = 2) -> String {
        #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>\#(text)</t></is></c></row>"#
    }

    @Test func anInlineCellPastTheCapIsRefusedWithItsRow() throws {
        let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>"#
        let data = XlsxFixture.sheet("<sheetData>" + header + inlineCell(String(repeating: "A", count: limit + 1)) + "</sheetData>")
        let reader = try XlsxReader(data: data)
        var delivered: [Int] = []
        #expect(throws: SpreadsheetError.cellTooLong(row: 2, limit: limit)) {
            try reader.forEachRow { delivered.append($0.number) }
        }
        #expect(delivered == [1])
    }

    @Test func aNumberCellPastTheCapIsRefusedToo() throws {
        let digits = String(repeating: "1", count: limit + 10)
        let data = XlsxFixture.sheet(#"<sheetData><row r="7"><c r="B7"><v>\#(digits)</v></c></row></sheetData>"#)
        #expect(throws: SpreadsheetError.cellTooLong(row: 7, limit: limit)) { try XlsxReader(data: data).forEachRow { _ in } }
    }

    @Test func theLongestCellExcelWritesIsRead() throws {
        // 32,767 characters of three UTF-8 bytes each: Excel's own maximum, in Vietnamese.
        let text = String(repeating: "ế", count: 32_767)
        let data = XlsxFixture.sheet("<sheetData>" + inlineCell(text, row: 1) + "</sheetData>")
        let table = try XlsxReader(data: data).readTable()
        #expect(table.header == [text])
    }

    @Test func aSharedStringPastTheCapIsRefusedWhenTheWorkbookOpens() throws {
        let data = XlsxFixture.workbook(
            sheets: [("Sheet1", "<sheetData/>")],
            sharedStrings: ["<si><t>ngắn</t></si>", "<si><r><t>" + String(repeating: "B", count: limit) + "</t></r><r><t>C</t></r></si>"]
        )
        #expect(throws: SpreadsheetError.cellTooLong(row: 0, limit: limit)) { try XlsxReader(data: data) }
    }

    @Test func theSharedStringTableHasATotalCap() throws {
        var limits = SpreadsheetLimits()
        limits.maxSharedStringBytes = 1_000
        let strings = (0..<200).map { "<si><t>chuỗi số \($0)</t></si>" }
        let data = XlsxFixture.workbook(sheets: [("Sheet1", "<sheetData/>")], sharedStrings: strings)
        #expect(throws: SpreadsheetError.zipBomb(entry: "xl/sharedStrings.xml")) { try XlsxReader(data: data, limits: limits) }
        _ = try XlsxReader(data: data)
    }

    @Test func aCSVFieldPastTheCapIsRefusedWithItsRecord() throws {
        let csv = "Họ và tên,Ghi chú\nAn,ngắn\nBình,\"" + String(repeating: "x", count: limit + 1) + "\"\n"
        let reader = try CSVReader(data: Data(csv.utf8))
        var delivered: [Int] = []
        #expect(throws: SpreadsheetError.cellTooLong(row: 3, limit: limit)) {
            try reader.forEachRow { delivered.append($0.number) }
        }
        #expect(delivered == [1, 2])
    }
}
