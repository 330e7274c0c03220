import Foundation

/// Where sign-in and the language switch may send the browser back to: a path of this site only.
enum SafeRedirect {
    /// `raw` when it is a same-site path, else "/". Browsers drop tabs and newlines inside URLs and
    /// read "\" as "/", so "/\t/evil.example" or "/\\evil.example" would leave the site: any such
    /// character refuses the value rather than being cleaned out of it.
    static func path(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), raw.utf8.count <= 2_000 else { return "/" }
        let unsafe = raw.unicodeScalars.contains { scalar in
            scalar == "\\" || scalar.properties.isWhitespace || [.control, .format].contains(scalar.properties.generalCategory)
        }
        guard !unsafe, !raw.hasPrefix("//"), let components = URLComponents(string: raw), components.scheme == nil, components.host == nil
        else { return "/" }
        return raw
    }
}
