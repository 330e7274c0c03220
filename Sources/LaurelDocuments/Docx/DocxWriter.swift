import Foundation
import ZIPFoundation

/// A small Word document (WordprocessingML): paragraphs, ruled tables and borderless columns, in
/// Times New Roman on A4 with the margins of the administrative-document format (Decree
/// 30/2020/ND-CP), enough for the minutes (biên bản) of a meeting. Four parts: content types, the
/// package relationship, `word/document.xml` and `docProps/core.xml`.
///
/// Word is stricter than LibreOffice about the schema: a table must have its `w:tblGrid`, a cell
/// must end with a paragraph, and properties must come in the schema's order. The tests parse
/// what is written and check those rules, then open it in LibreOffice Writer.
public struct DocxWriter: Sendable {
    /// One line of a column: the letterhead's and the signatures' lines are centred.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var bold: Bool
        public var italic: Bool

        public init(_ text: String, bold: Bool = false, italic: Bool = false) {
            self.text = text
            self.bold = bold
            self.italic = italic
        }
    }

    public enum Block: Sendable {
        /// A paragraph; `bold` and `centred` as official forms lay out their headings.
        case paragraph(String, bold: Bool = false, centred: Bool = false, size: Int = 13, italic: Bool = false)
        /// A ruled table whose bold header row repeats on every page; `widths` are relative
        /// column weights (equal when absent or of the wrong count).
        case table(header: [String], rows: [[String]], widths: [Int]? = nil)
        /// Side-by-side blocks of centred lines without rules: the letterhead (issuing body on the
        /// left, the national motto on the right) and the signature block.
        case columns([[Line]], widths: [Int]? = nil)
    }

    public var blocks: [Block]
    public var title: String

    public init(blocks: [Block] = [], title: String = "") {
        self.blocks = blocks
        self.title = title
    }

    /// The width of the text on an A4 page between the margins below, in twentieths of a point.
    static let textWidth = 11906 - 1134 - 1701

    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        try add(Self.contentTypes, as: "[Content_Types].xml", to: archive)
        try add(Self.relationships, as: "_rels/.rels", to: archive)
        try add(document(), as: "word/document.xml", to: archive)
        try add(core(), as: "docProps/core.xml", to: archive)
        return archive.data ?? Data()
    }

    func document() -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text, let bold, let centred, let size, let italic):
                body += paragraph(text, bold: bold, italic: italic, centred: centred, size: size)
            case .table(let header, let rows, let widths):
                let count = max(header.count, rows.map(\.count).max() ?? 0, 1)
                let columns = Self.columnWidths(count: count, weights: widths)
                body += tableStart(columns, ruled: true)
                for (index, row) in ([header] + rows).enumerated() {
                    let cells = row + Array(repeating: "", count: count - row.count)
                    body += "<w:tr>" + (index == 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
                    body += zip(cells, columns).map { text, width in
                        cell(width) + paragraph(text, bold: index == 0, italic: false, centred: false, size: 12) + "</w:tc>"
                    }.joined()
                    body += "</w:tr>"
                }
                body += "</w:tbl>" + paragraph("", bold: false, italic: false, centred: false, size: 12)
            case .columns(let blocks, let widths):
                let columns = Self.columnWidths(count: max(blocks.count, 1), weights: widths)
                body += tableStart(columns, ruled: false) + "<w:tr>"
                for (index, width) in columns.enumerated() {
                    let lines = index < blocks.count ? blocks[index] : []
                    let paragraphs =
                        lines.isEmpty
                        ? [paragraph("", bold: false, italic: false, centred: true, size: 13)]
                        : lines.map { paragraph($0.text, bold: $0.bold, italic: $0.italic, centred: true, size: 12) }
                    body += cell(width) + paragraphs.joined() + "</w:tc>"
                }
                body += "</w:tr></w:tbl>" + paragraph("", bold: false, italic: false, centred: false, size: 12)
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>\
            </w:body></w:document>
            """
    }

    /// Splits the text width by the weights; the last column takes the rounding remainder.
    static func columnWidths(count: Int, weights: [Int]?) -> [Int] {
        let weights = weights.flatMap { $0.count == count && $0.allSatisfy { $0 > 0 } ? $0 : nil } ?? Array(repeating: 1, count: count)
        let total = weights.reduce(0, +)
        var widths = weights.map { textWidth * $0 / total }
        widths[widths.count - 1] += textWidth - widths.reduce(0, +)
        return widths
    }

    /// `w:tblPr` children in the schema's order (tblW, tblBorders, tblLayout), then the grid.
    func tableStart(_ columns: [Int], ruled: Bool) -> String {
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(Self.textWidth)\" w:type=\"dxa\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += ruled ? "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" : "<w:\(side) w:val=\"nil\"/>"
        }
        xml += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        xml += columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        return xml
    }

    func cell(_ width: Int) -> String { "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>" }

    /// Run properties in the schema's order: fonts, bold, italic, size, language.
    func paragraph(_ text: String, bold: Bool, italic: Bool, centred: Bool, size: Int) -> String {
        let properties =
            "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
            + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "<w:sz w:val=\"\(size * 2)\"/><w:lang w:val=\"vi-VN\"/></w:rPr>"
        let alignment = centred ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : ""
        return "<w:p>\(alignment)<w:r>\(properties)<w:t xml:space=\"preserve\">\(XMLText.escaped(text))</w:t></w:r></w:p>"
    }

    func core() -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XMLText.escaped(title))</dc:title><dc:language>vi-VN</dc:language>\
        <dc:creator>Laurel</dc:creator></cp:coreProperties>
        """
    }

    private func add(_ xml: String, as path: String, to archive: Archive) throws {
        let data = Data(xml.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """
}
