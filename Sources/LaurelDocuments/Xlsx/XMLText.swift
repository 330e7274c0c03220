/// Writes text into XML the way Excel expects it.
enum XMLText {
    /// Excel refuses cells longer than this (UTF-16 code units).
    static let maxCellLength = 32_767

    /// Appends `text` as escaped XML character data (or an attribute value when `attribute`).
    ///
    /// Characters illegal in XML 1.0 (most C0 controls, U+FFFE, U+FFFF) are dropped. In cell text
    /// (`ooxml`), a carriage return becomes `_x000D_` (XML would turn it into a line feed) and a
    /// literal `_xHHHH_` is protected as `_x005F_xHHHH_`, as Excel does.
    static func append(_ text: String, to bytes: inout [UInt8], attribute: Bool = false, ooxml: Bool = false) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            case "\"" where attribute: bytes.append(contentsOf: "&quot;".utf8)
            case "\r" where ooxml: bytes.append(contentsOf: "_x000D_".utf8)
            case "\t" where attribute, "\n" where attribute, "\r" where attribute:
                bytes.append(contentsOf: "&#\(scalar.value);".utf8)
            case "_" where ooxml && startsEscape(scalars[index...]):
                bytes.append(contentsOf: "_x005F_".utf8)
            default:
                if isLegal(scalar) { bytes.append(contentsOf: String(scalar).utf8) }
            }
            index = scalars.index(after: index)
        }
    }

    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes, attribute: attribute)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// XML 1.0 `Char`: tab, LF, CR, and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Whether cell text needs `xml:space="preserve"` to keep its spaces.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first == " " || last == " " || first == "\t" || last == "\t" || text.contains("\n")
            || text.contains("  ")
    }

    /// Truncates text that Excel would refuse.
    static func clamped(_ text: String) -> String {
        guard text.utf16.count > maxCellLength else { return text }
        var result = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            if length > maxCellLength { break }
            result.append(character)
        }
        return result
    }

    private static func startsEscape(_ rest: Substring.UnicodeScalarView) -> Bool {
        let head = Array(rest.prefix(7))
        guard head.count == 7, head[1] == "x", head[6] == "_" else { return false }
        return head[2...5].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
