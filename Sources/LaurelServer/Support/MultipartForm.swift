import Foundation
import MultipartKit
import NIOCore

/// The parts of a `multipart/form-data` body (RFC 7578), read by multipart-kit's parser: a file
/// upload with a few text fields. Only the names are decoded; a body the parser refuses (a
/// missing or wrong boundary, a part cut short) gives no form at all.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        let name: String
        let filename: String?
        let data: Data
    }
    let parts: [Part]

    init?(body: Data, contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = Self.boundary(of: contentType) else { return nil }
        var parts: [Part] = []
        var disposition: String?
        var data = Data()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            if field.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            if let disposition, let name = Self.parameter("name", of: disposition) {
                parts.append(Part(name: name, filename: Self.parameter("filename", of: disposition), data: data))
            }
            disposition = nil
            data = Data()
        }
        do { try parser.execute(ByteBuffer(bytes: body)) } catch { return nil }
        self.parts = parts
    }

    /// The boundary parameter of the content type, unquoted.
    static func boundary(of contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=", options: .caseInsensitive) else { return nil }
        var boundary = String(contentType[range.upperBound...].prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        return boundary.isEmpty ? nil : boundary
    }

    /// A quoted parameter of a Content-Disposition value (`form-data; name="file"; filename="a.xlsx"`).
    static func parameter(_ name: String, of disposition: String) -> String? {
        for item in disposition.split(separator: ";") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard pair.lowercased().hasPrefix(name + "=") else { continue }
            var value = pair.dropFirst(name.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    func file(_ name: String) -> Data? { parts.first { $0.name == name }?.data }
    /// The name the client gave the file part, as sent (a label only: never a path to use).
    func fileName(_ name: String) -> String? { parts.first { $0.name == name }?.filename }
    func text(_ name: String) -> String? { file(name).map { String(decoding: $0, as: UTF8.self) } }
}
