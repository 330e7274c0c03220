import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import NIOCore
import Testing

/// The movement pages, as an emulation officer without JavaScript uses them: the form that
/// launches or adapts a movement, the later steps, reports and attachments; on both databases.
@Suite struct MovementPageTests {
    typealias P = PageTests
    typealias Client = any TestClientProtocol

    /// A form whose fields may repeat (checkboxes), sent as a browser sends it.
    static func post(_ client: Client, _ uri: String, cookie: String, _ fields: [(String, String)]) async throws -> P.Page {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        var headers = HTTPFields()
        headers[.cookie] = cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            P.Page(status: response.status, html: String(buffer: response.body), location: response.headers[.location], setCookie: nil)
        }
    }

    /// A `multipart/form-data` body built by hand: the CSRF token as a text part, then the file.
    static func upload(_ client: Client, _ uri: String, cookie: String, csrf: String?, file: Data, name: String) async throws -> P.Page {
        try await multipart(client, uri, cookie: cookie, csrf.map { [("_csrf", $0)] } ?? [], file: (name, file))
    }

    /// Text parts in order, then the file part (as a browser sends a form with `enctype="multipart/form-data"`).
    static func multipart(
        _ client: Client, _ uri: String, cookie: String, _ fields: [(String, String)], file: (name: String, data: Data)?
    ) async throws -> P.Page {
        let boundary = "----laurel-test-7d1f"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPFields()
        headers[.cookie] = cookie
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(data: body)) { response in
            P.Page(status: response.status, html: String(buffer: response.body), location: response.headers[.location], setCookie: nil)
        }
    }

    static func id(from location: String?) throws -> Int {
        let path = try #require(location?.split(separator: "?").first)
        return try #require(Int(path.split(separator: "/").last ?? ""))
    }

    /// A movement of Hà Nội, through the API (the pages under test act on it).
    static func movement(
        _ client: Client, token: String, launcher: Int64, start: String = "2025-01-01", end: String = "2025-12-31",
        deadlines: [[String: Any]] = [["title": "Sơ kết", "dueDate": "2025-06-30"], ["title": "Tổng kết", "dueDate": "2099-11-30"]],
        launchOn: String? = nil
    ) async throws -> (id: Int, deadlines: [Int]) {
        let (status, body) = try await client.json(
            .post, "/api/v1/movements", token: token,
            body: [
                "name": "Thi đua cải cách hành chính", "launcherUnitId": launcher, "kind": "thematic", "startDate": start, "endDate": end,
                "contents": [["title": "Rút ngắn thời gian giải quyết hồ sơ"]], "plannedForms": ["CSTDCS"], "reportDeadlines": deadlines,
            ])
        #expect(status == .created)
        let id = try #require(body["id"] as? Int)
        if let launchOn {
            #expect(try await client.json(.post, "/api/v1/movements/\(id)/launch", token: token, body: ["date": launchOn]).0 == .ok)
        }
        return (id, (body["reportDeadlines"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int })
    }

    static func fields(csrf: String, launcher: Int64) -> [(String, String)] {
        [
            ("_csrf", csrf), ("name", "Thi đua chuyển đổi số năm 2025"), ("launcherUnitId", String(launcher)), ("kind", "thematic"),
            ("startDate", "2025-01-01"), ("endDate", "2025-12-31"), ("objectives", "Số hóa toàn bộ hồ sơ\r\nGiảm giấy tờ"),
            ("motto", "Đoàn kết, sáng tạo"), ("contents", "1. Số hóa hồ sơ\r\n2) Dịch vụ công trực tuyến\r\n"),
            ("criteria_collectives", "Hoàn thành 100% hồ sơ"), ("criteria_individuals", "Có sáng kiến được công nhận"),
            ("criteria_other", "Các trường học: Ứng dụng học bạ số"), ("plannedForms", "CSTDCS"), ("plannedForms", "BK_BO"),
            ("deadline_title_1", "Sơ kết"), ("deadline_due_1", "2025-06-30"), ("deadline_title_2", ""), ("deadline_due_2", ""),
            ("deadline_title_3", "Tổng kết"), ("deadline_due_3", "2099-11-30"),
        ]
    }

    @Test(arguments: TestDatabases.kinds)
    func anOfficerLaunchesAMovementThroughTheFormAndTheAPIFindsIt(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let cookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let list = try await P.request(client, .get, "/movements", cookie: cookie)
            #expect(list.html.contains("href=\"/movements/new\"") && list.html.contains("Phát động phong trào mới"))
            let form = try await P.request(client, .get, "/movements/new", cookie: cookie)
            #expect(
                form.status == .ok && form.html.contains("name=\"launcherUnitId\"")
                    && form.html.contains("<option value=\"\(hn)\" selected"))
            #expect(
                form.html.contains("value=\"CSTDCS\"") && form.html.contains("Hình thức khen thưởng")
                    && form.html.contains("name=\"deadline_due_6\""))
            let csrf = try #require(P.csrf(in: form.html))
            let created = try await Self.post(client, "/movements/new", cookie: cookie, Self.fields(csrf: csrf, launcher: hn))
            #expect(created.status == .seeOther)
            let id = try Self.id(from: created.location)
            let (status, movement) = try await client.json(.get, "/api/v1/movements/\(id)", token: token)
            #expect(
                status == .ok && movement["name"] as? String == "Thi đua chuyển đổi số năm 2025" && movement["status"] as? String == "draft"
            )
            #expect(movement["kind"] as? String == "thematic" && movement["launcherUnitId"] as? Int == Int(hn))
            #expect(movement["objectives"] as? [String] == ["Số hóa toàn bộ hồ sơ", "Giảm giấy tờ"])
            #expect(
                (movement["contents"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Số hóa hồ sơ", "Dịch vụ công trực tuyến"])
            #expect(
                (movement["criteria"] as? [[String: Any]])?.map { $0["group"] as? String } == [
                    "collectives", "individuals", "Các trường học",
                ])
            #expect(movement["plannedForms"] as? [String] == ["CSTDCS", "BK_BO"])
            #expect((movement["reportDeadlines"] as? [[String: Any]])?.map { $0["dueDate"] as? String } == ["2025-06-30", "2099-11-30"])
            let page = try await P.request(client, .get, try #require(created.location), cookie: cookie)
            #expect(page.html.contains("Đã lưu phong trào.") && page.html.contains("Các trường học") && page.html.contains("Tập thể"))
            let admin = try await client.token("admin", "laurel-admin")
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=movement&entityId=\(id)", token: admin)
            #expect((audit["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["create"])
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func badInputIsRefusedBesideItsFieldsAndNothingIsWritten(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let cookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let csrf = try #require(P.csrf(in: try await P.request(client, .get, "/movements/new", cookie: cookie).html))
            let (_, before) = try await client.json(.get, "/api/v1/movements", token: token)
            var fields = Self.fields(csrf: csrf, launcher: hn).filter {
                !["name", "endDate", "plannedForms", "deadline_due_3", "criteria_other"].contains($0.0)
            }
            fields += [
                ("name", "  "), ("endDate", "2024-12-31"), ("plannedForms", "NOPE"), ("deadline_due_3", "2025-13-45"),
                ("criteria_other", "Một dòng không có nhóm"),
            ]
            let refused = try await Self.post(client, "/movements/new", cookie: cookie, fields)
            #expect(refused.status == .unprocessableContent)
            for message in [
                "Vui lòng sửa các lỗi bên dưới.", "Trường này là bắt buộc.", "Ngày kết thúc trước ngày bắt đầu.",
                "Mã khen thưởng không có trong danh mục: NOPE.", "Ngày không hợp lệ (định dạng YYYY-MM-DD).", "Mỗi dòng phải có dạng",
            ] {
                #expect(refused.html.contains(message), "\(message)")
            }
            // What was typed stays, and each message sits in its field's label.
            #expect(refused.html.contains("value=\"Đoàn kết, sáng tạo\"") && refused.html.contains("value=\"2025-13-45\""))
            #expect(refused.html.contains("<label class=\"invalid\">Tên phong trào"))
            // A bad start date alone.
            let badDate = try await Self.post(
                client, "/movements/new", cookie: cookie,
                Self.fields(csrf: csrf, launcher: hn).filter { $0.0 != "startDate" } + [("startDate", "2025-02-30")])
            #expect(badDate.status == .unprocessableContent && badDate.html.contains("Ngày không hợp lệ"))
            let (_, after) = try await client.json(.get, "/api/v1/movements", token: token)
            #expect(after["total"] as? Int == before["total"] as? Int)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aDraftIsEditedAndAnImplementingMovementAdaptsWhatItInherited(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let department = try await client.unitId(code: "HN-S1", token: token)
            let (id, _) = try await Self.movement(client, token: token, launcher: hn)
            let cookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let shown = try await P.request(client, .get, "/movements/\(id)", cookie: cookie)
            #expect(shown.html.contains("href=\"/movements/\(id)/edit\""))
            let form = try await P.request(client, .get, "/movements/\(id)/edit", cookie: cookie)
            #expect(
                form.status == .ok && form.html.contains("value=\"Thi đua cải cách hành chính\"")
                    && form.html.contains("Rút ngắn thời gian giải quyết hồ sơ</textarea>"))
            #expect(
                form.html.contains("value=\"CSTDCS\" checked") && form.html.contains("value=\"2099-11-30\"")
                    && !form.html.contains("name=\"launcherUnitId\""))
            let csrf = try #require(P.csrf(in: form.html))
            let edited = try await Self.post(
                client, "/movements/\(id)/edit", cookie: cookie,
                [
                    ("_csrf", csrf), ("name", "Thi đua cải cách hành chính 2025"), ("kind", "regular"), ("startDate", "2025-01-01"),
                    ("endDate", "2025-12-31"),
                    ("contents", "Một cửa liên thông\nChữ ký số"), ("plannedForms", "BK_BO"), ("deadline_title_1", "Tổng kết"),
                    ("deadline_due_1", "2099-11-30"),
                ])
            #expect(edited.status == .seeOther)
            let (_, changed) = try await client.json(.get, "/api/v1/movements/\(id)", token: token)
            #expect(changed["name"] as? String == "Thi đua cải cách hành chính 2025" && changed["kind"] as? String == "regular")
            #expect((changed["contents"] as? [[String: Any]])?.count == 2 && changed["plannedForms"] as? [String] == ["BK_BO"])
            #expect((changed["reportDeadlines"] as? [[String: Any]])?.count == 1 && changed["launcherUnitId"] as? Int == Int(hn))
            // Once launched, the store refuses changes; the page says why.
            let launched = try await Self.post(client, "/movements/\(id)/launch", cookie: cookie, [("_csrf", csrf)])
            #expect(launched.status == .seeOther)
            let late = try await P.request(client, .get, "/movements/\(id)/edit", cookie: cookie)
            #expect(late.status == .conflict && late.html.contains("Chỉ sửa được phong trào khi còn là dự thảo."))
            let refused = try await Self.post(
                client, "/movements/\(id)/edit", cookie: cookie,
                [
                    ("_csrf", csrf), ("name", "Đổi tên"), ("kind", "regular"), ("startDate", "2025-01-01"), ("endDate", "2025-12-31"),
                ])
            #expect(refused.status == .conflict && refused.html.contains("Chỉ sửa được phong trào khi còn là dự thảo."))
            #expect(
                try await client.json(.get, "/api/v1/movements/\(id)", token: token).1["name"] as? String
                    == "Thi đua cải cách hành chính 2025")
            // The department implements it and adapts what it inherited.
            let sonoivu = try await P.signIn(client, "canbo.sonoivu.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/movements/\(id)", cookie: sonoivu)
            #expect(!page.html.contains("href=\"/movements/\(id)/edit\""))
            let implementing = try await Self.post(
                client, "/movements/\(id)/implement", cookie: sonoivu,
                [("_csrf", try #require(P.csrf(in: page.html))), ("unitId", String(department))])
            let child = try Self.id(from: implementing.location)
            let childForm = try await P.request(client, .get, "/movements/\(child)/edit", cookie: sonoivu)
            #expect(
                childForm.status == .ok && childForm.html.contains("Một cửa liên thông\nChữ ký số</textarea>")
                    && childForm.html.contains("kế thừa"))
            let adapted = try await Self.post(
                client, "/movements/\(child)/edit", cookie: sonoivu,
                [
                    ("_csrf", try #require(P.csrf(in: childForm.html))), ("name", "Sở Nội vụ: cải cách hành chính"), ("kind", "regular"),
                    ("startDate", "2025-02-01"), ("endDate", "2025-12-31"),
                    ("contents", "Một cửa liên thông\nChữ ký số\nHồ sơ công chức số"),
                    ("deadline_title_1", "Tổng kết"), ("deadline_due_1", "2099-11-15"),
                ])
            #expect(adapted.status == .seeOther)
            let sonoivuToken = try await client.token("canbo.sonoivu.hanoi", "laurel-demo")
            let (_, childJSON) = try await client.json(.get, "/api/v1/movements/\(child)", token: sonoivuToken)
            #expect(childJSON["parentId"] as? Int == id && childJSON["launcherUnitId"] as? Int == Int(department))
            #expect((childJSON["contents"] as? [[String: Any]])?.count == 3 && childJSON["startDate"] as? String == "2025-02-01")
            // The department cannot change the city's movement.
            #expect(try await P.request(client, .get, "/movements/\(id)/edit", cookie: sonoivu).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theLaterStepsFollowTheStateMachineAndItsRefusalIsShown(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let (id, _) = try await Self.movement(
                client, token: token, launcher: hn, start: "2024-01-01", end: "2026-12-31",
                deadlines: [], launchOn: "2024-02-01")
            let cookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/movements/\(id)", cookie: cookie)
            #expect(page.html.contains("id=\"advance-form\"") && page.html.contains("phải sơ kết trước khi tổng kết"))
            let csrf = try #require(P.csrf(in: page.html))
            func advance(_ status: String, _ date: String) async throws -> P.Page {
                try await Self.post(
                    client, "/movements/\(id)/advance", cookie: cookie, [("_csrf", csrf), ("date", date), ("status", status)])
            }
            func status() async throws -> String? {
                try await client.json(.get, "/api/v1/movements/\(id)", token: token).1["status"] as? String
            }
            let skipped = try await advance("final_reviewed", "2024-06-01")
            #expect(
                skipped.status == .unprocessableContent
                    && skipped.html.contains("Phong trào từ 3 năm trở lên phải sơ kết trước khi tổng kết."))
            #expect(try await status() == "launched")
            let badDate = try await advance("interim_reviewed", "2024-02-31")
            #expect(badDate.status == .unprocessableContent && badDate.html.contains("Ngày không hợp lệ"))
            #expect(try await advance("interim_reviewed", "2025-06-30").status == .seeOther)
            let backwards = try await advance("final_reviewed", "2025-01-01")
            #expect(backwards.status == .unprocessableContent && backwards.html.contains("Ngày không được trước bước trước (2025-06-30)."))
            #expect(try await advance("final_reviewed", "2026-12-15").status == .seeOther)
            #expect(try await advance("closed", "2026-12-31").status == .seeOther)
            #expect(try await status() == "closed")
            let closed = try await P.request(client, .get, "/movements/\(id)?done=advanced", cookie: cookie)
            #expect(
                closed.html.contains("Đã cập nhật trạng thái phong trào.") && closed.html.contains("Đã kết thúc")
                    && !closed.html.contains("id=\"advance-form\""))
            #expect(closed.html.contains("2025-06-30") && closed.html.contains("2026-12-15"))
            let again = try await advance("closed", "2027-01-01")
            #expect(again.status == .unprocessableContent && again.html.contains("Không thể chuyển phong trào sang trạng thái này."))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aUnitSubmitsAReportWithFiguresAndALateOneIsMarked(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let department = try await client.unitId(code: "HN-S1", token: token)
            let (id, deadlines) = try await Self.movement(client, token: token, launcher: hn, launchOn: "2025-01-15")
            let first = try #require(deadlines.first)
            let cookie = try await P.signIn(client, "canbo.sonoivu.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/movements/\(id)", cookie: cookie)
            #expect(page.html.contains("id=\"report-\(first)\"") && page.html.contains("<option value=\"\(department)\""))
            #expect(page.html.contains("value=\"Tập thể được khen thưởng\"") && page.html.contains("Chưa có báo cáo nào."))
            let csrf = try #require(P.csrf(in: page.html))
            let pdf = Data("%PDF-1.4\nBáo cáo sơ kết\n%%EOF\n".utf8)
            func report(_ collectives: String, file: (name: String, data: Data)? = nil) async throws -> P.Page {
                try await Self.multipart(
                    client, "/movements/\(id)/reports", cookie: cookie,
                    [
                        ("_csrf", csrf), ("deadlineId", String(first)), ("unitId", String(department)),
                        ("text", "Đã rút ngắn 30% thời gian\r\nvà số hóa hồ sơ"),
                        ("figure_name_1", "Tập thể được khen thưởng"), ("figure_value_1", collectives),
                        ("figure_name_2", "Cá nhân được khen thưởng"), ("figure_value_2", "12"), ("figure_name_3", ""),
                        ("figure_value_3", ""),
                    ], file: file)
            }
            for bad in ["-1", "ba"] {
                let refused = try await report(bad)
                #expect(refused.status == .unprocessableContent && refused.html.contains("Số liệu phải là số nguyên không âm"))
                // Nothing typed is lost: the refused form comes back with the text and the figures.
                #expect(
                    refused.html.contains("và số hóa hồ sơ</textarea>") && refused.html.contains("value=\"\(bad)\"")
                        && refused.html.contains("name=\"figure_value_2\" value=\"12\""))
            }
            let wrongFile = try await report("3", file: ("bao-cao.txt", Data("xin chào".utf8)))
            #expect(wrongFile.status == .unprocessableContent && wrongFile.html.contains("Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh."))
            // Without a file, urlencoded (as a browser sends it when the form has no file input).
            let plain = try await Self.post(
                client, "/movements/\(id)/reports", cookie: cookie,
                [
                    ("_csrf", csrf), ("deadlineId", String(deadlines[1])), ("unitId", String(department)), ("text", "Kế hoạch tổng kết"),
                    ("figure_name_1", "Tập thể được khen thưởng"), ("figure_value_1", ""),
                ])
            #expect(plain.status == .seeOther)
            let sent = try await report("3", file: ("bao-cao-so-ket.pdf", pdf))
            #expect(sent.status == .seeOther)
            let (_, reports) = try await client.json(.get, "/api/v1/movements/\(id)/reports", token: token)
            let items = reports["items"] as? [[String: Any]] ?? []
            let withFile = try #require(items.first { $0["deadlineId"] as? Int == first })
            #expect(items.count == 2 && withFile["late"] as? Bool == true && withFile["unitId"] as? Int == Int(department))
            #expect(withFile["figures"] as? [String: Int] == ["Tập thể được khen thưởng": 3, "Cá nhân được khen thưởng": 12])
            #expect(items.first { $0["deadlineId"] as? Int == deadlines[1] }?["late"] as? Bool == false)
            let file = try #require(withFile["attachment"] as? [String: Any])
            let fileId = try #require(file["id"] as? Int)
            #expect(file["name"] as? String == "bao-cao-so-ket.pdf" && file["contentType"] as? String == "application/pdf")
            // The report's file is not one of the plan's files.
            #expect(
                (try await client.json(.get, "/api/v1/movements/\(id)", token: token).1["attachments"] as? [[String: Any]])?.isEmpty == true
            )
            let after = try await P.request(client, .get, "/movements/\(id)?done=report", cookie: cookie)
            #expect(after.html.contains("Đã nộp báo cáo.") && after.html.contains("id=\"report-list\"") && after.html.contains("Nộp muộn"))
            #expect(after.html.contains("Đúng hạn") && after.html.contains("Tập thể được khen thưởng: 3"))
            #expect(
                after.html.contains("Đã rút ngắn 30% thời gian\nvà số hóa hồ sơ")
                    || after.html.contains("Đã rút ngắn 30% thời gian\r\nvà số hóa hồ sơ"))
            #expect(after.html.contains("href=\"/movements/\(id)/attachments/\(fileId)\""))
            // The reporting unit and the city read the file; a sibling department does not.
            func download(_ cookie: String) async throws -> (HTTPResponse.Status, Data) {
                var headers = HTTPFields()
                headers[.cookie] = cookie
                return try await client.execute(uri: "/movements/\(id)/attachments/\(fileId)", method: .get, headers: headers, body: nil) {
                    ($0.status, Data(buffer: $0.body))
                }
            }
            #expect(try await download(cookie) == (.ok, pdf))
            let cityCookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            #expect(try await download(cityCookie) == (.ok, pdf))
            #expect(try await download(try await P.signIn(client, "canbo.sogiaoduc.hanoi", "laurel-demo")).0 == .notFound)
            let city = try await P.request(client, .get, "/movements/\(id)", cookie: cityCookie)
            #expect(city.html.contains("Đã rút ngắn 30% thời gian") && city.html.contains("Nộp muộn"))
            let admin = try await client.token("admin", "laurel-admin")
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=movement_report", token: admin)
            #expect((audit["items"] as? [[String: Any]])?.contains { $0["action"] as? String == "submit_report" } == true)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func aFileIsUploadedThroughTheMultipartFormAndDownloadedBack(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let (id, _) = try await Self.movement(client, token: token, launcher: hn)
            let cookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/movements/\(id)", cookie: cookie)
            #expect(page.html.contains("enctype=\"multipart/form-data\"") && page.html.contains("Chưa có tệp đính kèm."))
            let csrf = try #require(P.csrf(in: page.html))
            let pdf = Data("%PDF-1.4\nKế hoạch phát động\n%%EOF\n".utf8)
            #expect(
                try await Self.upload(client, "/movements/\(id)/attachments", cookie: cookie, csrf: nil, file: pdf, name: "a.pdf").status
                    == .forbidden)
            let uploaded = try await Self.upload(
                client, "/movements/\(id)/attachments", cookie: cookie, csrf: csrf, file: pdf, name: "C:\\Users\\ke-hoach.pdf")
            #expect(uploaded.status == .seeOther)
            let (_, movement) = try await client.json(.get, "/api/v1/movements/\(id)", token: token)
            let attachment = try #require((movement["attachments"] as? [[String: Any]])?.first)
            #expect(attachment["name"] as? String == "ke-hoach.pdf" && attachment["contentType"] as? String == "application/pdf")
            let attachmentId = try #require(attachment["id"] as? Int)
            let shown = try await P.request(client, .get, "/movements/\(id)?done=attached", cookie: cookie)
            #expect(shown.html.contains("Đã tải tệp lên.") && shown.html.contains("href=\"/movements/\(id)/attachments/\(attachmentId)\""))
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let download = try await client.execute(
                uri: "/movements/\(id)/attachments/\(attachmentId)", method: .get, headers: headers, body: nil
            ) {
                ($0.status, $0.headers[.contentType], Data(buffer: $0.body))
            }
            #expect(download.0 == .ok && download.1 == "application/pdf" && download.2 == pdf)
            let wrongType = try await Self.upload(
                client, "/movements/\(id)/attachments", cookie: cookie, csrf: csrf, file: Data("xin chào".utf8), name: "a.txt")
            #expect(wrongType.status == .unprocessableContent && wrongType.html.contains("Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh."))
            let empty = try await Self.upload(client, "/movements/\(id)/attachments", cookie: cookie, csrf: csrf, file: Data(), name: "")
            #expect(empty.status == .unprocessableContent && empty.html.contains("Chưa chọn tệp, hoặc tệp rỗng."))
            let large = Data("%PDF-1.4\n".utf8) + Data(count: 10 * 1024 * 1024)
            let tooLarge = try await Self.upload(
                client, "/movements/\(id)/attachments", cookie: cookie, csrf: csrf, file: large, name: "lon.pdf")
            #expect(tooLarge.status == .unprocessableContent && tooLarge.html.contains("Tệp quá lớn (tối đa 10 MB)."))
            #expect((try await client.json(.get, "/api/v1/movements/\(id)", token: token).1["attachments"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func anotherProvinceGets404AndAnAuditorGets403WithoutForms(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let department = try await client.unitId(code: "HN-S1", token: token)
            let (id, deadlines) = try await Self.movement(client, token: token, launcher: hn, launchOn: "2025-01-15")
            let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
            // Đà Nẵng: nothing of Hà Nội's movement exists for it.
            let danang = try await P.signIn(client, "canbo.danang", "laurel-demo")
            let danangCSRF = try #require(P.csrf(in: try await P.request(client, .get, "/movements/new", cookie: danang).html))
            for uri in ["/movements/\(id)", "/movements/\(id)/edit"] {
                #expect(try await P.request(client, .get, uri, cookie: danang).status == .notFound, "\(uri)")
            }
            for (uri, fields) in [
                ("/movements/\(id)/edit", [("name", "X"), ("kind", "regular"), ("startDate", "2025-01-01"), ("endDate", "2025-12-31")]),
                ("/movements/\(id)/advance", [("status", "interim_reviewed"), ("date", "2025-06-30")]),
                ("/movements/\(id)/reports", [("deadlineId", String(deadlines[0])), ("unitId", String(department)), ("text", "x")]),
            ] {
                #expect(try await Self.post(client, uri, cookie: danang, [("_csrf", danangCSRF)] + fields).status == .notFound, "\(uri)")
            }
            #expect(
                try await Self.upload(client, "/movements/\(id)/attachments", cookie: danang, csrf: danangCSRF, file: pdf, name: "a.pdf")
                    .status == .notFound)
            // The auditor reads, sees no forms, and is refused every write.
            let auditor = try await P.signIn(client, "kiemtra.hanoi", "laurel-demo")
            let list = try await P.request(client, .get, "/movements", cookie: auditor)
            #expect(list.status == .ok && !list.html.contains("href=\"/movements/new\""))
            let page = try await P.request(client, .get, "/movements/\(id)", cookie: auditor)
            #expect(page.status == .ok && page.html.contains("Thi đua cải cách hành chính"))
            for form in ["advance-form", "attach-form", "report-\(deadlines[0])", "edit-movement", "/implement\""] {
                #expect(!page.html.contains(form), "\(form)")
            }
            let csrf = try #require(P.csrf(in: page.html))
            #expect(try await P.request(client, .get, "/movements/new", cookie: auditor).status == .forbidden)
            #expect(try await P.request(client, .get, "/movements/\(id)/edit", cookie: auditor).status == .forbidden)
            #expect(
                try await Self.post(client, "/movements/new", cookie: auditor, Self.fields(csrf: csrf, launcher: hn)).status == .forbidden)
            #expect(
                try await Self.post(client, "/movements/\(id)/advance", cookie: auditor, [("_csrf", csrf), ("status", "interim_reviewed")])
                    .status == .forbidden)
            #expect(
                try await Self.post(
                    client, "/movements/\(id)/reports", cookie: auditor,
                    [("_csrf", csrf), ("deadlineId", String(deadlines[0])), ("unitId", String(department))]
                ).status == .forbidden)
            #expect(
                try await Self.upload(client, "/movements/\(id)/attachments", cookie: auditor, csrf: csrf, file: pdf, name: "a.pdf").status
                    == .forbidden)
            let (_, movement) = try await client.json(.get, "/api/v1/movements/\(id)", token: token)
            #expect(movement["status"] as? String == "launched" && (movement["attachments"] as? [[String: Any]])?.isEmpty == true)
            #expect(
                (try await client.json(.get, "/api/v1/movements/\(id)/reports", token: token).1["items"] as? [[String: Any]])?.isEmpty
                    == true)
        }
    }
}
