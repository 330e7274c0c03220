import Foundation

/// The workbook's shared strings while writing: each distinct text once, cells refer to it by index.
final class SharedStringTable {
    private var indexes: [String: Int] = [:]
    private(set) var strings: [String] = []
    private(set) var referenceCount = 0

    func index(of text: String) -> Int {
        referenceCount += 1
        if let index = indexes[text] { return index }
        let index = strings.count
        indexes[text] = index
        strings.append(text)
        return index
    }

    func write(to url: URL) throws {
        let sink = try ByteFileSink(url: url)
        sink.append(XlsxParts.header)
        sink.append(#"<sst xmlns="\#(XlsxParts.mainNamespace)" count="\#(referenceCount)" uniqueCount="\#(strings.count)">"#)
        for text in strings {
            sink.append(XMLText.needsPreserve(text) ? #"<si><t xml:space="preserve">"# : "<si><t>")
            XMLText.append(text, to: &sink.bytes, ooxml: true)
            sink.append("</t></si>")
            try sink.flushIfNeeded()
        }
        sink.append("</sst>")
        try sink.close()
    }
}
