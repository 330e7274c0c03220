import Foundation

/// Collects the `ref` of every `<mergeCell>` in a worksheet part by walking its tags byte by byte.
///
/// `<mergeCells>` follows `<sheetData>`, so a one-pass row stream would learn of merges only after
/// delivering the rows. This pre-pass inflates and scans bytes without XML parsing, which costs a
/// fraction of the real parse, and lets every row arrive with its merged cells flagged.
struct MergeCellScanner {
    private(set) var ranges: [CellRange] = []
    /// An unfinished tag from the end of the previous chunk.
    private var carry: [UInt8] = []
    private static let maxTag = 4096

    mutating func scan(_ chunk: Data) {
        var bytes = carry
        bytes.append(contentsOf: chunk)
        carry = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else {
                if bytes.count - open < Self.maxTag { carry = Array(bytes[open...]) }
                return
            }
            let tag = bytes[(open + 1)..<close]
            let nameEnd = tag.firstIndex { Self.endsName($0) } ?? tag.endIndex
            let name = tag[tag.startIndex..<nameEnd]
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            if local.elementsEqual("mergeCell".utf8), let range = Self.reference(in: tag[nameEnd...]) {
                ranges.append(range)
            }
            index = close + 1
        }
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The `ref="A1:B2"` attribute among a tag's attributes.
    private static func reference(in attributes: ArraySlice<UInt8>) -> CellRange? {
        let text = String(decoding: attributes, as: UTF8.self)
        for quote in ["\"", "'"] {
            guard let start = text.range(of: "ref=" + quote) else { continue }
            let value = text[start.upperBound...].prefix { String($0) != quote }
            return CellRange(value)
        }
        return nil
    }
}
