import Foundation
import LaurelDocuments
import LaurelTestSupport
import Testing

/// Dates seen through a real workbook, so that the private serial arithmetic is exercised end to end.
@Suite struct ExcelDateTests {
    private func dates(_ serials: [String], format: String = #"<xf numFmtId="14"/>"#, date1904: Bool = false) throws -> [CellValue] {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/>\#(format)</cellXfs>"#
        let cells = serials.enumerated().map { #"<c r="\#(Character(UnicodeScalar(65 + $0)!))1" s="1"><v>\#($1)</v></c>"# }.joined()
        var values: [CellValue] = []
        let data = XlsxFixture.workbook(
            sheets: [("S", #"<sheetData><row r="1">\#(cells)</row></sheetData>"#)], styles: styles, date1904: date1904)
        try XlsxReader(data: data).forEachRow { values = $0.values }
        return values
    }

    private func day(_ year: Int, _ month: Int, _ day: Int) -> CellValue {
        .date(SpreadsheetDate(year: year, month: month, day: day))
    }

    @Test func the1900SystemIncludesTheLotusLeapDay() throws {
        #expect(
            try dates(["1", "31", "59", "60", "61", "36526", "45000", "2958465"]) == [
                day(1900, 1, 1), day(1900, 1, 31), day(1900, 2, 28), day(1900, 2, 29), day(1900, 3, 1),
                day(2000, 1, 1), day(2023, 3, 15), day(9999, 12, 31),
            ])
    }

    @Test func the1904SystemCountsFrom1904() throws {
        #expect(
            try dates(["0", "1", "35064", "43538"], date1904: true) == [
                day(1904, 1, 1), day(1904, 1, 2), day(2000, 1, 1), day(2023, 3, 15),
            ])
    }

    @Test func outOfRangeSerialsStayNumbers() throws {
        #expect(try dates(["-1", "2958466"]) == [.number(-1), .number(2_958_466)])
    }

    @Test(arguments: [
        ("dd/mm/yyyy", true), ("[$-42A]d mmmm yyyy", true), ("mmm-yy", true), ("yyyy", true), ("d", true),
        ("m/d/yy h:mm", true), ("General", false), ("0.00", false), ("#,##0 \"đ\"", false), ("h:mm:ss", false),
        ("[h]:mm", false), ("[Red]0.0", false), ("\\d0", false), ("0;[Red]-0;\"ngày\"", false),
    ])
    func customFormatsAreDatesWhenTheyShowADayMonthOrYear(code: String, isDate: Bool) throws {
        let escaped = code.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let styles =
            #"<numFmts count="1"><numFmt numFmtId="170" formatCode="\#(escaped)"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs>"#
        var values: [CellValue] = []
        let data = XlsxFixture.workbook(
            sheets: [("S", #"<sheetData><row r="1"><c r="A1" s="1"><v>45000</v></c></row></sheetData>"#)], styles: styles)
        try XlsxReader(data: data).forEachRow { values = $0.values }
        #expect(values == [isDate ? day(2023, 3, 15) : .number(45000)])
    }

    @Test(arguments: [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])
    func builtInDateFormatsAreDates(id: Int) throws {
        #expect(try dates(["45000.5"], format: #"<xf numFmtId="\#(id)"/>"#) == [day(2023, 3, 15)])
    }

    @Test(arguments: [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49])
    func otherBuiltInFormatsAreNumbers(id: Int) throws {
        #expect(try dates(["45000.5"], format: #"<xf numFmtId="\#(id)"/>"#) == [.number(45000.5)])
    }

    @Test func writtenDatesReadBackTheSameAcrossTheLeapDay() throws {
        let days = [
            SpreadsheetDate(year: 1900, month: 1, day: 1), SpreadsheetDate(year: 1900, month: 2, day: 28),
            SpreadsheetDate(year: 1900, month: 3, day: 1), SpreadsheetDate(year: 1975, month: 4, day: 30),
            SpreadsheetDate(year: 2024, month: 2, day: 29),
        ]
        let writer = try XlsxWriter()
        try writer.addSheet(named: "D") { try $0.append(days.map { .date($0) }) }
        var values: [CellValue] = []
        try XlsxReader(data: writer.data()).forEachRow { values = $0.values }
        #expect(values == days.map { .date($0) })
    }

    @Test func calendarDatesPrintAndParse() {
        let date = SpreadsheetDate(year: 2024, month: 5, day: 3)
        #expect(date.description == "2024-05-03")
        #expect(date.dayMonthYear == "03/05/2024")
        #expect(SpreadsheetDate(iso: "2024-05-03T10:00:00") == date)
        #expect(SpreadsheetDate(iso: "03/05/2024") == nil)
    }
}
