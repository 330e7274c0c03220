import Foundation
import LaurelTestSupport
import Testing

@testable import LaurelDocuments

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The rules of WordprocessingML that Word enforces and LibreOffice forgives, checked on what the
/// writer produces; then the document opened in LibreOffice Writer.
struct DocxWriterTests {
    static let minutes = DocxWriter(
        blocks: [
            .columns(
                [
                    [.init("CỤM THI ĐUA CÁC TỈNH MIỀN NÚI", bold: true)],
                    [
                        .init("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true), .init("Độc lập - Tự do - Hạnh phúc", bold: true),
                        .init("Lào Cai, ngày 20 tháng 12 năm 2025", italic: true),
                    ],
                ], widths: [2, 3]),
            .paragraph("BIÊN BẢN", bold: true, centred: true, size: 14),
            .paragraph("Điểm < 100 & \"chênh lệch\" > 0\u{1}", italic: true),
            .table(
                header: ["Hạng", "Đơn vị", "Tổng điểm"], rows: [["1", "Sở Giáo dục và Đào tạo", "94,5"], ["2", "Sở Y tế"]],
                widths: [1, 5, 2]),
            .columns([
                [.init("THƯ KÝ", bold: true), .init("(Ký, ghi rõ họ tên)", italic: true)],
                [.init("TRƯỞNG CỤM", bold: true), .init("(Ký, ghi rõ họ tên)", italic: true)],
            ]),
        ], title: "Biên bản hội nghị")

    /// Elements with their children's names, built from the parsed XML.
    final class Outline: NSObject, XMLParserDelegate {
        final class Node {
            let name: String
            var children: [Node] = []
            var attributes: [String: String]
            var text = ""
            init(_ name: String, _ attributes: [String: String]) {
                self.name = name
                self.attributes = attributes
            }
            func all(_ name: String) -> [Node] { (self.name == name ? [self] : []) + children.flatMap { $0.all(name) } }
        }
        var stack: [Node] = [Node("#root", [:])]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            let node = Node(name, attributes)
            stack.last?.children.append(node)
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

        static func parse(_ xml: String) throws -> Node {
            let outline = Outline()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = outline
            guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
            return outline.stack[0]
        }
    }

    @Test func everyTableHasAGridThatMatchesItsCellsAndEveryCellEndsWithAParagraph() throws {
        let root = try Outline.parse(Self.minutes.document())
        let tables = root.all("w:tbl")
        #expect(tables.count == 3)
        for table in tables {
            #expect(table.children.map(\.name).prefix(2) == ["w:tblPr", "w:tblGrid"])
            #expect(table.children[0].children.map(\.name) == ["w:tblW", "w:tblBorders", "w:tblLayout"])
            let grid = table.children[1].children.compactMap { Int($0.attributes["w:w"] ?? "") }
            #expect(grid.reduce(0, +) == DocxWriter.textWidth)
            for row in table.children where row.name == "w:tr" {
                let cells = row.children.filter { $0.name == "w:tc" }
                #expect(cells.count == grid.count)
                #expect(cells.compactMap { $0.children.first?.children.first?.attributes["w:w"] }.compactMap(Int.init) == grid)
                #expect(cells.allSatisfy { $0.children.last?.name == "w:p" })
            }
        }
        // The ranking's header repeats on each page; the short second row was padded.
        let ranking = tables[1]
        #expect(ranking.all("w:tblHeader").count == 1)
        #expect(ranking.all("w:tr").last?.all("w:tc").count == 3)
        #expect(ranking.children[1].children.compactMap { Int($0.attributes["w:w"] ?? "") } == [1133, 5669, 2269])
    }

    @Test func textIsEscapedAndRunPropertiesComeInTheSchemasOrder() throws {
        let root = try Outline.parse(Self.minutes.document())
        let texts = root.all("w:t").map(\.text)
        #expect(texts.contains("Điểm < 100 & \"chênh lệch\" > 0"))  // U+0001 is not an XML character: dropped
        #expect(texts.contains("Lào Cai, ngày 20 tháng 12 năm 2025"))
        for properties in root.all("w:rPr") {
            let order = ["w:rFonts", "w:b", "w:i", "w:sz", "w:lang"]
            let names = properties.children.map(\.name)
            #expect(names == order.filter(names.contains))
        }
        let italic = root.all("w:r").filter { $0.all("w:i").count == 1 }.flatMap { $0.all("w:t") }.map(\.text)
        #expect(italic.contains("(Ký, ghi rõ họ tên)"))
    }

    @Test func widthsOfTheWrongCountFallBackToEqualColumns() {
        #expect(DocxWriter.columnWidths(count: 3, weights: [1, 2]) == [3023, 3023, 3025])
        #expect(DocxWriter.columnWidths(count: 2, weights: [0, 1]) == [4535, 4536])
        #expect(DocxWriter.columnWidths(count: 2, weights: [1, 3]).reduce(0, +) == DocxWriter.textWidth)
    }

    @Test(.enabled(if: LibreOffice.isInstalled, "LibreOffice (soffice) is not installed"))
    func libreOfficeWriterOpensTheMinutesAndReadsTheTextInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("bien-ban.docx")
        try Self.minutes.data().write(to: docx)

        let text = try String(contentsOf: LibreOffice.convert(docx, to: "txt:Text", extension: "txt"), encoding: .utf8)

        let expected = [
            "CỤM THI ĐUA CÁC TỈNH MIỀN NÚI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN",
            "Điểm < 100 & \"chênh lệch\" > 0", "Hạng", "Đơn vị", "Tổng điểm", "Sở Giáo dục và Đào tạo", "94,5", "Sở Y tế",
            "THƯ KÝ", "TRƯỞNG CỤM",
        ]
        var cursor = text.startIndex
        for line in expected {
            let found = text.range(of: line, range: cursor..<text.endIndex)
            #expect(found != nil, "\(line) is missing or out of order")
            if let found { cursor = found.upperBound }
        }
    }
}
