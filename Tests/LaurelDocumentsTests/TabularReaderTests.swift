import Foundation
import LaurelDocuments
import LaurelTestSupport
import Testing

@Suite struct TabularReaderTests {
    @Test func xlsxIsRecognisedByItsContent() throws {
        let data = try XlsxWriter.data(for: [Table(name: "S", header: ["Tên"], values: [[.text("An")]])])
        let reader = try TabularReader(data: data)
        #expect(reader.format == .xlsx)
        #expect(reader.sheetNames == ["S"])
        #expect(try reader.readTable().rows.first?.cells.first?.text == "An")
    }

    @Test func csvIsRecognisedByItsContentWhateverTheFileIsCalled() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("Tên;Tuổi\nAn;30\n".utf8).write(to: url)
        let reader = try TabularReader(url: url)
        #expect(reader.format == .csv(.utf8))
        var rows: [TableRow] = []
        try reader.forEachRow { rows.append($0) }
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows[1].values == [.text("An"), .text("30")])
    }

    @Test func anXlsxFileIsReadFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = try XlsxWriter()
        try writer.addSheet(named: "A", columns: [.init("x")]) { try $0.append([.number(1)]) }
        try writer.write(to: url)
        let table = try TabularReader(url: url).readTable()
        #expect(table.header == ["x"] && table.rows.first?.values == [.number(1)])
    }

    @Test func binaryUploadsAreRefused() throws {
        var generator = SeededGenerator(seed: 7)
        let noise = Data((0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(throws: SpreadsheetError.unsupportedFormat) { try TabularReader(data: Data("%PDF-1.4\n".utf8)) }
        #expect(throws: SpreadsheetError.unsupportedFormat) { try TabularReader(data: noise) }
        #expect(throws: SpreadsheetError.legacyExcelFormat) { try TabularReader(data: Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0])) }
        #expect(throws: SpreadsheetError.notAWorkbook) { try TabularReader(data: TestZip().data) }
    }
}
