import Foundation
import LaurelDocuments
import Testing

@Suite struct CSVWriterTests {
    @Test func outputIsUTF8WithBOMAndCRLFAndQuotesOnlyWhenNeeded() throws {
        // MUT
        let data = CSVWriter().data(
            header: ["Họ và tên", "Ghi chú"],
            rows: [
                [.text("Nguyễn Văn An"), .text("khen, thưởng")], [.text("nói \"có\""), .text("dòng 1\ndòng 2")],
                [.number(1.5), .date(SpreadsheetDate(year: 2024, month: 5, day: 31)), .bool(true), .empty],
            ]
        )
        // validate
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(
            text
                == "Họ và tên,Ghi chú\r\nNguyễn Văn An,\"khen, thưởng\"\r\n\"nói \"\"có\"\"\",\"dòng 1\ndòng 2\"\r\n1.5,31/05/2024,TRUE,\r\n"
        )
    }

    @Test func formulaLikeTextIsNeutralisedButNumbersAreNot() throws {
        let line = CSVWriter().line([
            .text("=1+2"), .text("+84 912"), .text("-x"), .text("@a"), .text("\tb"), .text("\rc"), .number(-5), .text("a=b"),
        ])
        #expect(line == "'=1+2,'+84 912,'-x,'@a,'\tb,\"'\rc\",-5,a=b\r\n")
        #expect(CSVWriter(neutralizeFormulas: false).line([.text("=1+2")]) == "=1+2\r\n")
    }

    @Test func theSharedInjectionRuleCoversEveryTrigger() {
        for text in ["=", "+", "-", "@", "\t", "\r"].map({ $0 + "x" }) {
            #expect(FormulaInjection.neutralize(text) == "'" + text)
        }
        for text in ["", "x=", " =x", "'=x", "Nguyễn"] {
            #expect(FormulaInjection.neutralize(text) == text)
        }
    }

    @Test func whatTheWriterWritesTheReaderReadsBack() throws {
        // setup
        let table = Table(
            header: ["Tên", "Ghi chú", "Ngày"],
            values: [
                [.text("Trần, Thị \"Bé\""), .text("dòng 1\r\ndòng 2"), .date(SpreadsheetDate(year: 1999, month: 12, day: 31))],
                [.text("Đặng Quốc Việt"), .text(" khoảng trắng "), .text("x")],
            ])
        let writer = CSVWriter(delimiter: ";", dateStyle: .iso8601)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        // MUT
        try writer.write(header: table.header, rows: table.rows.map(\.values), to: url)
        let read = try CSVReader(url: url).readTable()
        // validate
        #expect(try Data(contentsOf: url) == writer.data(for: table))
        #expect(read.header == table.header)
        #expect(
            read.rows.map { $0.cells.map(\.text) } == [
                ["Trần, Thị \"Bé\"", "dòng 1\r\ndòng 2", "1999-12-31"], ["Đặng Quốc Việt", " khoảng trắng ", "x"],
            ])
    }
}
