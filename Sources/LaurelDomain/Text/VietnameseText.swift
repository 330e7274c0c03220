import Foundation

/// Vietnamese-aware keys for search and sorting, computed once when a name is written so that the
/// database can search and order with plain indexed text comparisons on SQLite and PostgreSQL alike.
public enum VietnameseText {
    /// Lowercase, without diacritics, "đ" as "d", whitespace collapsed: "Nguyễn  Văn An" → "nguyen van an".
    public static func searchKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            lastWasSpace = false
            out.append(scalar == "đ" ? "d" : scalar)
        }
        if out.last == " " { out.removeLast() }
        return String(out)
    }

    /// A key whose byte order is the Vietnamese dictionary order: letters by the Vietnamese alphabet
    /// (a ă â b c d đ e ê … o ô ơ … u ư …), then tones (none, huyền, hỏi, ngã, sắc, nặng) as a
    /// secondary level, case ignored. "Đào" sorts after "Dương"; "an" < "àn" < "án" < "anh".
    public static func sortKey(_ text: String) -> String {
        var primary = ""
        var tones = ""
        primary.reserveCapacity(text.utf8.count * 2)
        for character in text.lowercased() {
            let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let base = scalars.first else { continue }
            if base.properties.isWhitespace {
                if primary.last != " " { primary.append(" ") }
                continue
            }
            var letterVariant = 0
            var tone = 0
            for mark in scalars.dropFirst() {
                switch mark.value {
                case 0x0306: letterVariant = 1  // breve: ă
                case 0x0302: letterVariant = base == "a" ? 2 : 1  // circumflex: â, ê, ô
                case 0x031B: letterVariant = base == "o" ? 2 : 1  // horn: ơ, ư
                case 0x0300: tone = 1  // huyền
                case 0x0309: tone = 2  // hỏi
                case 0x0303: tone = 3  // ngã
                case 0x0301: tone = 4  // sắc
                case 0x0323: tone = 5  // nặng
                default: break
                }
            }
            if base == "đ" {
                primary.append("d1")
            } else {
                primary.unicodeScalars.append(base)
                primary.append(Character(String(letterVariant)))
            }
            tones.append(Character(String(tone)))
        }
        while primary.last == " " { primary.removeLast() }
        return primary + "\u{1}" + tones
    }

    /// The key used to order people: Vietnamese lists sort by given name (the last word), then by
    /// the whole name.
    public static func personSortKey(_ fullName: String) -> String {
        let given = fullName.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? fullName
        return sortKey(given) + "\u{2}" + sortKey(fullName)
    }
}
