import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/workbook.xml`: the sheets in tab order and the date system.
final class WorkbookHandler: NSObject, XMLPartHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var isHidden: Bool
    }

    private(set) var failure: (any Error)?
    private(set) var sheets: [SheetEntry] = []
    private(set) var usesDate1904 = false
    private var sawWorkbook = false

    var isWorkbook: Bool { sawWorkbook }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "workbook":
            sawWorkbook = true
        case "workbookPr":
            let flag = attributes.attribute("date1904")
            usesDate1904 = flag == "1" || flag == "true"
        case "sheet":
            guard let name = attributes.attribute("name"), let id = attributes.attribute("id") else { return }
            let state = attributes.attribute("state")
            sheets.append(SheetEntry(name: name, relationshipID: id, isHidden: state == "hidden" || state == "veryHidden"))
        default:
            return
        }
    }
}
