import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `xl/sharedStrings.xml` into memory. Rich-text runs (`<r><t>…</t></r>`) are joined;
/// phonetic guides (`<rPh>`) are skipped.
final class SharedStringsHandler: NSObject, XMLPartHandler {
    private(set) var failure: (any Error)?
    private(set) var strings: [String] = []
    private let limits: SpreadsheetLimits
    private let partPath: String
    private var current = ""
    private var currentBytes = 0
    private var totalBytes = 0
    private var inText = false
    private var phoneticDepth = 0

    init(limits: SpreadsheetLimits, partPath: String) {
        self.limits = limits
        self.partPath = partPath
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "si":
            current = ""
            currentBytes = 0
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
        guard inText, failure == nil else { return }
        let bytes = string.utf8.count
        currentBytes += bytes
        totalBytes += bytes
        if currentBytes > limits.maxCellBytes {
            return fail(SpreadsheetError.cellTooLong(row: 0, limit: limits.maxCellBytes), parser)
        }
        if totalBytes > limits.maxSharedStringBytes {
            return fail(SpreadsheetError.zipBomb(entry: partPath), parser)
        }
        current += string
    }

    private func fail(_ error: SpreadsheetError, _ parser: XMLParser) {
        failure = error
        parser.abortParsing()
    }
}
