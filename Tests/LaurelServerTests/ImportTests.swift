import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDocuments
import LaurelTestSupport
import NIOCore
import Testing

extension TestClientProtocol {
    /// Sends a file to `POST /api/v1/imports/{kind}` as the raw body.
    func importFile(
        _ kind: String, _ data: Data, token: String, dryRun: Bool, language: String? = nil
    ) async throws -> (HTTPResponse.Status, JSONBody) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/octet-stream"
        if let language { headers[.acceptLanguage] = language }
        return try await execute(
            uri: "/api/v1/imports/\(kind)?dryRun=\(dryRun)", method: .post, headers: headers, body: ByteBuffer(bytes: data)
        ) { response in
            let value = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) ?? [String: Any]()
            return (response.status, JSONBody(value: value))
        }
    }

    func download(_ uri: String, token: String) async throws -> (HTTPResponse.Status, Data) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        return try await execute(uri: uri, method: .get, headers: headers, body: nil) { ($0.status, Data(buffer: $0.body)) }
    }
}

extension JSONBody {
    var problems: [[String: Any]] { object["errors"] as? [[String: Any]] ?? [] }
    var messages: [String] { problems.compactMap { $0["message"] as? String } }
}

/// Imports and exports: the round trip of a history made in the test, and every kind of bad file.
@Suite struct ImportTests {
    static func xlsx(_ header: [String], _ rows: [[CellValue]]) throws -> Data {
        try XlsxWriter.data(for: [Table(name: "Dữ liệu", header: header, values: rows)])
    }

    static func people(_ client: any TestClientProtocol, unit: String, token: String, count: Int) async throws -> [[String: Any]] {
        let unitId = try await client.unitId(code: unit, token: token)
        let (_, list) = try await client.json(.get, "/api/v1/people?unitId=\(unitId)&per=\(count)", token: token)
        return list["items"] as? [[String: Any]] ?? []
    }

