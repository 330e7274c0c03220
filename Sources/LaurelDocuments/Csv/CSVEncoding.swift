import Foundation

/// The text encoding of a CSV file, as detected from its bytes.
public enum CSVEncoding: Hashable, Sendable {
    /// UTF-8 with a byte-order mark (what Excel's "CSV UTF-8" writes).
    case utf8WithBOM
    case utf8
    /// UTF-16 with a byte-order mark (Excel's "Unicode text").
    case utf16LittleEndian
    case utf16BigEndian
    /// Vietnamese Windows code page: any file that is not valid UTF-8 is taken to be this.
    case windows1258

    /// Detects the encoding and decodes. Without a BOM, bytes that are valid UTF-8 are UTF-8
    /// (plain ASCII included); anything else is read as Windows-1258.
    static func decode(_ data: Data) -> (text: String, encoding: CSVEncoding) {
        let head = Array(data.prefix(3))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: data.dropFirst(3), as: UTF8.self), .utf8WithBOM)
        }
        if head.starts(with: [0xFF, 0xFE]) {
            return (decodeUTF16(data.dropFirst(2), bigEndian: false), .utf16LittleEndian)
        }
        if head.starts(with: [0xFE, 0xFF]) {
            return (decodeUTF16(data.dropFirst(2), bigEndian: true), .utf16BigEndian)
        }
        if let text = String(validating: data, as: UTF8.self) {
            return (text, .utf8)
        }
        return (Windows1258.decode(data), .windows1258)
    }

    private static func decodeUTF16(_ data: Data, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        var iterator = data.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            units.append(bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first))
        }
        return String(decoding: units, as: UTF16.self)
    }
}
