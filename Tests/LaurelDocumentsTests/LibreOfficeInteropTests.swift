import Foundation
import LaurelDocuments
import LaurelTestSupport
import Testing

/// Checks our files against a real spreadsheet program. Skipped when LibreOffice is not installed
/// (`apt-get install -y --no-install-recommends libreoffice-calc`); CI installs it.
@Suite(.serialized, .enabled(if: LibreOffice.isInstalled, "LibreOffice (soffice) is not installed"))
final class LibreOfficeInteropTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// LibreOffice's CSV filter: comma, double quote, UTF-8 (76), start at line 1.
    private static let utf8CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1"

    @Test func anXlsxMadeByLibreOfficeFromCSVIsReadWithTypes() throws {
        // setup
        let csv = folder.appendingPathComponent("nguon.csv")
        try Data(
            "Họ và tên,Năm sinh,Ngày khen,Ghi chú\nNguyễn Văn An,1980,2024-05-31,\"khen, thưởng\"\nĐặng Thị Hương,1975.5,1999-12-31,\n".utf8
        ).write(to: csv)
        // MUT
        let xlsx = try LibreOffice.convert(csv, to: "xlsx", extension: "xlsx", inputFilter: "CSV:44,34,76,1")
        let table = try XlsxReader(url: xlsx).readTable()
        // validate
        #expect(table.header == ["Họ và tên", "Năm sinh", "Ngày khen", "Ghi chú"])
        #expect(table.rows.map(\.number) == [2, 3])
        #expect(
            table.rows[0].values == [
                .text("Nguyễn Văn An"), .number(1980), .date(SpreadsheetDate(year: 2024, month: 5, day: 31)), .text("khen, thưởng"),
            ])
        #expect(table.rows[1].values == [.text("Đặng Thị Hương"), .number(1975.5), .date(SpreadsheetDate(year: 1999, month: 12, day: 31))])
    }

    @Test(arguments: [false, true])
    func ourXlsxOpensInLibreOfficeAndExportsTheSameCSV(sharedStrings: Bool) throws {
        // setup
        let xlsx = folder.appendingPathComponent("ket-qua-\(sharedStrings).xlsx")
        let writer = try XlsxWriter(options: .init(useSharedStrings: sharedStrings))
        try writer.addSheet(
            named: "Danh sách", columns: [.init("Họ và tên", width: 28), .init("Số"), .init("Ngày"), .init("Ghi chú", width: 40)]
        ) { sheet in
            try sheet.append([
                .text("Nguyễn Văn An"), .number(42), .date(SpreadsheetDate(year: 2024, month: 2, day: 29)), .text("A & B <c> \"d\""),
            ])
            try sheet.append([
                .text("Trần Thị Bích Ngọc"), .number(-3.25), .date(SpreadsheetDate(year: 1975, month: 4, day: 30)),
                .text("=HYPERLINK(\"http://x\")"),
            ])
            try sheet.append([.text("Lê Hoàng Đức"), .bool(true), .empty, .text("dòng 1\ndòng 2")])
        }
        try writer.addSheet(named: "Trang 2") { try $0.append([.text("không xuất")]) }
        try writer.write(to: xlsx)
        // MUT
        let csv = try LibreOffice.convert(xlsx, to: Self.utf8CSV, extension: "csv")
        let rows = try CSVReader(url: csv).readTable()
        // validate
        #expect(rows.header == ["Họ và tên", "Số", "Ngày", "Ghi chú"])
        #expect(
            rows.rows.map { $0.cells.map(\.text) } == [
                ["Nguyễn Văn An", "42", "29/02/2024", "A & B <c> \"d\""],
                ["Trần Thị Bích Ngọc", "-3.25", "30/04/1975", "'=HYPERLINK(\"http://x\")"],
                ["Lê Hoàng Đức", "TRUE", "", "dòng 1\ndòng 2"],
            ])
    }

    @Test func ourXlsxSurvivesARoundTripThroughLibreOffice() throws {
        // setup
        let source = folder.appendingPathComponent("vong.xlsx")
        let tables = [
            Table(
                name: "Cá nhân", header: ["Tên", "Điểm", "Ngày"],
                values: [[.text("Phạm Thị Hương"), .number(9.5), .date(SpreadsheetDate(year: 2023, month: 3, day: 15))]]),
            Table(name: "Tập thể", header: ["Đơn vị"], values: [[.text("Ban Thi đua – Khen thưởng")]]),
        ]
        try XlsxWriter.data(for: tables).write(to: source)
        let roundTripFolder = folder.appendingPathComponent("lo")
        try FileManager.default.createDirectory(at: roundTripFolder, withIntermediateDirectories: true)
        let input = roundTripFolder.appendingPathComponent("vong.xlsx")
        try FileManager.default.copyItem(at: source, to: input)
        // MUT: LibreOffice re-saves it with its own shared strings and styles
        let resaved = try LibreOffice.convert(input, to: "xlsx:Calc MS Excel 2007 XML", extension: "xlsx")
        let reader = try XlsxReader(url: resaved)
        // validate
        #expect(reader.sheetNames == ["Cá nhân", "Tập thể"])
        #expect(try reader.readTable(0) == tables[0])
        #expect(try reader.readTable(1) == tables[1])
    }
}
