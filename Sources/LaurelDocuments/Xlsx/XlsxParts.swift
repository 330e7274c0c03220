/// The small fixed parts of a workbook written by `XlsxWriter`.
enum XlsxParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    /// Cell style indexes in `styles(dateFormat:)`.
    enum Style {
        static let bold = 1
        static let date = 2
        static let wrapped = 3
        static let boolean = 4
    }

    static func contentTypes(sheetCount: Int, sharedStrings: Bool) -> String {
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += override("/xl/workbook.xml", "sheet.main+xml")
        for index in 1...max(sheetCount, 1) where sheetCount > 0 {
            xml += override("/xl/worksheets/sheet\(index).xml", "worksheet+xml")
        }
        xml += override("/xl/styles.xml", "styles+xml")
        if sharedStrings { xml += override("/xl/sharedStrings.xml", "sharedStrings+xml") }
        return xml + "</Types>"
    }

    static let rootRelationships =
        header + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipType)officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        var xml = header + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(name, attribute: true))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int, sharedStrings: Bool) -> String {
        var xml = header + #"<Relationships xmlns="\#(packageRelationships)">"#
        for index in 0..<sheetCount {
            xml += relationship(index + 1, "worksheet", "worksheets/sheet\(index + 1).xml")
        }
        xml += relationship(sheetCount + 1, "styles", "styles.xml")
        if sharedStrings { xml += relationship(sheetCount + 2, "sharedStrings", "sharedStrings.xml") }
        return xml + "</Relationships>"
    }

    /// Styles: 0 plain, 1 bold (header), 2 date, 3 wrapped text (cells with line breaks), 4 boolean
    /// (LibreOffice shows a bare boolean cell as 0/1 without a format that names TRUE and FALSE).
    static func styles(dateFormat: String) -> String {
        let font = #"<sz val="11"/><name val="Calibri"/><family val="2"/>"#
        var xml = header + #"<styleSheet xmlns="\#(mainNamespace)">"#
        xml += #"<numFmts count="2"><numFmt numFmtId="164" formatCode="\#(XMLText.escaped(dateFormat, attribute: true))"/>"#
        xml += #"<numFmt numFmtId="165" formatCode="&quot;TRUE&quot;;&quot;TRUE&quot;;&quot;FALSE&quot;"/></numFmts>"#
        xml += #"<fonts count="2"><font>\#(font)</font><font><b/>\#(font)</font></fonts>"#
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        xml += #"<cellXfs count="5">"#
        xml += #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        xml += #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        xml += #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        xml += #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>"#
        xml += #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        xml += "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }

    private static func override(_ part: String, _ type: String) -> String {
        #"<Override PartName="\#(part)" ContentType="\#(contentType)\#(type)"/>"#
    }

    private static func relationship(_ id: Int, _ type: String, _ target: String) -> String {
        #"<Relationship Id="rId\#(id)" Type="\#(relationshipType)\#(type)" Target="\#(target)"/>"#
    }
}
