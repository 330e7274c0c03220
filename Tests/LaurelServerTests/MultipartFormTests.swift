import Foundation
import Testing

@testable import LaurelServer

@Suite("multipart/form-data bodies")
struct MultipartFormTests {
    static func body(_ boundary: String, _ parts: [(disposition: String, content: String)]) -> Data {
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\nContent-Disposition: \(part.disposition)\r\nContent-Type: application/octet-stream\r\n\r\n"
            text += part.content + "\r\n"
        }
        return Data((text + "--\(boundary)--\r\n").utf8)
    }

    @Test("a file part and a text field are read with their names, the file's name, and their bytes")
    func readsFileAndField() throws {
        let data = Self.body(
            "XyZ", [("form-data; name=\"file\"; filename=\"đánh giá.xlsx\"", "PK\u{3}\u{4}rest"), ("form-data; name=\"dryRun\"", "1")])
        let form = try #require(MultipartForm(body: data, contentType: "multipart/form-data; boundary=XyZ"))
        #expect(form.parts.map(\.name) == ["file", "dryRun"])
        #expect(form.fileName("file") == "đánh giá.xlsx")
        #expect(form.file("file") == Data("PK\u{3}\u{4}rest".utf8))
        #expect(form.text("dryRun") == "1")
        #expect(form.fileName("dryRun") == nil)
        #expect(form.file("missing") == nil)
    }

    @Test("a quoted boundary is unquoted")
    func quotedBoundary() throws {
        let data = Self.body("a b", [("form-data; name=\"note\"", "xin chào")])
        let form = try #require(MultipartForm(body: data, contentType: "multipart/form-data; boundary=\"a b\""))
        #expect(form.text("note") == "xin chào")
    }

    @Test("no boundary, another content type, or a body that is not multipart gives no form")
    func refusesWhatIsNotAForm() {
        let data = Self.body("XyZ", [("form-data; name=\"note\"", "x")])
        #expect(MultipartForm(body: data, contentType: "multipart/form-data") == nil)
        #expect(MultipartForm(body: data, contentType: "application/json; boundary=XyZ") == nil)
        #expect(
            MultipartForm(body: Data("plain text, no parts".utf8), contentType: "multipart/form-data; boundary=XyZ")?.parts.isEmpty ?? true)
    }
}
