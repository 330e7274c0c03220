import Foundation
import LaurelDocuments
import Testing

@Suite struct CSVReaderTests {
    private func rows(_ data: Data) throws -> [TableRow] {
        var rows: [TableRow] = []
        try CSVReader(data: data).forEachRow { rows.append($0) }
        return rows
    }

    private func texts(_ data: Data) throws -> [[String]] {
        try rows(data).map { $0.cells.map(\.text) }
    }

    @Test func utf8WithAByteOrderMarkIsDetected() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("Họ và tên,Đơn vị\r\nNguyễn Văn An,Phòng Tổ chức\r\n".utf8))
        let reader = try CSVReader(data: data)
        #expect(reader.encoding == .utf8WithBOM)
        #expect(try texts(data) == [["Họ và tên", "Đơn vị"], ["Nguyễn Văn An", "Phòng Tổ chức"]])
    }

    @Test func utf8WithoutAByteOrderMarkIsDetected() throws {
        let data = Data("Họ và tên\nLê Hoàng Đức\n".utf8)
        #expect(try CSVReader(data: data).encoding == .utf8)
        #expect(try texts(data) == [["Họ và tên"], ["Lê Hoàng Đức"]])
    }

    @Test func windows1258IsDecodedAndNormalisedToNFC() throws {
        // setup: "Nguyễn Văn An;Đặng Thị Hương;Bùi Thế Kỷ" as Windows-1258 writes it: ê (EA) + combining
        // tilde (DE), ă (E3), Đ (D0), combining dot below (F2), ư (FD), ơ (F5), grave (CC), acute (EC),
        // hook above (D2).
        let bytes: [UInt8] =
            Array("Nguy".utf8) + [0xEA, 0xDE] + Array("n V".utf8) + [0xE3] + Array("n An;".utf8)
            + [0xD0, 0xE3, 0xF2] + Array("ng Thi".utf8) + [0xF2] + Array(" H".utf8) + [0xFD, 0xF5] + Array("ng;".utf8)
            + Array("Bu".utf8) + [0xCC] + Array("i Th".utf8) + [0xEA, 0xEC] + Array(" Ky".utf8) + [0xD2] + Array("\r\n".utf8)
        // MUT
        let reader = try CSVReader(data: Data(bytes))
        let fields = try texts(Data(bytes))
        // validate
        #expect(reader.encoding == .windows1258)
        #expect(fields == [["Nguyễn Văn An", "Đặng Thị Hương", "Bùi Thế Kỷ"]])
        #expect(fields[0][0].unicodeScalars.count == "Nguyễn Văn An".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(fields[0][0].unicodeScalars.elementsEqual("Nguy\u{1EC5}n V\u{0103}n An".unicodeScalars))
    }

    @Test func utf16WithAByteOrderMarkIsDetected() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Tên\tĐơn vị\r\nAn\tBan\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let reader = try CSVReader(data: Data(bytes))
        #expect(reader.encoding == .utf16LittleEndian)
        #expect(reader.delimiter == UInt8(ascii: "\t"))
        #expect(try texts(Data(bytes)) == [["Tên", "Đơn vị"], ["An", "Ban"]])
    }

    @Test func quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() throws {
        let csv = "Tên,Ghi chú,Số\r\n\"Trần, Thị\",\"dòng 1\r\ndòng 2\",\"nói \"\"có\"\"\"\r\n\"\",x,\"\"\"\"\r\n"
        let rows = try rows(Data(csv.utf8))
        #expect(
            rows.map { $0.cells.map(\.text) } == [
                ["Tên", "Ghi chú", "Số"], ["Trần, Thị", "dòng 1\r\ndòng 2", "nói \"có\""], ["", "x", "\""],
            ])
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows[2].cells[0] == .empty)
    }

    @Test(arguments: [(";", UInt8(ascii: ";")), (",", UInt8(ascii: ",")), ("\t", UInt8(ascii: "\t"))])
    func theDelimiterIsDetected(separator: String, byte: UInt8) throws {
        let csv =
            ["Họ và tên", "Ngày sinh", "Số tiền"].joined(separator: separator) + "\n"
            + ["\"Nguyễn, Văn; An\"", "01/02/1980", "\"1,5\""].joined(separator: separator) + "\n"
            + ["Lê Đức", "03/04/1990", "2,75"].joined(separator: separator) + "\n"
        let reader = try CSVReader(data: Data(csv.utf8))
        #expect(reader.delimiter == byte)
        #expect(try texts(Data(csv.utf8))[1] == ["Nguyễn, Văn; An", "01/02/1980", "1,5"])
    }

    @Test func excelsSeparatorLineNamesTheDelimiterAndIsNotARow() throws {
        let csv = "sep=;\r\nA;B,C\r\n1;2,5\r\n"
        let rows = try rows(Data(csv.utf8))
        #expect(rows.map { $0.cells.map(\.text) } == [["A", "B,C"], ["1", "2,5"]])
        #expect(rows.map(\.number) == [1, 2])
    }

    @Test func lfCrlfAndCrLineEndsAllWork() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let csv = ["a,b", "c,d", "e,f"].joined(separator: ending)
            #expect(try texts(Data(csv.utf8)) == [["a", "b"], ["c", "d"], ["e", "f"]], "ending \(ending.debugDescription)")
        }
    }

    @Test func blankLinesAreSkippedButCountedInRowNumbers() throws {
        let rows = try rows(Data("a\n\n,,\nb\n\n".utf8))
        #expect(rows.map(\.number) == [1, 4])
        #expect(rows.map { $0[0].text } == ["a", "b"])
    }

    @Test func anUnterminatedQuoteNamesTheRowWhereItOpened() throws {
        #expect(throws: SpreadsheetError.unterminatedQuote(row: 2)) { try rows(Data("a,b\n\"c,d\ne,f\n".utf8)) }
    }

    @Test func capsApplyToCSVToo() throws {
        var limits = SpreadsheetLimits()
        limits.maxRows = 2
        #expect(throws: SpreadsheetError.tooManyRows(limit: 2)) {
            try CSVReader(data: Data("a\nb\nc\n".utf8), limits: limits).forEachRow { _ in }
        }
        limits = SpreadsheetLimits()
        limits.maxColumns = 2
        #expect(throws: SpreadsheetError.tooManyColumns(limit: 2)) {
            try CSVReader(data: Data("a,b,c\n".utf8), limits: limits).forEachRow { _ in }
        }
    }

    @Test func anEmptyFileHasNoRows() throws {
        #expect(try rows(Data()).isEmpty)
        #expect(try CSVReader(data: Data([0xEF, 0xBB, 0xBF])).readTable() == Table(header: [], rows: []))
    }
}
