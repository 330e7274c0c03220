import Foundation
import LaurelDocuments
import LaurelTestSupport
import Testing

@Suite struct XlsxSafetyTests {
    @Test func aPDFRenamedToXlsxIsNotAZipFile() throws {
        let pdf = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".utf8)
        #expect(throws: SpreadsheetError.notAZipFile) { try XlsxReader(data: pdf) }
    }

    @Test func randomBytesAreNotAZipFile() throws {
        var generator = SeededGenerator(seed: 1258)
        let noise = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(throws: SpreadsheetError.notAZipFile) { try XlsxReader(data: noise) }
        #expect(throws: SpreadsheetError.notAZipFile) { try XlsxReader(data: Data()) }
    }

    @Test func aZipWithoutAWorkbookIsNotAWorkbook() throws {
        var zip = TestZip()
        zip.store("word/document.xml", "<w:document/>")
        #expect(throws: SpreadsheetError.notAWorkbook) { try XlsxReader(data: zip.data) }
        #expect(throws: SpreadsheetError.notAWorkbook) { try XlsxReader(data: TestZip().data) }
    }

    @Test func aTruncatedZipIsNotAZipFile() throws {
        let whole = XlsxFixture.sheet("<sheetData/>")
        #expect(throws: SpreadsheetError.notAZipFile) { try XlsxReader(data: whole.prefix(whole.count / 2)) }
    }

    @Test func anOldExcelFileIsRecognised() throws {
        let ole2 = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        #expect(throws: SpreadsheetError.legacyExcelFormat) { try XlsxReader(data: ole2) }
    }

    @Test func anEntryClaiming200MBIsAZipBomb() throws {
        // setup: 200 MB of zeros deflates to ~1 MB; the header tells the truth, the ratio gives it away.
        var zip = TestZip()
        zip.store("xl/workbook.xml", "<workbook/>")
        zip.addDeflated("xl/worksheets/sheet1.xml", payload: ZeroDeflate.stream(count: 200 << 20), claimedSize: 200 << 20)
        // MUT, validate
        #expect(throws: SpreadsheetError.zipBomb(entry: "xl/worksheets/sheet1.xml")) { try XlsxReader(data: zip.data) }
    }

    @Test func anEntryThatInflatesPastItsDeclaredSizeIsAZipBomb() throws {
        // setup: the sheet claims 300 bytes but inflates to 2 MB of zeros (a forged header).
        var zip = TestZip()
        zip.store(
            "_rels/.rels",
            #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        zip.store("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        zip.store(
            "xl/_rels/workbook.xml.rels",
            #"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)
        zip.addDeflated("xl/worksheets/sheet1.xml", payload: ZeroDeflate.stream(count: 2 << 20), claimedSize: 300)
        let reader = try XlsxReader(data: zip.data)
        // MUT, validate
        #expect(throws: SpreadsheetError.zipBomb(entry: "xl/worksheets/sheet1.xml")) { try reader.forEachRow { _ in } }
    }

    @Test func totalAndPerEntryCapsAreConfigurable() throws {
        let data = XlsxFixture.sheet(#"<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>"#)
        var limits = SpreadsheetLimits()
        limits.maxEntrySize = 100
        #expect(throws: SpreadsheetError.self) { try XlsxReader(data: data, limits: limits) }
        limits = SpreadsheetLimits()
        limits.maxEntries = 3
        #expect(throws: SpreadsheetError.self) { try XlsxReader(data: data, limits: limits) }
    }

    @Test func filesOverTheSizeLimitAreRefused() throws {
        var limits = SpreadsheetLimits()
        limits.maxFileSize = 100
        let data = XlsxFixture.sheet("<sheetData/>")
        #expect(throws: SpreadsheetError.fileTooLarge(limit: 100)) { try XlsxReader(data: data, limits: limits) }
        #expect(throws: SpreadsheetError.fileTooLarge(limit: 100)) { try TabularReader(data: data, limits: limits) }
    }

    @Test func rowAndColumnCapsStopTheRead() throws {
        let body =
            "<sheetData>" + (1...20).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c></row>"# }.joined()
            + #"<row r="21"><c r="ZZ21"><v>1</v></c></row></sheetData>"#
        var limits = SpreadsheetLimits()
        limits.maxRows = 10
        #expect(throws: SpreadsheetError.tooManyRows(limit: 10)) {
            try XlsxReader(data: XlsxFixture.sheet(body), limits: limits).forEachRow { _ in }
        }
        limits = SpreadsheetLimits()
        limits.maxColumns = 100
        #expect(throws: SpreadsheetError.tooManyColumns(limit: 100)) {
            try XlsxReader(data: XlsxFixture.sheet(body), limits: limits).forEachRow { _ in }
        }
    }

    @Test func anExternalEntityIsNeverResolved() throws {
        // setup: the classic XXE, pointing at a file that exists on every Linux machine.
        var zip = TestZip()
        zip.store(
            "xl/workbook.xml",
            #"<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        )
        // MUT, validate
        #expect(throws: SpreadsheetError.unsafeXML(part: "xl/workbook.xml")) { try XlsxReader(data: zip.data) }
    }

    @Test func entityExpansionInASheetIsRefused() throws {
        let laughs =
            #"<!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>"#
        var zip = TestZip()
        zip.store("xl/workbook.xml", #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        zip.store(
            "xl/_rels/workbook.xml.rels",
            #"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)
        zip.store(
            "xl/worksheets/sheet1.xml",
            #"<?xml version="1.0"?><!-- a comment first -->"# + laughs
                + #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>"#)
        let reader = try XlsxReader(data: zip.data)
        #expect(throws: SpreadsheetError.unsafeXML(part: "xl/worksheets/sheet1.xml")) { try reader.forEachRow { _ in } }
    }
}

/// SplitMix64, so that "random" test data is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
