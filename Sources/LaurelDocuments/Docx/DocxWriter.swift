import Foundation
import ZIPFoundation

/// A minimal Word document (WordprocessingML): paragraphs and simple tables, in Times New Roman,
/// enough for the minutes (biên bản) of a meeting. Three parts: content types, the package
/// relationship, and `word/document.xml`.
public struct DocxWriter: Sendable {
    public enum Block: Sendable {
        /// A paragraph; `bold` and `centred` as official forms lay out their headings.
        case paragraph(String, bold: Bool = false, centred: Bool = false, size: Int = 13)
        /// A table with a bold header row.
        case table(header: [String], rows: [[String]])
    }

    public var blocks: [Block]

    public init(blocks: [Block] = []) { self.blocks = blocks }

    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        try add(Self.contentTypes, as: "[Content_Types].xml", to: archive)
        try add(Self.relationships, as: "_rels/.rels", to: archive)
        try add(document(), as: "word/document.xml", to: archive)
        return archive.data ?? Data()
    }

    func document() -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let text, let bold, let centred, let size):
                body += paragraph(text, bold: bold, centred: centred, size: size)
            case .table(let header, let rows):
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
                for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                    body += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                }
                body += "</w:tblBorders></w:tblPr>"
                for (index, row) in ([header] + rows).enumerated() {
                    body += "<w:tr>" + row.map { "<w:tc>" + paragraph($0, bold: index == 0, centred: false, size: 12) + "</w:tc>" }.joined() + "</w:tr>"
                }
                body += "</w:tbl>" + paragraph("", bold: false, centred: false, size: 12)
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>\
            </w:body></w:document>
            """
    }

    func paragraph(_ text: String, bold: Bool, centred: Bool, size: Int) -> String {
        let properties = "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
            + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"\(size * 2)\"/></w:rPr>"
        let alignment = centred ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : ""
        return "<w:p>\(alignment)<w:r>\(properties)<w:t xml:space=\"preserve\">\(XMLText.escaped(text))</w:t></w:r></w:p>"
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
        </Types>
        """

    static let relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """
}
