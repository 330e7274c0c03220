import Foundation

/// `Content-Disposition: attachment` with a name that survives (RFC 6266): an ASCII `filename` for
/// old clients, with Vietnamese letters folded ("Kế hoạch" → "Ke hoach"), and `filename*` carrying
/// the real name in UTF-8 (RFC 8187), which every current browser prefers.
enum ContentDisposition {
    static func attachment(_ name: String) -> String {
        "attachment; filename=\"\(asciiFallback(name))\"; filename*=UTF-8''\(encoded(name))"
    }

    static func asciiFallback(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.precomposedStringWithCanonicalMapping.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "đ": out.append("d")
            case "Đ": out.append("D")
            case "\"", "\\", ";", "%": out.append("_")
            default:
                out.append(scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F ? scalar : "_")
            }
        }
        let text = String(out)
        return text.isEmpty ? "download" : text
    }

    /// RFC 8187 `attr-char`s as they are, every other byte of the UTF-8 as `%XX`.
    static func encoded(_ name: String) -> String {
        var out = ""
        for byte in name.precomposedStringWithCanonicalMapping.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || "!#$&+-.^_`|~".unicodeScalars.contains(scalar)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
