import Foundation
import LaurelDocuments
import LaurelTestSupport
import Testing

@Suite struct XlsxReaderTests {
    private func rows(_ data: Data, sheet: SheetSelector = .first) throws -> [TableRow] {
        var rows: [TableRow] = []
        try XlsxReader(data: data).forEachRow(in: sheet) { rows.append($0) }
        return rows
    }

    @Test func sharedStringsWithRichTextRunsAreJoinedAndPhoneticGuidesSkipped() throws {
        // setup
        let strings = [
            "<si><t>Nguyễn Văn An</t></si>",
            #"<si><r><rPr><b/></rPr><t>Huân </t></r><r><t xml:space="preserve">chương</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si>"#,
            "<si><t>dòng 1_x000D_\ndòng 2</t></si>",
        ]
        let data = XlsxFixture.workbook(
            sheets: [
                (
                    "S",
                    #"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>"#
                )
            ],
            sharedStrings: strings
        )
        // MUT
        let rows = try rows(data)
        // validate
        #expect(rows.first?.values == [.text("Nguyễn Văn An"), .text("Huân chương"), .text("dòng 1\r\ndòng 2")])
    }

    @Test func inlineStringsNumbersBooleansAndErrorsKeepTheirTypes() throws {
        let data = XlsxFixture.sheet(
            #"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Bằng khen</t></is></c><c r="B1"><v>1.5E3</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="d"><v>2024-05-31T00:00:00</v></c></row></sheetData>"#
        )
        let rows = try rows(data)
        #expect(
            rows.first?.values == [
                .text("Bằng khen"), .number(1500), .bool(true), .text("#N/A"), .date(SpreadsheetDate(year: 2024, month: 5, day: 31)),
            ])
    }

    @Test func sparseRowsKeepTheirNumbersAndGapsBecomeEmptyCells() throws {
        let data = XlsxFixture.sheet(
            #"<sheetData><row r="2"><c r="B2"><v>1</v></c></row><row r="5"><c r="C5"><v>3</v></c><c r="E5"><v>5</v></c><c r="F5" s="0"/></row><row r="7" customHeight="1"><c r="A7" s="1"/></row></sheetData>"#
        )
        let rows = try rows(data)
        #expect(rows.map(\.number) == [2, 5])
        #expect(rows[0].values == [.empty, .number(1)])
        #expect(rows[1].values == [.empty, .empty, .number(3), .empty, .number(5)])
        #expect(rows[1][10] == .empty)
    }

    @Test func cellsAndRowsWithoutReferencesFollowThePreviousOne() throws {
        let data = XlsxFixture.sheet(
            #"<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c><c><v>4</v></c></row></sheetData>"#)
        let rows = try rows(data)
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows[1].values == [.empty, .number(3), .number(4)])
    }

    @Test func datesFollowTheCellStyleInThe1900System() throws {
        // setup: style 1 = built-in 14, style 2 = custom dd/mm/yyyy, style 3 = a plain number format
        let styles =
            ##"<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>"##
        let body =
            #"<sheetData><row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>60</v></c><c r="C1" s="3"><v>45000</v></c><c r="D1" s="2"><v>61.75</v></c><c r="E1" s="1"><v>1</v></c></row></sheetData>"#
        let data = XlsxFixture.workbook(sheets: [("S", body)], styles: styles)
        // MUT
        let rows = try rows(data)
        // validate
        #expect(
            rows[0].values == [
                .date(SpreadsheetDate(year: 2023, month: 3, day: 15)),
                .date(SpreadsheetDate(year: 1900, month: 2, day: 29)),
                .number(45000),
                .date(SpreadsheetDate(year: 1900, month: 3, day: 1)),
                .date(SpreadsheetDate(year: 1900, month: 1, day: 1)),
            ])
    }

    @Test func datesUseThe1904SystemWhenTheWorkbookSaysSo() throws {
        let styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>"#
        let body = #"<sheetData><row r="1"><c r="A1" s="1"><v>43538</v></c><c r="B1" s="1"><v>0</v></c></row></sheetData>"#
        let reader = try XlsxReader(data: XlsxFixture.workbook(sheets: [("S", body)], styles: styles, date1904: true))
        var values: [CellValue] = []
        try reader.forEachRow { values = $0.values }
        #expect(reader.usesDate1904)
        #expect(values == [.date(SpreadsheetDate(year: 2023, month: 3, day: 15)), .date(SpreadsheetDate(year: 1904, month: 1, day: 1))])
    }

    @Test func formulasAreFlaggedAndKeepTheirCachedValue() throws {
        let data = XlsxFixture.sheet(
            #"<sheetData><row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c><c r="C1" t="str"><f t="shared" si="0"/><v>ok</v></c><c r="D1"><f>NOW()</f></c></row></sheetData>"#
        )
        var summary = SheetSummary()
        var row: TableRow?
        summary = try XlsxReader(data: data).forEachRow { row = $0 }
        let cells = try #require(row).cells
        #expect(cells[0].isFormula == false)
        #expect(cells[1].formula == "A1*2" && cells[1].value == .number(4))
        #expect(cells[2].formula == "" && cells[2].value == .text("ok"))
        #expect(cells[3].isFormula && cells[3].value == .empty)
        #expect(summary.formulaCount == 3)
        #expect(row?.hasFormula == true)
    }

    @Test func mergedCellsAreReportedOnTheirRowsAndInTheSummary() throws {
        let body =
            #"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1"/></row><row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="3"><c r="A3"><v>1</v></c></row><row r="4"><c r="A4"/></row></sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="C2:C4"/></mergeCells>"#
        let reader = try XlsxReader(data: XlsxFixture.sheet(body))
        var rows: [TableRow] = []
        let summary = try reader.forEachRow { rows.append($0) }
        #expect(summary.mergedRanges.map(\.description) == ["A1:C1", "C2:C4"])
        #expect(try reader.mergedRanges().count == 2)
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[0].cells[0].isMerged && rows[0].hasMergedCells)
        #expect(rows[1].cells.map(\.isMerged) == [false, false, true])
        #expect(rows[2].hasMergedCells && rows[2].cells.map(\.isMerged) == [false])
        #expect(rows[3].isBlank && rows[3].mergedRanges.map(\.description) == ["C2:C4"])
    }

    @Test func namespacePrefixedPartsAreRead() throws {
        let body =
            #"<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Có tiền tố</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells>"#
        let data = XlsxFixture.workbook(sheets: [("S", body)], prefix: "x")
        let rows = try rows(data)
        #expect(rows.first?.values == [.text("Có tiền tố")])
        #expect(rows.first?.hasMergedCells == true)
    }

    @Test func sheetsAreListedAndReadByIndexOrName() throws {
        let data = XlsxFixture.workbook(sheets: [
            ("Khen thưởng", #"<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>"#),
            ("Thi đua", #"<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>"#),
        ])
        let reader = try XlsxReader(data: data)
        #expect(reader.sheetNames == ["Khen thưởng", "Thi đua"])
        #expect(try rows(data, sheet: 1).first?.values == [.number(2)])
        #expect(try rows(data, sheet: "thi đua").first?.values == [.number(2)])
        #expect(throws: SpreadsheetError.sheetNotFound("Khác")) { try reader.forEachRow(in: "Khác") { _ in } }
        #expect(throws: SpreadsheetError.sheetNotFound("#3")) { try reader.forEachRow(in: 2) { _ in } }
    }

    @Test func emptySheetsDeliverNoRows() throws {
        let data = XlsxFixture.workbook(sheets: [
            ("Trống", "<sheetData/>"), ("Cũng trống", #"<dimension ref="A1"/><sheetData><row r="1" spans="1:3"/></sheetData>"#),
        ])
        let reader = try XlsxReader(data: data)
        #expect(try reader.forEachRow(in: 0) { _ in Issue.record("no row expected") }.rowCount == 0)
        #expect(try reader.forEachRow(in: 1) { _ in Issue.record("no row expected") }.rowCount == 0)
        #expect(try reader.readTable(1) == Table(name: "Cũng trống", header: [], rows: []))
    }

    @Test func anErrorThrownByTheCallbackStopsTheReadAndIsRethrown() throws {
        struct Stop: Error {}
        let body = "<sheetData>" + (1...50).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined() + "</sheetData>"
        var seen = 0
        #expect(throws: Stop.self) {
            try XlsxReader(data: XlsxFixture.sheet(body)).forEachRow { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }

    @Test func aBadSharedStringIndexIsMalformed() throws {
        let data = XlsxFixture.workbook(
            sheets: [("S", #"<sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>"#)], sharedStrings: ["<si><t>a</t></si>"])
        #expect(throws: SpreadsheetError.malformedXML(part: "xl/worksheets/sheet1.xml", detail: "shared string 7 does not exist")) {
            try rows(data)
        }
    }

    @Test func brokenXMLIsMalformed() throws {
        let data = XlsxFixture.sheet(#"<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>"#)
        #expect {
            try rows(data)
        } throws: { error in
            if case .malformedXML(part: "xl/worksheets/sheet1.xml", _) = error as? SpreadsheetError { return true }
            return false
        }
    }
}
