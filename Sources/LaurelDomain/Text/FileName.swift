import Foundation

/// The name a file is kept and offered under. An uploaded name is only a label: it loses any path
/// (`../../etc/passwd` → `passwd`), hidden and control characters, and leading dots, and ends with
/// the extension of the type its content was recognised as, so `evil.html` holding a PDF is kept as
/// `evil.pdf` and cannot be opened as a page.
public enum FileName {
    public static let maxLength = 120

    public static func stored(_ raw: String?, fileExtension: String, fallback: String) -> String {
        var name = (raw ?? "").precomposedStringWithCanonicalMapping
        if let cut = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = String(name[name.index(after: cut)...]) }
        name = String(
            String.UnicodeScalarView(
                name.unicodeScalars.filter {
                    !HiddenCharacters.isInvisible($0) && $0.properties.generalCategory != .control
                        && !"<>:\"|?*".unicodeScalars.contains($0)
                }))
        name = String(name.drop { $0 == "." || $0 == " " }).trimmingTrailing { $0 == " " || $0 == "." }
        var base = name
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let ext = name[name.index(after: dot)...]
            if ext.lowercased() == fileExtension { return String(bounded(String(name[..<dot]), fallback: fallback)) + "." + fileExtension }
            // A short run of letters and digits after the last dot is an extension that lies about the content.
            if (1...5).contains(ext.count), ext.contains(where: \.isLetter), ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            {
                base = String(name[..<dot])
            }
        }
        return bounded(base, fallback: fallback) + "." + fileExtension
    }

    private static func bounded(_ base: String, fallback: String) -> String {
        let trimmed = base.trimmingTrailing { $0 == " " || $0 == "." }
        return trimmed.isEmpty ? fallback : String(trimmed.prefix(maxLength))
    }
}

extension String {
    func trimmingTrailing(while predicate: (Character) -> Bool) -> String {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return String(self[..<end])
    }
}
