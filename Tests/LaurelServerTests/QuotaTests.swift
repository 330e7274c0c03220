import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// Award quotas an organisation sets for itself: storage with inheritance, the API, the check of
/// a proposal list, and the pages.
@Suite struct QuotaTests {
    static var cstdcs15: [String: Any?] { ["percent": 15, "ofCode": "LDTT"] }

    /// A school under Hà Nội's Sở Giáo dục with 14 people who hold or are eligible for LDTT in
    /// 2024 (one through an award in the register, with a rating too low to earn it), four of
    /// them excellent (eligible for CSTDCS). 15 % of 14 is 2.1: the cap is 2.
    struct School {
        let unit: Int64
        let department: Int64
        let province: Int64
        let excellent: [Int]
        let good: [Int]
    }

    static func school(_ client: any TestClientProtocol, token: String) async throws -> School {
        let province = try await client.unitId(code: "HN", token: token)
        let department = try await client.unitId(code: "HN-S3", token: token)
        let (created, unit) = try await client.json(
            .post, "/api/v1/units", token: token,
            body: [
                "code": "HN-S3-THQ", "name": "Trường THPT Chỉ Tiêu", "kind": "school", "level": "grassroots", "parentId": department,
            ])
        #expect(created == .created)
        let unitId = try #require(unit["id"] as? Int)
        func person(_ name: String, rating: String) async throws -> Int {
            let (status, body) = try await client.json(
                .post, "/api/v1/people", token: token,
                body: [
                    "fullName": name, "gender": "female", "unitId": unitId, "staffCategory": "public_employee",
                    "holdsManagementPost": false,
                ])
            #expect(status == .created)
            let id = try #require(body["id"] as? Int)
            #expect(
                try await client.json(
                    .put, "/api/v1/people/\(id)/assessments/2024", token: token,
                    body: ["rating": rating, "discipline": nil, "notes": nil]
                ).0.code < 300)
            return id
        }
        var excellent: [Int] = []
        var good: [Int] = []
        for name in ["Đỗ Thị An", "Đỗ Thị Bình", "Đỗ Thị Chi", "Đỗ Thị Dung"] {
            excellent.append(try await person(name, rating: "excellent"))
        }
        for index in 1...9 { good.append(try await person("Lê Thị Tốt \(index)", rating: "good")) }
        let holder = try await person("Vũ Thị Khen", rating: "complete")
        let (awarded, _) = try await client.json(
            .post, "/api/v1/people/\(holder)/awards", token: token,
            body: [
                "code": "LDTT", "year": 2024, "kind": "merit", "decisionNumber": "9/QĐ-THQ", "decisionDate": "2024-12-20",
                "authority": "Hiệu trưởng", "status": "valid",
            ])
        #expect(awarded == .created)
        return School(unit: Int64(unitId), department: department, province: province, excellent: excellent, good: good)
    }

    static func items(_ body: JSONBody) -> [[String: Any]] { body["items"] as? [[String: Any]] ?? [] }

    @Test(arguments: TestDatabases.kinds)
    func aProvincesQuotaIsInheritedOverriddenAndRemoved(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let admin = try await client.token("admin", "laurel-admin")
            let school = try await Self.school(client, token: officer)
            let (set, quota) = try await client.json(
                .put, "/api/v1/units/\(school.province)/quotas/CSTDCS", token: officer, body: Self.cstdcs15)
            #expect(set == .ok)
            #expect(quota["code"] as? String == "CSTDCS" && quota["percent"] as? Int == 15 && quota["ofCode"] as? String == "LDTT")
            #expect(quota["inherited"] as? Bool == false && quota["unitId"] as? Int == Int(school.province))

            var (_, list) = try await client.json(.get, "/api/v1/units/\(school.unit)/quotas", token: officer)
            #expect(Self.items(list).count == 1)
            #expect(Self.items(list).first?["inherited"] as? Bool == true)
            #expect(Self.items(list).first?["unitId"] as? Int == Int(school.province))
            #expect(Self.items(list).first?["unitName"] as? String == "Thành phố Hà Nội")

            // A lower unit's own setting wins for its subtree.
            #expect(
                try await client.json(
                    .put, "/api/v1/units/\(school.department)/quotas/CSTDCS", token: officer,
                    body: ["percent": 10, "ofCode": "LDTT"]
                ).0 == .ok)
            (_, list) = try await client.json(.get, "/api/v1/units/\(school.unit)/quotas", token: officer)
            #expect(Self.items(list).first?["percent"] as? Int == 10 && Self.items(list).first?["unitId"] as? Int == Int(school.department))
            (_, list) = try await client.json(.get, "/api/v1/units/\(school.province)/quotas", token: officer)
            #expect(Self.items(list).first?["percent"] as? Int == 15 && Self.items(list).first?["inherited"] as? Bool == false)

            // Only a unit's own quota can be removed there.
            let (inherited, notOwn) = try await client.json(.delete, "/api/v1/units/\(school.unit)/quotas/CSTDCS", token: officer)
            #expect(inherited == .notFound && notOwn.error["message"] as? String != "Không tìm thấy.")
            #expect(try await client.json(.delete, "/api/v1/units/\(school.department)/quotas/CSTDCS", token: officer).0 == .noContent)
            (_, list) = try await client.json(.get, "/api/v1/units/\(school.unit)/quotas", token: officer)
            #expect(Self.items(list).first?["percent"] as? Int == 15 && Self.items(list).first?["unitId"] as? Int == Int(school.province))
            #expect(try await client.json(.delete, "/api/v1/units/\(school.province)/quotas/CSTDCS", token: officer).0 == .noContent)
            (_, list) = try await client.json(.get, "/api/v1/units/\(school.unit)/quotas", token: officer)
            #expect(Self.items(list).isEmpty)

            // Every write is in the audit log, at the unit it was made on.
            let (_, provinceAudit) = try await client.json(.get, "/api/v1/audit?entity=setting&entityId=\(school.province)", token: admin)
            #expect(Set(Self.items(provinceAudit).compactMap { $0["action"] as? String }) == ["set_quota.CSTDCS", "remove_quota.CSTDCS"])
            let (_, departmentAudit) = try await client.json(
                .get, "/api/v1/audit?entity=setting&entityId=\(school.department)", token: admin)
            #expect(Self.items(departmentAudit).count == 2)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func badInputNamesTheFieldAndWritesNothing(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let admin = try await client.token("admin", "laurel-admin")
            let unit = try await client.unitId(code: "HN-S3", token: officer)
            let cases: [(code: String, body: [String: Any?], field: String)] = [
                ("CSTDCS", ["percent": 0, "ofCode": "LDTT"], "percent"),
                ("CSTDCS", ["percent": 101, "ofCode": "LDTT"], "percent"),
                ("CSTDCS", ["percent": 15.5, "ofCode": "LDTT"], "percent"),
                ("CSTDCS", ["percent": "15", "ofCode": "LDTT"], "percent"),
                ("NOPE", Self.cstdcs15, "code"),
                ("CSTDCS", ["percent": 15, "ofCode": "NOPE"], "ofCode"),
                ("LDTT", Self.cstdcs15, "ofCode"),
                ("TTLDTT", Self.cstdcs15, "code"),
                ("CSTDCS", ["ofCode": "LDTT"], "percent"),
                ("CSTDCS", ["percent": 15], "ofCode"),
                ("CSTDCS", ["percent": 15, "ofCode": "LDTT", "unitId": 1], "unitId"),
            ]
            for (code, body, field) in cases {
                let (status, answer) = try await client.json(.put, "/api/v1/units/\(unit)/quotas/\(code)", token: officer, body: body)
                #expect(status == .unprocessableContent, "\(code) \(body)")
                #expect(answer.error["field"] as? String == field, "\(code) \(body)")
                #expect((answer.error["message"] as? String)?.isEmpty == false)
            }
            let (_, english) = try await client.json(
                .put, "/api/v1/units/\(unit)/quotas/CSTDCS", token: officer,
                body: ["percent": 0, "ofCode": "LDTT"], language: "en")
            #expect(english.error["message"] as? String == "The percent must be a whole number from 1 to 100.")
            let (_, list) = try await client.json(.get, "/api/v1/units/\(unit)/quotas", token: officer)
            #expect(Self.items(list).isEmpty)
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=setting&entityId=\(unit)", token: admin)
            #expect(Self.items(audit).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theCheckSaysWhoIsOverTheCap(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let school = try await Self.school(client, token: officer)
            let (e1, e2, e3, e4) = (school.excellent[0], school.excellent[1], school.excellent[2], school.excellent[3])
            let check: [String: Any?] = ["code": "CSTDCS", "year": 2024, "proposals": [e3, e1, school.good[0], e2, e4]]
            let uri = "/api/v1/units/\(school.unit)/quota-check"
            // No quota in force yet.
            let (none, noneBody) = try await client.json(.post, uri, token: officer, body: check)
            #expect(none == .unprocessableContent && noneBody.error["field"] as? String == "code")

            #expect(
                try await client.json(.put, "/api/v1/units/\(school.province)/quotas/CSTDCS", token: officer, body: Self.cstdcs15).0 == .ok)
            let (status, verdict) = try await client.json(.post, uri, token: officer, body: check)
            #expect(status == .ok)
            #expect(verdict["baseCount"] as? Int == 14 && verdict["cap"] as? Int == 2 && verdict["percent"] as? Int == 15)
            #expect(verdict["exceeded"] as? Bool == true)
            #expect(verdict["withinQuota"] as? [Int] == [e3, e1])
            #expect(verdict["overQuota"] as? [Int] == [e2, e4])
            #expect(verdict["ineligible"] as? [Int] == [school.good[0]])
            #expect(verdict["setAtUnitId"] as? Int == Int(school.province))
            #expect(verdict["proposed"] as? [Int] == [e3, e1, school.good[0], e2, e4])

            let (fits, fitting) = try await client.json(
                .post, uri, token: officer, body: ["code": "CSTDCS", "year": 2024, "proposals": [e4, e2]])
            #expect(fits == .ok && fitting["exceeded"] as? Bool == false && fitting["overQuota"] as? [Int] == [])

            // People outside the unit, twice the same person, bad fields.
            let elsewhere = try await client.unitId(code: "HN-S1", token: officer)
            let (_, others) = try await client.json(.get, "/api/v1/people?per=1&unitId=\(elsewhere)", token: officer)
            let outsider = try #require(Self.items(others).first?["id"] as? Int)
            for (body, field) in [
                (["code": "CSTDCS", "year": 2024, "proposals": [e1, outsider]], "proposals.1"),
                (["code": "CSTDCS", "year": 2024, "proposals": [e1, e1]], "proposals.1"),
                (["code": "NOPE", "year": 2024, "proposals": [e1]], "code"),
                (["code": "CSTDCS", "year": 3000, "proposals": [e1]], "year"),
                (["code": "CSTDCS", "year": 2024], "proposals"),
                (["code": "CSTDCS", "year": 2024.5, "proposals": [e1]], "year"),
                (["code": "CSTDCS", "year": 2024, "proposals": [e1, 2.5]], "proposals.1"),
                (["code": "CSTDCS", "year": 2024, "proposals": [e1], "order": 1], "order"),
            ] as [([String: Any?], String)] {
                let (refused, answer) = try await client.json(.post, uri, token: officer, body: body)
                #expect(refused == .unprocessableContent && answer.error["field"] as? String == field, "\(body)")
            }

            // Another province's officer finds nothing; an auditor reads and checks but never writes.
            let danang = try await client.token("canbo.danang", "laurel-demo")
            #expect(try await client.json(.post, uri, token: danang, body: check).0 == .notFound)
            #expect(try await client.json(.get, "/api/v1/units/\(school.unit)/quotas", token: danang).0 == .notFound)
            #expect(
                try await client.json(.put, "/api/v1/units/\(school.unit)/quotas/CSTDCS", token: danang, body: Self.cstdcs15).0 == .notFound
            )
            #expect(try await client.json(.delete, "/api/v1/units/\(school.province)/quotas/CSTDCS", token: danang).0 == .notFound)
            let auditor = try await client.token("kiemtra.hanoi", "laurel-demo")
            #expect(try await client.json(.get, "/api/v1/units/\(school.unit)/quotas", token: auditor).0 == .ok)
            #expect(try await client.json(.post, uri, token: auditor, body: check).0 == .ok)
            #expect(
                try await client.json(.put, "/api/v1/units/\(school.unit)/quotas/CSTDCS", token: auditor, body: Self.cstdcs15).0
                    == .forbidden)
            #expect(try await client.json(.delete, "/api/v1/units/\(school.province)/quotas/CSTDCS", token: auditor).0 == .forbidden)
            let (_, still) = try await client.json(.get, "/api/v1/units/\(school.unit)/quotas", token: officer)
            #expect(Self.items(still).first?["unitId"] as? Int == Int(school.province))
        }
    }
}

