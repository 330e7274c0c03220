import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDocuments
import LaurelTestSupport
import NIOCore
import Testing

@testable import LaurelServer

/// Issue 14 points 6, 7 and 11 through HTTP: a huge cell, a file imported twice at once, attachment
/// names, download names in Vietnamese, NFC text and hidden characters.
@Suite struct FileAndTextHardeningTests {
    static func peopleFile(_ count: Int, unit: String) throws -> Data {
        try ImportTests.xlsx(
            ["Họ và tên", "Giới tính", "Ngày sinh", "Mã đơn vị", "Đối tượng"],
            (0..<count).map { index in
                [.text("Phạm Thị Hạnh \(index)"), .text("Nữ"), .text("1990-02-0\(index % 9 + 1)"), .text(unit), .text("Công chức")]
            })
    }

    @Test(arguments: TestDatabases.kinds)
    func twoIdenticalImportsAtOnceRecordEachPersonOnceAndTheSecondIsToldWhy(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let file = try Self.peopleFile(2_500, unit: "HN-S3")
            async let first = client.importFile("people", file, token: token, dryRun: false)
            async let second = client.importFile("people", file, token: token, dryRun: false)
            let answers = try await [first, second]
            let (_, found) = try await client.json(.get, "/api/v1/people?q=pham+thi+hanh&per=1", token: token)
            #expect(found["total"] as? Int == 2_500)
            #expect(answers.filter { $0.0 == .ok && $0.1["imported"] as? Int == 2_500 }.count == 1)
            let refused = try #require(answers.first { $0.0 != .ok })
            // While the first runs, the same file is a conflict; once it is done, every row is known.
            let codes = Set(refused.1.problems.compactMap { $0["code"] as? String })
            #expect(
                [.conflict, .unprocessableContent].contains(refused.0)
                    && !codes.isDisjoint(with: ["import_running", "import_already_imported", "import_already_exists"]),
                "\(refused.0) \(codes)")
            // Re-importing the file later changes nothing either.
            let (again, report) = try await client.importFile("people", file, token: token, dryRun: false)
            #expect(again == .unprocessableContent && report["imported"] as? Int == 0)
            #expect(try await client.json(.get, "/api/v1/people?q=pham+thi+hanh&per=1", token: token).1["total"] as? Int == 2_500)
            // The audit entry names the file by its hash and the rows by their ids.
            let admin = try await client.token("admin", "laurel-admin")
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=people", token: admin)
            let entry = try #require((audit["items"] as? [[String: Any]])?.first { $0["action"] as? String == "import" })
            let after = try #require(entry["after"] as? [String: Any])
            let recorded = try #require(after["file"] as? [String: Any])
            #expect(recorded["sha256"] as? String == ImportGate.digest(file) && recorded["size"] as? Int == file.count)
            #expect(after["rows"] as? Int == 2_500)
            let ranges = try #require(after["ids"] as? [[Int]])
            #expect(ranges.reduce(0) { $0 + $1[1] - $1[0] + 1 } == 2_500)
        }
    }

    @Test func aFieldOfHalfAMegabyteIsRefusedWithItsRow() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            // CSV: our own XLSX writer clamps a cell to Excel's 32,767 characters (the XLSX reader's cap has
            // its own tests in LaurelDocumentsTests).
            let file = Data(
                ("Họ và tên,Giới tính,Mã đơn vị,Đối tượng\nLê Văn Hà,Nam,HN-S3,Công chức\n"
                    + String(repeating: "Ế", count: 200_000) + ",Nam,HN-S3,Công chức\n").utf8)
            let (status, report) = try await client.importFile("people", file, token: token, dryRun: true)
            let problem = try #require(report.problems.first)
            #expect(
                status == .unprocessableContent && problem["code"] as? String == "import_cell_too_long" && problem["row"] as? Int == 3,
                "\(problem)")
            #expect((problem["message"] as? String)?.contains("32.767") == true)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func attachmentNamesLoseTheirPathAndTakeTheExtensionOfTheirContent(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: token)
            let (id, _) = try await MovementPageTests.movement(client, token: token, launcher: hn)
            let pdf = Data("%PDF-1.4\nKế hoạch\n%%EOF\n".utf8)
            func attach(_ name: String) async throws -> [String: Any] {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                return try await client.execute(
                    uri: "/api/v1/movements/\(id)/attachments?name=\(query)", method: .post, headers: headers,
                    body: ByteBuffer(bytes: pdf)
                ) { response in
                    #expect(response.status == .created)
                    return (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
                }
            }
            #expect(try await attach("../../etc/evil.html")["name"] as? String == "evil.pdf")
            #expect(try await attach("..\\..\\bao-cao.pdf")["name"] as? String == "bao-cao.pdf")
            #expect(try await attach("\u{202E}fdp.exe")["name"] as? String == "fdp.pdf")
            let vietnamese = try await attach("Ke\u{0302}\u{0301} hoạch thi đua.pdf")
            #expect(vietnamese["name"] as? String == "Kế hoạch thi đua.pdf")
            let fileId = try #require(vietnamese["id"] as? Int)
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            let disposition = try await client.execute(
                uri: "/api/v1/movements/\(id)/attachments/\(fileId)", method: .get, headers: headers, body: nil
            ) {
                $0.headers[.contentDisposition]
            }
            #expect(
                disposition
                    == "attachment; filename=\"Ke hoach thi dua.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20thi%20%C4%91ua.pdf")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func namesAreKeptInNFCAndRefuseHiddenCharacters(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S3", token: token)
            func create(_ name: String) async throws -> (HTTPResponse.Status, JSONBody) {
                try await client.json(
                    .post, "/api/v1/people", token: token,
                    body: [
                        "fullName": name, "gender": "female", "unitId": unit, "staffCategory": "worker",
                    ])
            }
            // NFD, as a Mac keyboard sends it: stored NFC, found by the NFC spelling.
            let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Tho\u{031B}\u{0300}"
            let (created, person) = try await create(nfd)
            #expect(
                created == .created
                    && (person["fullName"] as? String)?.unicodeScalars.elementsEqual("Nguyễn Thị Thờ".unicodeScalars) == true)
            let (_, found) = try await client.json(.get, "/api/v1/people?q=Nguy%E1%BB%85n%20Th%E1%BB%8B%20Th%E1%BB%9D", token: token)
            #expect(found["total"] as? Int == 1)
            for hidden in ["Trần\u{200B}Văn An", "Lê Văn \u{202E}nA", "Đỗ\u{FEFF}Thị Mai"] {
                let (status, body) = try await create(hidden)
                #expect(
                    status == .unprocessableContent && body.error["field"] as? String == "fullName",
                    "\(hidden.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect((body.error["message"] as? String)?.contains("ký tự ẩn") == true, "\(body.object)")
            }
        }
    }
}
