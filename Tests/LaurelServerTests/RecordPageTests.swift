import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDocuments
import LaurelTestSupport
import NIOCore
import Testing

/// The record pages, the register, the catalogue and the import page, as a browser uses them.
@Suite struct RecordPageTests {
    typealias Page = PageTests.Page

    /// Posts a file as `multipart/form-data` with the session's CSRF token, as the import form does.
    static func upload(
        _ client: any TestClientProtocol, _ uri: String, cookie: String, csrf: String, file: Data, dryRun: Bool
    ) async throws -> Page {
        let boundary = "----laurel\(UUID().uuidString)"
        var body = Data()
        func part(_ name: String, _ value: Data, filename: String? = nil) {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\(filename.map { "; filename=\"\($0)\"" } ?? "")\r\n\r\n"
                        .utf8))
            body.append(value)
            body.append(Data("\r\n".utf8))
        }
        part("_csrf", Data(csrf.utf8))
        if dryRun { part("dryRun", Data("on".utf8)) }
        part("file", file, filename: "lich-su.xlsx")
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPFields()
        headers[.cookie] = cookie
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            Page(status: response.status, html: String(buffer: response.body), location: response.headers[.location], setCookie: nil)
        }
    }

    @Test func aPersonsRecordPageShowsTheDemoHistoryAndTakesNewEntries() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let cookie = try await PageTests.signIn(client, "canbo.hanoi", "laurel-demo")
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let person = try await RecordsAPITests.firstPerson(client, unit: "HN-S1", token: token)
            let page = try await PageTests.request(client, .get, "/people/\(person.id)/record", cookie: cookie)
            #expect(
                page.status == .ok && page.html.contains(person.name) && page.html.contains("id=\"year-2025\"")
                    && page.html.contains("id=\"year-2021\""))
            let csrf = try #require(PageTests.csrf(in: page.html))
            let assessed = try await PageTests.request(
                client, .post, "/people/\(person.id)/record/assessment", cookie: cookie,
                form: ["_csrf": csrf, "year": "2020", "rating": "excellent", "discipline": "", "notes": "Ghi từ trang"])
            #expect(assessed.status == .seeOther || assessed.status == .found || assessed.status == .ok, "\(assessed.status)")
            let awarded = try await PageTests.request(
                client, .post, "/people/\(person.id)/record/awards", cookie: cookie,
                form: [
                    "_csrf": csrf, "code": "CSTDCS", "year": "2020", "kind": "merit", "decisionNumber": "77/QĐ-SNV",
                    "decisionDate": "2020-12-25", "authority": "Giám đốc Sở",
                ])
            #expect(awarded.location == "/people/\(person.id)/record", "\(awarded.status) \(awarded.html.prefix(300))")
            let after = try await PageTests.request(client, .get, "/people/\(person.id)/record", cookie: cookie)
            #expect(
                after.html.contains("Ghi từ trang") && after.html.contains("77/QĐ-SNV") && after.html.contains("Chiến sĩ thi đua cơ sở"))
            let duplicate = try await PageTests.request(
                client, .post, "/people/\(person.id)/record/awards", cookie: cookie,
                form: ["_csrf": csrf, "code": "CSTDCS", "year": "2020", "kind": "merit"])
            #expect(
                duplicate.status == .unprocessableContent
                    && duplicate.html.contains("Đối tượng này đã có khen thưởng cùng mã trong năm đó."))
            let noToken = try await PageTests.request(
                client, .post, "/people/\(person.id)/record/assessment", cookie: cookie, form: ["year": "2019", "rating": "good"])
            #expect(noToken.status == .forbidden)
            let other = try await PageTests.signIn(client, "canbo.danang", "laurel-demo")
            #expect(try await PageTests.request(client, .get, "/people/\(person.id)/record", cookie: other).status == .notFound)
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let unitPage = try await PageTests.request(client, .get, "/units/\(unit)/record", cookie: cookie)
            #expect(unitPage.status == .ok && unitPage.html.contains("record-timeline"))
            let filtered = try await PageTests.request(client, .get, "/people?awardCode=CSTDCS&awardYear=2020", cookie: cookie)
            #expect(filtered.html.contains(person.name) && filtered.html.contains("/exports/people.csv?awardCode=CSTDCS"))
        }
    }

    @Test func theImportPageUploadsWithProgressAndTheRegisterAndCatalogueShow() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let cookie = try await PageTests.signIn(client, "canbo.hanoi", "laurel-demo")
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let person = try await RecordsAPITests.firstPerson(client, unit: "HN-S2", token: token)
            let index = try await PageTests.request(client, .get, "/imports", cookie: cookie)
            #expect(
                index.status == .ok && index.html.contains("enctype=\"multipart/form-data\"")
                    && index.html.contains("/imports/awards/template.xlsx"))
            let csrf = try #require(PageTests.csrf(in: index.html))
            let file = try XlsxWriter.data(for: [
                Table(
                    header: ["Mã cá nhân", "Mã đơn vị", "Mã khen thưởng", "Năm"],
                    values: [[.number(Double(person.id)), .text("HN-S2"), .text("GK"), .number(2019)]])
            ])
            let dry = try await Self.upload(client, "/imports/awards", cookie: cookie, csrf: csrf, file: file, dryRun: true)
            #expect(
                dry.status == .ok && dry.html.contains("id=\"import-outcome\"") && dry.html.contains("Tệp hợp lệ"),
                "\(dry.html.suffix(600))")
            let real = try await Self.upload(client, "/imports/awards", cookie: cookie, csrf: csrf, file: file, dryRun: false)
            #expect(real.html.contains("Đã nhập xong. Số dòng đã ghi: 1") && real.html.hasSuffix("</html>\n"), "\(real.html.suffix(600))")
            let again = try await Self.upload(client, "/imports/awards", cookie: cookie, csrf: csrf, file: file, dryRun: true)
            #expect(again.html.contains("id=\"import-errors\"") && again.html.contains("Đã có trong hệ thống"))
            let forged = try await Self.upload(client, "/imports/awards", cookie: cookie, csrf: "forged", file: file, dryRun: true)
            #expect(forged.status == .forbidden)
            let huge = try await Self.upload(
                client, "/imports/awards", cookie: cookie, csrf: csrf, file: Data(count: 60 << 20), dryRun: true)
            #expect(huge.status == .contentTooLarge && huge.html.contains("Tệp tải lên quá lớn"))
            let register = try await PageTests.request(client, .get, "/register?year=2019", cookie: cookie)
            #expect(register.status == .ok && register.html.contains(person.name) && register.html.contains("Giấy khen"))
            let catalogue = try await PageTests.request(client, .get, "/catalogue", cookie: cookie)
            #expect(
                catalogue.status == .ok && catalogue.html.contains("Huân chương Lao động hạng Ba")
                    && !catalogue.html.contains("catalogue-form"))
            let export = try await PageTests.request(client, .get, "/exports/awards.csv?year=2019", cookie: cookie)
            #expect(export.status == .ok && export.html.contains("GK"))
            let admin = try await PageTests.signIn(client, "admin", "laurel-admin")
            let adminCatalogue = try await PageTests.request(client, .get, "/catalogue", cookie: admin)
            let adminCsrf = try #require(PageTests.csrf(in: adminCatalogue.html))
            let added = try await PageTests.request(
                client, .post, "/catalogue", cookie: admin,
                form: [
                    "_csrf": adminCsrf, "code": "KNC_GD", "nameVi": "Kỷ niệm chương Vì sự nghiệp Giáo dục", "nameEn": "Education medal",
                    "category": "commendation_form", "subjectKind": "individual", "awardingLevel": "ministry_province",
                    "coefficientIndividual": "0.4",
                    "legalBasis": "Thông tư của Bộ Giáo dục và Đào tạo",
                ])
            #expect(added.location == "/catalogue")
            #expect(
                try await PageTests.request(client, .get, "/catalogue", cookie: admin).html.contains("Kỷ niệm chương Vì sự nghiệp Giáo dục")
            )
        }
    }
}
