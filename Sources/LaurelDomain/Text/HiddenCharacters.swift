/// Characters that change how text looks or reads without being seen: zero-width characters and the
/// bidirectional controls. A name holding U+200B looks like another and cannot be found by it; a
/// right-to-left override (U+202E) makes "Nguyễn‮nA" read as something else. Vietnamese text needs
/// none of them, so names refuse them and free text refuses the bidirectional ones.
public enum HiddenCharacters {
    /// Left-to-right and right-to-left marks, embeddings, overrides and isolates, and the Arabic mark.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
        default: false
        }
    }

    /// Zero-width space, joiners, word joiner, byte-order mark, soft hyphen and other invisible
    /// format characters, with the bidirectional controls.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if isBidiControl(scalar) { return true }
        switch scalar.value {
        case 0x00AD, 0x034F, 0x180E, 0x200B...0x200D, 0x2060...0x2064, 0xFEFF: return true
        default: return scalar.properties.generalCategory == .format
        }
    }

    public static func containsInvisible(_ text: String) -> Bool { text.unicodeScalars.contains(where: isInvisible) }
    public static func containsBidiControl(_ text: String) -> Bool { text.unicodeScalars.contains(where: isBidiControl) }
}