    @Test(arguments: TestDatabases.kinds)
    func aHistoryImportedFromXlsxShowsOnTheRecordAndExportsBackTheSameRows(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let people = try await Self.people(client, unit: "HN", token: token, count: 12)
            #expect(people.count == 12)
            // setup: 2019 and 2020 (the demo history covers 2021–2025), by id and by name + birth date + unit
            var assessments: [[CellValue]] = []
            var awards: [[CellValue]] = []
            for (index, person) in people.enumerated() {
                let id = Double(person["id"] as? Int ?? 0)
                let unitCode =
                    try await client.json(.get, "/api/v1/units/\(person["unitId"] as? Int ?? 0)", token: token).1["code"] as? String ?? ""
                for year in [2019, 2020] {
                    let rating = index % 3 == 0 ? "Hoàn thành xuất sắc nhiệm vụ" : "hoan thanh tot nhiem vu"
                    if index % 2 == 0 {
                        assessments.append([
                            .number(id), .empty, .empty, .text(unitCode), .number(Double(year)), .text(rating), .empty,
                            .text("Nhập từ tệp"),
                        ])
                    } else {
                        assessments.append([
                            .empty, .text(person["fullName"] as? String ?? ""), .text(person["birthDate"] as? String ?? ""),
                            .text(unitCode),
                            .number(Double(year)), .text(rating), .empty, .empty,
                        ])
                    }
                    awards.append([
                        .number(id), .empty, .empty, .text(unitCode), .text("LDTT"), .number(Double(year)), .text("merit"),
                        .text("\(100 + index)/QĐ-UBND"), .date(SpreadsheetDate(year: year, month: 12, day: 20)),
                        .text("Chủ tịch UBND thành phố"), .text("valid"),
                    ])
                }
            }
            let assessmentFile = try Self.xlsx(
                ["Mã cá nhân", "Họ và tên", "NGÀY SINH", "ma don vi", "Năm", "Xếp loại", "Kỷ luật", "Ghi chú"], assessments)
            let awardFile = try Self.xlsx(
                [
                    "personId", "fullName", "birthDate", "unitCode", "code", "year", "kind", "decisionNumber", "decisionDate", "authority",
                    "status",
                ], awards)
            // MUT: dry run, then the import
            let (dry, dryReport) = try await client.importFile("assessments", assessmentFile, token: token, dryRun: true)
            #expect(dry == .ok && dryReport["rows"] as? Int == 24 && dryReport["imported"] as? Int == 0, "\(dryReport.messages)")
            let (_, stillEmpty) = try await client.json(.get, "/api/v1/assessments?year=2019", token: token)
            #expect(stillEmpty["total"] as? Int == 0)
            let (done, report) = try await client.importFile("assessments", assessmentFile, token: token, dryRun: false)
            #expect(done == .ok && report["imported"] as? Int == 24, "\(report.messages)")
            let (awardsDone, awardsReport) = try await client.importFile("awards", awardFile, token: token, dryRun: false)
            #expect(awardsDone == .ok && awardsReport["imported"] as? Int == 24, "\(awardsReport.messages)")
            // validate: the record page data, and the same rows exported back
            let first = people[0]["id"] as? Int ?? 0
            let (_, record) = try await client.json(.get, "/api/v1/people/\(first)/record", token: token)
            let y2019 = (record["years"] as? [[String: Any]])?.first { $0["year"] as? Int == 2019 }
            #expect(
                y2019?["rating"] as? String == "excellent"
                    && (y2019?["awards"] as? [[String: Any]])?.first?["source"] as? String == "imported")
            let (status, exported) = try await client.download("/api/v1/exports/awards.xlsx?year=2019", token: token)
            #expect(status == .ok)
            let back = try TabularReader(data: exported).readTable()
            #expect(
                back.header == [
                    "Mã cá nhân", "Họ và tên", "Ngày sinh", "Mã đơn vị", "Mã khen thưởng", "Năm", "Loại hình", "Số quyết định",
                    "Ngày quyết định", "Cấp quyết định", "Trạng thái",
                ])
            func key(_ row: [String]) -> String { [row[0], row[4], row[5], row[7], row[9]].joined(separator: "|") }
            let sent = Set(awards.filter { $0[5] == .number(2019) }.map { key($0.map(\.text)) })
            #expect(Set(back.rows.map { key($0.cells.map(\.text)) }) == sent)
            // the exported file imports as the same rows: a dry run finds them all already recorded
            let (again, againReport) = try await client.importFile("awards", exported, token: token, dryRun: true)
            #expect(again == .unprocessableContent && againReport.problems.count == 12)
            #expect(againReport.problems.allSatisfy { ($0["message"] as? String)?.hasPrefix("Đã có trong hệ thống") == true })
            let (_, csv) = try await client.download("/api/v1/exports/assessments.csv?year=2020", token: token)
            let csvTable = try TabularReader(data: csv).readTable()
            #expect(csvTable.rows.count == 12 && csvTable.rows.allSatisfy { $0[4].text == "2020" })
        }
    }

    @Test func badRowsAreListedWithTheirReasonAndNothingIsWritten() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let person = try #require(try await Self.people(client, unit: "HN-S1", token: token, count: 1).first)
            let id = Double(person["id"] as? Int ?? 0)
            let born = Int((person["birthDate"] as? String ?? "1990").prefix(4)) ?? 1990
            let file = try Self.xlsx(
                [
                    "Mã cá nhân", "Họ và tên", "Ngày sinh", "Mã đơn vị", "Mã khen thưởng", "Năm", "Loại hình", "Số quyết định",
                    "Ngày quyết định",
                ],
                [
                    [.number(id), .empty, .empty, .text("HN-S1"), .text("LDTT"), .number(2018), .empty, .empty, .empty],  // 2: good
                    // 3: duplicate of 2
                    [.number(id), .empty, .empty, .text("HN-S1"), .text("LDTT"), .number(2018), .empty, .empty, .empty],
                    [.number(id), .empty, .empty, .text("HN-S1"), .text("ZZZ"), .number(2018), .empty, .empty, .empty],  // 4: unknown code
                    [.number(id), .empty, .empty, .text("HN-S1"), .text("CSTDCS"), .number(2999), .empty, .empty, .empty],  // 5: future
                    // 6: before birth
                    [.number(id), .empty, .empty, .text("HN-S1"), .text("BK_BO"), .number(Double(born - 2)), .empty, .empty, .empty],
                    // 7: bad date
                    [.number(id), .empty, .empty, .text("HN-S1"), .text("GK"), .number(2018), .empty, .empty, .text("31/02/2018")],
                    // 8: unit of Đà Nẵng
                    [.empty, .text("Không Có Ai"), .empty, .text("DN-S1"), .text("GK"), .number(2018), .empty, .empty, .empty],
                    // 9: kind misspelt
                    [.number(id), .empty, .empty, .text("HN-S1"), .text("CSTT"), .number(2018), .text("hàng tháng"), .empty, .empty],
                ])
            let (status, report) = try await client.importFile("awards", file, token: token, dryRun: false)
            #expect(status == .unprocessableContent && report["imported"] as? Int == 0)
            let rows = report.problems.compactMap { $0["row"] as? Int }
            #expect(rows == [3, 4, 5, 6, 7, 8, 9], "\(report.messages)")
            #expect(report.messages[0] == "Trùng với dòng 2 trong tệp.")
            #expect(report.messages[1] == "Mã khen thưởng không có trong danh mục: ZZZ.")
            #expect(report.messages[2] == "Năm 2999 chưa đến.")
            #expect(report.messages[3].hasPrefix("Năm \(born - 2) trước năm sinh"))
            #expect(report.messages[5] == "Mã đơn vị không có hoặc ngoài phạm vi quản lý: DN-S1.")
            #expect(report.problems[1]["column"] as? String == "Mã khen thưởng")
            let (_, english) = try await client.importFile("awards", file, token: token, dryRun: true, language: "en")
            #expect(english.messages[2] == "The year 2999 has not come yet.")
            let (_, register) = try await client.json(.get, "/api/v1/awards?year=2018", token: token)
            #expect(register["total"] as? Int == 0)  // not even row 2
            // A rating spelled wrong, an assessment in the future.
            let assessments = try Self.xlsx(
                ["personId", "unitCode", "year", "rating"],
                [
                    [.number(id), .text("HN-S1"), .number(2018), .text("xuất sắc lắm")],
                    [.number(id), .text("HN-S1"), .number(2030), .text("good")],
                ])
            let (_, a) = try await client.importFile("assessments", assessments, token: token, dryRun: true)
            #expect(a.messages == ["Giá trị không hợp lệ: \"xuất sắc lắm\".", "Năm 2030 chưa đến."])
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func unitsPeopleAndInitiativesImportOnlyInsideTheImportersScope(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let units = try Self.xlsx(
                ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cấp", "Mã đơn vị cấp trên"],
                [
                    [.text("HN-S9"), .text("Sở Tư pháp Thành phố Hà Nội"), .text("department"), .text("Tỉnh"), .text("HN")],
                    [.text("HN-S9-P1"), .text("Phòng Bổ trợ tư pháp"), .text("department"), .text("provincial"), .text("HN-S9")],
                    [.text("DN-S9"), .text("Sở Tư pháp Đà Nẵng"), .text("department"), .text("provincial"), .text("DN")],
                    [.text("HN-S1"), .text("Trùng mã"), .text("department"), .text("provincial"), .text("HN")],
                ])
            let (refused, r) = try await client.importFile("units", units, token: token, dryRun: false)
            #expect(refused == .unprocessableContent && r.problems.compactMap { $0["row"] as? Int } == [4, 5], "\(r.messages)")
            let good = try Self.xlsx(
                ["code", "name", "kind", "level", "parentCode"],
                [
                    [.text("HN-S9"), .text("Sở Tư pháp Thành phố Hà Nội"), .text("department"), .text("Tỉnh"), .text("HN")],
                    [.text("HN-S9-P1"), .text("Phòng Bổ trợ tư pháp"), .text("department"), .text("provincial"), .text("HN-S9")],
                ])
            let (done, d) = try await client.importFile("units", good, token: token, dryRun: false)
            #expect(done == .ok && d["imported"] as? Int == 2, "\(d.messages)")
            let people = try Self.xlsx(
                ["Họ và tên", "Giới tính", "Ngày sinh", "Mã đơn vị", "Đối tượng", "Giữ chức vụ quản lý"],
                [
                    [
                        .text("Hoàng Thị Thu Trang"), .text("Nữ"), .date(SpreadsheetDate(year: 1991, month: 7, day: 2)), .text("HN-S9-P1"),
                        .text("Công chức"), .text("có"),
                    ],
                    [.text("Vũ Đức Thắng"), .text("Nam"), .text("02/09/1979"), .text("DN-S1"), .text("Công chức"), .empty],
                ])
            let (peopleRefused, p) = try await client.importFile("people", people, token: token, dryRun: true)
            #expect(peopleRefused == .unprocessableContent && p.messages == ["Mã đơn vị không có hoặc ngoài phạm vi quản lý: DN-S1."])
            let (peopleDone, _) = try await client.importFile(
                "people",
                try Self.xlsx(
                    ["Họ và tên", "Giới tính", "Ngày sinh", "Mã đơn vị", "Đối tượng"],
                    [
                        [.text("Hoàng Thị Thu Trang"), .text("Nữ"), .text("1991-07-02"), .text("HN-S9-P1"), .text("Công chức")]
                    ]), token: token, dryRun: false)
            #expect(peopleDone == .ok)
            let (_, found) = try await client.json(.get, "/api/v1/people?q=hoang+thi+thu+trang", token: token)
            let trang = try #require((found["items"] as? [[String: Any]])?.first?["id"] as? Int)
            let colleague = try #require(try await Self.people(client, unit: "HN-S1", token: token, count: 1).first?["id"] as? Int)
            let initiatives = try Self.xlsx(
                ["Tên sáng kiến", "Năm", "Cấp công nhận", "Tác giả", "Số quyết định"],
                [
                    [
                        .text("Tra cứu hồ sơ trực tuyến"), .number(2024), .text("Cấp cơ sở"), .text("\(trang):70; \(colleague):30"),
                        .text("5/QĐ-STP"),
                    ],
                    [.text("Sáng kiến quá tỷ lệ"), .number(2024), .text("cấp cơ sở"), .text("\(trang):70; \(colleague):40"), .empty],
                ])
            let (iniRefused, i) = try await client.importFile("initiatives", initiatives, token: token, dryRun: true)
            #expect(iniRefused == .unprocessableContent && i.problems.compactMap { $0["row"] as? Int } == [3])
            let (iniDone, _) = try await client.importFile(
                "initiatives",
                try Self.xlsx(
                    ["title", "year", "level", "authors"],
                    [
                        [.text("Tra cứu hồ sơ trực tuyến"), .number(2024), .text("Cấp cơ sở"), .text("\(trang):70; \(colleague):30")]
                    ]), token: token, dryRun: false)
            #expect(iniDone == .ok)
            let (_, record) = try await client.json(.get, "/api/v1/people/\(colleague)/record", token: token)
            let y2024 = (record["years"] as? [[String: Any]])?.first { $0["year"] as? Int == 2024 }
            #expect((y2024?["initiatives"] as? [[String: Any]])?.contains { $0["title"] as? String == "Tra cứu hồ sơ trực tuyến" } == true)
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=units", token: token)
            #expect(audit["total"] as? Int == 1)
        }
    }

    @Test func filesThatAreNotWhatTheyClaimAreRefusedClearly() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            func first(_ data: Data, kind: String = "people") async throws -> (HTTPResponse.Status, String, Int?) {
                let (status, report) = try await client.importFile(kind, data, token: token, dryRun: true)
                return (status, report.messages.first ?? "", report.problems.first?["row"] as? Int)
            }
            let pdf = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".utf8)
            #expect(try await first(pdf) == (.unprocessableContent, "Tệp không phải Excel (.xlsx) hay CSV.", 0))
            var bomb = TestZip()
            bomb.store("xl/workbook.xml", "<workbook/>")
            bomb.addDeflated("xl/worksheets/sheet1.xml", payload: ZeroDeflate.stream(count: 200 << 20), claimedSize: 200 << 20)
            #expect(try await first(bomb.data).1 == "Tệp nén bất thường (giải nén quá lớn), không đọc.")
            let empty = XlsxFixture.sheet("<sheetData/>")
            #expect(try await first(empty).1 == "Tệp hoặc trang tính trống.")
            let headerOnly = try Self.xlsx(["Họ và tên", "Giới tính", "Mã đơn vị", "Đối tượng"], [])
            #expect(try await first(headerOnly).1 == "Tệp hoặc trang tính trống.")
            let missing = try Self.xlsx(["Họ và tên", "Mã đơn vị"], [[.text("A"), .text("HN")]])
            #expect(try await first(missing).1.hasPrefix("Thiếu cột bắt buộc: Giới tính"))
            // A formula and merged cells, as Excel writes them.
            let header =
                #"<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="B1" t="inlineStr"><is><t>Giới tính</t></is></c><c r="C1" t="inlineStr"><is><t>Mã đơn vị</t></is></c><c r="D1" t="inlineStr"><is><t>Đối tượng</t></is></c></row>"#
            let formula = XlsxFixture.sheet(
                "<sheetData>" + header
                    + #"<row r="2"><c r="A2" t="str"><f>CONCAT("Lê ","An")</f><v>Lê An</v></c><c r="B2" t="inlineStr"><is><t>nữ</t></is></c><c r="C2" t="inlineStr"><is><t>HN-S1</t></is></c><c r="D2" t="inlineStr"><is><t>công chức</t></is></c></row></sheetData>"#
            )
            #expect(try await first(formula) == (.unprocessableContent, "Ô chứa công thức; hãy dán dạng giá trị.", 2))
            let merged = XlsxFixture.sheet(
                "<sheetData>" + header
                    + #"<row r="2"><c r="A2" t="inlineStr"><is><t>Lê An</t></is></c><c r="C2" t="inlineStr"><is><t>HN-S1</t></is></c><c r="D2" t="inlineStr"><is><t>công chức</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells>"#
            )
            #expect(try await first(merged) == (.unprocessableContent, "Dòng có ô gộp; hãy bỏ gộp ô.", 2))
            // Larger than the cap: refused with 413 and a clear message, before it is read.
            let (tooBig, big) = try await client.importFile("people", Data(count: 200 << 20), token: token, dryRun: true)
            #expect(tooBig == .contentTooLarge && big.error["message"] as? String == "Tệp quá lớn (tối đa 50 MiB).")
            let (unknownKind, _) = try await client.importFile("medals", pdf, token: token, dryRun: true)
            #expect(unknownKind == .notFound)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            #expect(try await client.importFile("people", pdf, token: auditor, dryRun: true).0 == .forbidden)
        }
    }

    @Test func csvInWindows1258OrUTF8WithBOMImportsVietnameseIntact() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            // "Họ và tên,…" / "Lê Văn Hà,nam,HN-S1,công chức" in Windows-1258: precomposed ê ă à ô ư,
            // tone marks as combining characters (0xD2 = dot below, 0xEC = acute).
            var cp1258: [UInt8] =
                Array("Ho".utf8) + [0xD2] + Array(" v".utf8) + [0xE0] + Array(" t".utf8) + [0xEA]
                + Array("n,Gioi tinh,Ma don vi,Doi tuong\r\n".utf8)
            cp1258 +=
                Array("L".utf8) + [0xEA] + Array(" V".utf8) + [0xE3] + Array("n H".utf8) + [0xE0] + Array(",nam,HN-S1,c".utf8) + [0xF4]
                + Array("ng ch".utf8) + [0xFD] + [0xEC] + Array("c\r\n".utf8)
            let (status, report) = try await client.importFile("people", Data(cp1258), token: token, dryRun: false)
            #expect(status == .ok && report["imported"] as? Int == 1, "\(report.messages)")
            let (_, found) = try await client.json(.get, "/api/v1/people?q=le+van+ha", token: token)
            #expect((found["items"] as? [[String: Any]])?.first?["fullName"] as? String == "Lê Văn Hà")
            let bom = Data(
                [0xEF, 0xBB, 0xBF]
                    + Array(
                        "Họ và tên;Giới tính;Mã đơn vị;Đối tượng;Ngày sinh\r\nĐặng Thị Ánh Tuyết;nữ;HN-S2;viên chức;14/03/1988\r\n".utf8))
            let (bomStatus, bomReport) = try await client.importFile("people", bom, token: token, dryRun: false)
            #expect(bomStatus == .ok && bomReport["imported"] as? Int == 1, "\(bomReport.messages)")
            let (_, tuyet) = try await client.json(.get, "/api/v1/people?q=dang+thi+anh+tuyet", token: token)
            #expect((tuyet["items"] as? [[String: Any]])?.first?["birthDate"] as? String == "1988-03-14")
        }
    }

    @Test func exportsNeutraliseFormulasAndKeepToTheScope() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S3", token: token)
            let (created, _) = try await client.json(
                .post, "/api/v1/people", token: token,
                body: [
                    "fullName": "=HYPERLINK(\"http://evil.example\",\"Bấm vào\")", "gender": "male", "unitId": unit,
                    "staffCategory": "worker",
                ])
            #expect(created == .created)
            let (_, csv) = try await client.download("/api/v1/exports/people.csv?unitId=\(unit)", token: token)
            let text = String(decoding: csv, as: UTF8.self)
            #expect(text.contains("'=HYPERLINK") && !text.contains(",=HYPERLINK"))
            let (_, xlsx) = try await client.download("/api/v1/exports/people.xlsx?unitId=\(unit)", token: token)
            let table = try TabularReader(data: xlsx).readTable()
            #expect(table.rows.contains { $0[1].text.hasPrefix("'=HYPERLINK") })
            #expect(!table.rows.contains { $0[1].isFormula })
            // Scope: Hà Nội's officer exports Hà Nội only.
            let (_, units) = try await client.download("/api/v1/exports/units.csv", token: token)
            let codes = try TabularReader(data: units).readTable().rows.map { $0[0].text }
            #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("HN") })
            let (missing, _) = try await client.download("/api/v1/exports/secrets.csv", token: token)
            #expect(missing == .notFound)
            let (template, data) = try await client.download("/api/v1/imports/awards/template.xlsx", token: token)
            let header = try TabularReader(data: data).readTable().header
            #expect(template == .ok && header.first == "Mã cá nhân")
        }
    }

    @Test(.enabled(if: LibreOffice.isInstalled, "LibreOffice (soffice) is not installed"))
    func anExportedWorkbookOpensInLibreOfficeWithVietnameseIntact() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("admin", "laurel-admin")
            let (status, data) = try await client.download("/api/v1/exports/awards.xlsx?code=BK_BO", token: token)
            #expect(status == .ok)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laurel-lo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let input = directory.appendingPathComponent("awards.xlsx")
            try data.write(to: input)
            let csv = try LibreOffice.convert(input, to: "csv:Text - txt - csv (StarCalc):44,34,76", extension: "csv")
            let text = try String(contentsOf: csv, encoding: .utf8)
            #expect(text.contains("Mã khen thưởng") && text.contains("Chủ tịch Ủy ban nhân dân tỉnh"))
            #expect(text.contains("BK_BO"))
        }
    }
}
