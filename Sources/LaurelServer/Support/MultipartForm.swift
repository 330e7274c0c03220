import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578): enough for a file upload with a few
/// text fields. Parts are found by scanning for the boundary; nothing is decoded but the names.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let filename: String?
        let data: Data
    }
    let parts: [Part]

    init?(body: Data, contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let range = contentType.range(of: "boundary=", options: .caseInsensitive)
        else { return nil }
        var boundary = String(contentType[range.upperBound...].prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard !boundary.isEmpty else { return nil }
        let delimiter = Data(("--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var parts: [Part] = []
        var cursor = body.startIndex
        guard let first = body.range(of: delimiter, in: cursor..<body.endIndex) else { return nil }
        cursor = first.upperBound
        while let next = body.range(of: delimiter, in: cursor..<body.endIndex) {
            var section = body[cursor..<next.lowerBound]
            if section.starts(with: Data("\r\n".utf8)) { section = section.dropFirst(2) }
            if section.suffix(2) == Data("\r\n".utf8) { section = section.dropLast(2) }
            if let split = section.range(of: headerEnd) {
                let headers = String(decoding: section[section.startIndex..<split.lowerBound], as: UTF8.self)
                let content = Data(section[split.upperBound...])
                if let name = Self.attribute("name", in: headers) {
                    parts.append(Part(name: name, filename: Self.attribute("filename", in: headers), data: content))
                }
            }
            cursor = next.upperBound
            if body[cursor...].starts(with: Data("--".utf8)) { break }
        }
        self.parts = parts
    }

    static func attribute(_ name: String, in headers: String) -> String? {
        for line in headers.split(whereSeparator: \.isNewline) where line.lowercased().hasPrefix("content-disposition") {
            guard let range = line.range(of: " \(name)=\"") ?? line.range(of: ";\(name)=\"") else { continue }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        return nil
    }

    func file(_ name: String) -> Data? { parts.first { $0.name == name }?.data }
    /// The name the client gave the file part, as sent (a label only: never a path to use).
    func fileName(_ name: String) -> String? { parts.first { $0.name == name }?.filename }
    func text(_ name: String) -> String? { file(name).map { String(decoding: $0, as: UTF8.self) } }
}
