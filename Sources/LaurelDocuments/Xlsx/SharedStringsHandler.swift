import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/sharedStrings.xml` into memory. Rich-text runs (`<r><t>…</t></r>`) are joined;
/// phonetic guides (`<rPh>`) are skipped.
final class SharedStringsHandler: NSObject, XMLPartHandler {
    private(set) var failure: (any Error)?
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "si": current = ""
        case "t": inText = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: return
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch elementName.localName {
        case "si": strings.append(current.decodingOOXMLEscapes)
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        default: return
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
