import Foundation

/// Hand-written workbooks, shaped like what Excel and LibreOffice save, for reader tests.
public enum XlsxFixture {
    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook whose sheets hold the given `<sheetData>…` bodies (everything inside `<worksheet>`).
    public static func workbook(
        sheets: [(name: String, body: String)], sharedStrings: [String]? = nil, styles: String? = nil,
        date1904: Bool = false, prefix: String = ""
    ) -> Data {
        var zip = TestZip()
        zip.store(
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
        )
        zip.store(
            "_rels/.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rels)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns=\"\(main)\"" : "xmlns:\(prefix)=\"\(main)\""
        var workbook = #"<?xml version="1.0" encoding="UTF-8"?><\#(p)workbook \#(ns) xmlns:r="\#(rels)">"#
        if date1904 { workbook += #"<\#(p)workbookPr date1904="1"/>"# }
        workbook += "<\(p)sheets>"
        var workbookRels =
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for (index, sheet) in sheets.enumerated() {
            workbook += #"<\#(p)sheet name="\#(sheet.name)" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
            workbookRels += #"<Relationship Id="rId\#(index + 1)" Type="\#(rels)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
            zip.store(
                "xl/worksheets/sheet\(index + 1).xml",
                #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                    + #"<\#(p)worksheet \#(ns) xmlns:r="\#(rels)">\#(sheet.body)</\#(p)worksheet>"#)
        }
        workbook += "</\(p)sheets></\(p)workbook>"
        if let sharedStrings {
            workbookRels += #"<Relationship Id="rIdS" Type="\#(rels)/sharedStrings" Target="sharedStrings.xml"/>"#
            zip.store(
                "xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="\#(main)">\#(sharedStrings.joined())</sst>"#)
        }
        if let styles {
            workbookRels += #"<Relationship Id="rIdT" Type="\#(rels)/styles" Target="/xl/styles.xml"/>"#
            zip.store("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(main)">\#(styles)</styleSheet>"#)
        }
        zip.store("xl/workbook.xml", workbook)
        zip.store("xl/_rels/workbook.xml.rels", workbookRels + "</Relationships>")
        return zip.data
    }

    public static func sheet(_ body: String) -> Data {
        workbook(sheets: [("Sheet1", body)])
    }
}
