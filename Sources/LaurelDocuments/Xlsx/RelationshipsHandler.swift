import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a `_rels/*.rels` part: relationship id → target part, resolved to a path in the archive.
final class RelationshipsHandler: NSObject, XMLPartHandler {
    struct Relationship: Sendable {
        var id: String
        /// The type URI; only its last path segment (`worksheet`, `sharedStrings`…) matters here.
        var type: String
        /// Archive path of the target, or nil for an external target such as a hyperlink.
        var path: String?
    }

    private(set) var failure: (any Error)?
    private(set) var relationships: [Relationship] = []
    /// Folder of the part the relationships belong to (`xl/` for `xl/_rels/workbook.xml.rels`).
    private let baseFolder: String

    init(relsPath: String) {
        let folder = relsPath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2)
        baseFolder = folder.joined(separator: "/")
    }

    func first(ofType kind: String) -> Relationship? {
        relationships.first { $0.type.split(separator: "/").last.map(String.init) == kind }
    }

    func relationship(id: String) -> Relationship? {
        relationships.first { $0.id == id }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes: [String: String] = [:]
    ) {
        guard elementName.localName == "Relationship",
            let id = attributes.attribute("Id"), let target = attributes.attribute("Target")
        else { return }
        let external = attributes.attribute("TargetMode") == "External"
        relationships.append(
            Relationship(id: id, type: attributes.attribute("Type") ?? "", path: external ? nil : resolve(target))
        )
    }

    /// `worksheets/sheet1.xml` against `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute.
    private func resolve(_ target: String) -> String {
        let absolute = target.hasPrefix("/")
        var segments = absolute ? [] : baseFolder.split(separator: "/").map(String.init)
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }
}
