import Foundation

/// Makes names acceptable as Excel sheet names: at most 31 characters, none of `[]:*?/\`,
/// no leading or trailing apostrophe, not empty, unique without regard to case.
enum SheetName {
    static let maxLength = 31

    static func sanitized(_ name: String, index: Int, taken: [String]) -> String {
        let forbidden = Set("[]:*?/\\")
        var clean = String(name.filter { !forbidden.contains($0) && !$0.isNewline })
        clean = clean.trimmingCharacters(in: .whitespaces.union(["'"]))
        if clean.isEmpty { clean = "Sheet\(index + 1)" }
        clean = truncated(clean, to: maxLength)
        let lowercased = Set(taken.map { $0.lowercased() })
        var candidate = clean
        var counter = 2
        while lowercased.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = truncated(clean, to: maxLength - suffix.utf16.count) + suffix
            counter += 1
        }
        return candidate
    }

    private static func truncated(_ text: String, to length: Int) -> String {
        var result = ""
        for character in text {
            if result.utf16.count + character.utf16.count > length { break }
            result.append(character)
        }
        return result
    }
}
