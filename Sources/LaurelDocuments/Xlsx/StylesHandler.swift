import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/styles.xml` far enough to know which cell styles (`s="…"`) show dates.
final class StylesHandler: NSObject, XMLPartHandler {
    private(set) var failure: (any Error)?
    private var customFormats: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var inCellXfs = false

    /// Indexed by a cell's `s` attribute.
    var dateStyles: [Bool] {
        cellFormatIDs.map { NumberFormat.isDate(id: $0, code: customFormats[$0]) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "numFmt":
            if let id = attributes.attribute("numFmtId").flatMap(Int.init), let code = attributes.attribute("formatCode") {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellXfs = true
        case "xf" where inCellXfs:
            cellFormatIDs.append(attributes.attribute("numFmtId").flatMap(Int.init) ?? 0)
        default:
            return
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if elementName.localName == "cellXfs" { inCellXfs = false }
    }
}