extension QuotaTests {
    @Test(arguments: TestDatabases.kinds)
    func theUnitCheckPageShowsTheQuota(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let school = try await Self.school(client, token: officer)
            let cookie = try await PageTests.signIn(client, "canbo.hanoi", "laurel-demo")
            let uri = "/eligibility?unitId=\(school.unit)&code=CSTDCS&year=2024"
            let before = try await PageTests.request(client, .get, uri, cookie: cookie)
            #expect(before.status == .ok && !before.html.contains("Vượt chỉ tiêu"))
            #expect(
                try await client.json(.put, "/api/v1/units/\(school.province)/quotas/CSTDCS", token: officer, body: Self.cstdcs15).0 == .ok)
            let page = try await PageTests.request(client, .get, uri, cookie: cookie)
            #expect(page.status == .ok)
            // Eligible people are taken in the order of the list: An and Bình fit, Chi and Dung do not.
            #expect(page.html.contains("Vượt chỉ tiêu 2 người: Đỗ Thị Chi, Đỗ Thị Dung."))
            #expect(page.html.contains("Cơ sở: 14 người đạt hoặc đủ điều kiện LDTT năm 2024."))
            #expect(page.html.contains("Chỉ tiêu: 15 % × 14 = 2 người"))
            #expect(page.html.contains("Thành phố Hà Nội"))
            // The export says the same, one person a row.
            let csv = try await PageTests.request(
                client, .get, "/eligibility/export?format=csv&unitId=\(school.unit)&code=CSTDCS&year=2024", cookie: cookie)
            let lines = csv.html.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.first { $0.contains("Đỗ Thị Chi") }?.hasSuffix("Vượt chỉ tiêu") == true)
            #expect(lines.first { $0.contains("Đỗ Thị Dung") }?.hasSuffix("Vượt chỉ tiêu") == true)
            #expect(lines.filter { $0.hasSuffix(",Trong chỉ tiêu") }.count == 2)
            // LDTT itself has no quota: no section.
            let ldtt = try await PageTests.request(client, .get, "/eligibility?unitId=\(school.unit)&code=LDTT&year=2024", cookie: cookie)
            #expect(ldtt.status == .ok && !ldtt.html.contains("Vượt chỉ tiêu") && !ldtt.html.contains("Trong chỉ tiêu:"))
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func writersSetAndRemoveQuotasOnTheSettingsPage(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let admin = try await client.token("admin", "laurel-admin")
            let unit = try await client.unitId(code: "HN-S3", token: officer)
            let hanoi = try await client.unitId(code: "HN", token: officer)
            #expect(try await client.json(.put, "/api/v1/units/\(hanoi)/quotas/CSTDCS", token: officer, body: Self.cstdcs15).0 == .ok)
            let cookie = try await PageTests.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await PageTests.request(client, .get, "/eligibility/quotas?unitId=\(unit)", cookie: cookie)
            #expect(page.status == .ok && page.html.contains("Kế thừa từ Thành phố Hà Nội") && page.html.contains("id=\"quota-form\""))
            let csrf = try #require(PageTests.csrf(in: page.html))

            // Refused input: 422 with the field's message, nothing written.
            for (percent, ofCode, message) in [
                ("0", "LDTT", "Tỷ lệ phải là số nguyên từ 1 đến 100."), ("abc", "LDTT", "Tỷ lệ phải là số nguyên từ 1 đến 100."),
                ("15", "CSTDCS", "Danh hiệu làm cơ sở phải khác danh hiệu được giới hạn (CSTDCS)."),
            ] {
                let refused = try await PageTests.request(
                    client, .post, "/eligibility/quotas", cookie: cookie,
                    form: ["_csrf": csrf, "unitId": String(unit), "code": "CSTDCS", "percent": percent, "ofCode": ofCode])
                #expect(refused.status == .unprocessableContent && refused.html.contains(message), "\(percent) \(ofCode)")
            }
            var (_, list) = try await client.json(.get, "/api/v1/units/\(unit)/quotas", token: officer)
            #expect(Self.items(list).first?["inherited"] as? Bool == true)
            let noToken = try await PageTests.request(
                client, .post, "/eligibility/quotas", cookie: cookie,
                form: ["unitId": String(unit), "code": "CSTDCS", "percent": "10", "ofCode": "LDTT"])
            #expect(noToken.status == .forbidden)

            let saved = try await PageTests.request(
                client, .post, "/eligibility/quotas", cookie: cookie,
                form: ["_csrf": csrf, "unitId": String(unit), "code": "CSTDCS", "percent": "10", "ofCode": "LDTT"])
            #expect(saved.status == .seeOther && saved.location == "/eligibility/quotas?unitId=\(unit)")
            (_, list) = try await client.json(.get, "/api/v1/units/\(unit)/quotas", token: officer)
            #expect(Self.items(list).first?["percent"] as? Int == 10 && Self.items(list).first?["inherited"] as? Bool == false)
            let shown = try await PageTests.request(client, .get, "/eligibility/quotas?unitId=\(unit)", cookie: cookie)
            #expect(shown.html.contains("Đơn vị này") && shown.html.contains("/eligibility/quotas/remove"))

            // Auditors see the quotas but no form, and cannot post; another province sees nothing.
            let auditor = try await PageTests.signIn(client, "kiemtra.hanoi", "laurel-demo")
            let audited = try await PageTests.request(client, .get, "/eligibility/quotas?unitId=\(unit)", cookie: auditor)
            #expect(
                audited.status == .ok && audited.html.contains("Đơn vị này") && !audited.html.contains("quota-form")
                    && !audited.html.contains("quotas/remove"))
            let auditorCSRF = try #require(PageTests.csrf(in: audited.html))
            let denied = try await PageTests.request(
                client, .post, "/eligibility/quotas/remove", cookie: auditor,
                form: ["_csrf": auditorCSRF, "unitId": String(unit), "code": "CSTDCS"])
            #expect(denied.status == .forbidden)
            let danang = try await PageTests.signIn(client, "canbo.danang", "laurel-demo")
            #expect(try await PageTests.request(client, .get, "/eligibility/quotas?unitId=\(unit)", cookie: danang).status == .notFound)
            let danangCSRF = try #require(
                PageTests.csrf(in: try await PageTests.request(client, .get, "/eligibility/quotas", cookie: danang).html))
            let across = try await PageTests.request(
                client, .post, "/eligibility/quotas", cookie: danang,
                form: ["_csrf": danangCSRF, "unitId": String(unit), "code": "CSTDCS", "percent": "50", "ofCode": "LDTT"])
            #expect(across.status == .notFound)

            let removed = try await PageTests.request(
                client, .post, "/eligibility/quotas/remove", cookie: cookie,
                form: ["_csrf": csrf, "unitId": String(unit), "code": "CSTDCS"])
            #expect(removed.status == .seeOther)
            (_, list) = try await client.json(.get, "/api/v1/units/\(unit)/quotas", token: officer)
            #expect(Self.items(list).first?["inherited"] as? Bool == true && Self.items(list).first?["percent"] as? Int == 15)
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=setting&entityId=\(unit)", token: admin)
            #expect(Self.items(audit).count == 2)
        }
    }
}
