import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// A unit's registration page: titles with targets, the reason after the deadline, and the
/// organisation's registration rules that the units below inherit.
@Suite struct RegistrationPageTests {
    typealias P = PageTests

    var year: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    @Test(arguments: TestDatabases.kinds)
    func titlesAndTargetsAreSavedFromTheFormAndReadBackByTheAPI(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let (_, people) = try await client.json(.get, "/api/v1/people?unitId=\(unit)&per=5", token: token)
            let person = try #require((people["items"] as? [[String: Any]])?.first?["id"] as? Int)
            let officer = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            // The unit's page links to this year's registration.
            let unitPage = try await P.request(client, .get, "/units/\(unit)", cookie: officer)
            #expect(unitPage.html.contains("href=\"/registrations/\(unit)\""))
            let redirect = try await P.request(client, .get, "/registrations/\(unit)", cookie: officer)
            #expect(redirect.location == "/registrations/\(unit)/\(year)")

            let next = year + 1  // before next year's deadline: no reason needed
            let form = try await P.request(client, .get, "/registrations/\(unit)/\(next)", cookie: officer)
            let csrf = try #require(P.csrf(in: form.html))
            let saved = try await P.request(
                client, .post, "/registrations/\(unit)/\(next)", cookie: officer,
                form: [
                    "_csrf": csrf, "collective": "TTLDXS", "ct_TTLDXS": "100% chỉ tiêu chuyên môn", "p_\(person)": "CSTDCS",
                    "t_\(person)": "Một sáng kiến cấp cơ sở",
                ])
            #expect(saved.status == .seeOther || saved.status == .found)

            let (_, registration) = try await client.json(.get, "/api/v1/registrations/\(unit)/\(next)", token: token)
            let collective = try #require(registration["collective"] as? [[String: Any]])
            #expect(
                collective.count == 1 && collective[0]["code"] as? String == "TTLDXS"
                    && collective[0]["target"] as? String == "100% chỉ tiêu chuyên môn")
            let individuals = try #require(registration["individuals"] as? [[String: Any]])
            #expect(
                individuals.count == 1 && individuals[0]["personId"] as? Int == person
                    && individuals[0]["target"] as? String == "Một sáng kiến cấp cơ sở")
            let page = try await P.request(client, .get, "/registrations/\(unit)/\(next)", cookie: officer)
            #expect(page.html.contains("value=\"Một sáng kiến cấp cơ sở\"") && page.html.contains("Đã lưu đăng ký") == false)

            // An individual title ticked as a collective one is refused; what was typed stays.
            let refused = try await P.request(
                client, .post, "/registrations/\(unit)/\(next)", cookie: officer,
                form: [
                    "_csrf": csrf, "collective": "CSTDCS", "t_\(person)": "giữ lại",
                ])
            #expect(refused.status == .unprocessableContent && refused.html.contains("value=\"giữ lại\""))
            let (_, unchanged) = try await client.json(.get, "/api/v1/registrations/\(unit)/\(next)", token: token)
            #expect((unchanged["collective"] as? [[String: Any]])?.first?["code"] as? String == "TTLDXS")
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theProvincesRulesAreInheritedAndALateRegistrationNeedsAReason(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let province = try await client.unitId(code: "HN", token: token)
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let officer = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/registrations/\(province)/\(year)", cookie: officer)
            let csrf = try #require(P.csrf(in: page.html))

            let bad = try await P.request(
                client, .post, "/registrations/\(province)/\(year)/settings", cookie: officer,
                form: ["_csrf": csrf, "required": "on", "deadline": "13-45"])
            #expect(bad.status == .unprocessableContent && bad.html.contains("13-45"))
            let (_, before) = try await client.json(.get, "/api/v1/registrations/\(unit)/\(year)", token: token)
            #expect(before["registrationRequired"] as? Bool == false)

            let set = try await P.request(
                client, .post, "/registrations/\(province)/\(year)/settings", cookie: officer,
                form: ["_csrf": csrf, "required": "on", "deadline": "01-15"])
            #expect(set.status == .seeOther || set.status == .found)
            let (_, inherited) = try await client.json(.get, "/api/v1/registrations/\(unit)/\(year)", token: token)
            #expect(inherited["registrationRequired"] as? Bool == true && inherited["deadline"] as? String == "\(year)-01-15")
            let unitPage = try await P.request(client, .get, "/registrations/\(unit)/\(year)", cookie: officer)
            #expect(
                unitPage.html.contains("\(year)-01-15") && unitPage.html.contains("Đã quá hạn đăng ký")
                    && unitPage.html.contains("name=\"reason\""))
            let (_, audit) = try await client.json(.get, "/api/v1/audit?entity=setting", token: token)
            let actions = (audit["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
            #expect(actions.contains("set_registration.required") && actions.contains("set_registration.deadline"))

            // Past the deadline: refused without a reason, saved and marked late with one.
            let late = try await P.request(
                client, .post, "/registrations/\(unit)/\(year)", cookie: officer, form: ["_csrf": csrf, "collective": "TTLDXS"])
            #expect(late.status == .unprocessableContent)
            let withReason = try await P.request(
                client, .post, "/registrations/\(unit)/\(year)", cookie: officer,
                form: ["_csrf": csrf, "collective": "TTLDXS", "reason": "Đơn vị mới sáp nhập"])
            #expect(withReason.status == .seeOther || withReason.status == .found)
            let (_, registration) = try await client.json(.get, "/api/v1/registrations/\(unit)/\(year)", token: token)
            #expect(registration["late"] as? Bool == true && registration["reason"] as? String == "Đơn vị mới sáp nhập")
        }
    }

    @Test func anotherProvinceAndAnAuditorCannotWrite() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let danang = try await P.signIn(client, "canbo.danang", "laurel-demo")
            let foreign = try await P.request(client, .get, "/registrations/\(unit)/\(year)", cookie: danang)
            #expect(foreign.status == .notFound)
            let ownPage = try await P.request(client, .get, "/", cookie: danang)
            let csrf = try #require(P.csrf(in: ownPage.html))
            for path in ["/registrations/\(unit)/\(year)", "/registrations/\(unit)/\(year)/settings"] {
                let write = try await P.request(
                    client, .post, path, cookie: danang, form: ["_csrf": csrf, "collective": "TTLDXS", "deadline": "02-01"])
                #expect(write.status == .notFound, "\(path) answered \(write.status)")
            }
            let auditor = try await P.signIn(client, "kiemtra.hanoi", "laurel-demo")
            let view = try await P.request(client, .get, "/registrations/\(unit)/\(year)", cookie: auditor)
            #expect(view.status == .ok && !view.html.contains("save-registration") && !view.html.contains("registration-settings"))
            let auditorCSRF = try #require(P.csrf(in: view.html))
            let refused = try await P.request(
                client, .post, "/registrations/\(unit)/\(year)/settings", cookie: auditor,
                form: ["_csrf": auditorCSRF, "deadline": "02-01"])
            #expect(refused.status == .forbidden)
            let (_, registration) = try await client.json(.get, "/api/v1/registrations/\(unit)/\(year)", token: token)
            #expect((registration["deadline"] as? String)?.hasSuffix("03-31") == true)
        }
    }

    @Test(arguments: TestDatabases.kinds)
    func theListShowsWhoRegisteredForWhatWithinTheScopeAndExportsIt(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let next = year + 1
            let home = try await client.unitId(code: "HN-S1", token: hanoi)
            let health = try await client.unitId(code: "HN-S4", token: hanoi)
            let (_, people) = try await client.json(.get, "/api/v1/people?unitId=\(health)&per=1", token: hanoi)
            let nurse = try #require((people["items"] as? [[String: Any]])?.first)
            let nurseId = try #require(nurse["id"] as? Int)
            let (s1, _) = try await client.json(
                .put, "/api/v1/registrations/\(home)/\(next)", token: hanoi, body: ["collective": ["TTLDXS"]])
            let (s2, _) = try await client.json(
                .put, "/api/v1/registrations/\(health)/\(next)", token: hanoi,
                body: [
                    "collective": ["TTLDTT"], "individuals": [["personId": nurseId, "code": "CSTDCS", "target": "Đề tài cấp cơ sở"]],
                ])
            #expect(s1 == .ok && s2 == .ok)

            let (status, all) = try await client.json(.get, "/api/v1/registrations?year=\(next)", token: hanoi)
            #expect(status == .ok && all["total"] as? Int == 3)
            // In the tree's order, each unit's own titles before its people.
            #expect((all["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["TTLDXS", "TTLDTT", "CSTDCS"])
            let (_, individuals) = try await client.json(
                .get, "/api/v1/registrations?year=\(next)&subject=individual&code=CSTDCS", token: hanoi)
            let only = try #require((individuals["items"] as? [[String: Any]])?.first)
            #expect(
                individuals["total"] as? Int == 1 && only["personId"] as? Int == nurseId && only["target"] as? String == "Đề tài cấp cơ sở")
            let (_, below) = try await client.json(.get, "/api/v1/registrations?year=\(next)&unitId=\(home)", token: hanoi)
            #expect(below["total"] as? Int == 1)

            let danang = try await client.token("canbo.danang", "laurel-demo")
            let (_, theirs) = try await client.json(.get, "/api/v1/registrations?year=\(next)", token: danang)
            #expect(theirs["total"] as? Int == 0)
            let (foreign, _) = try await client.json(.get, "/api/v1/registrations?year=\(next)&unitId=\(home)", token: danang)
            #expect(foreign == .notFound)
            for bad in ["subject=everyone", "code=NOPE", "year=20x", "late=maybe", "year=1800"] {
                let (refused, body) = try await client.json(.get, "/api/v1/registrations?\(bad)", token: hanoi)
                #expect(refused == .unprocessableContent && body["error"] != nil, "\(bad) answered \(refused)")
            }

            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(hanoi)"
            let csv = try await client.execute(
                uri: "/api/v1/registrations/export?format=csv&year=\(next)", method: .get, headers: headers, body: nil
            ) { response in
                (response.status, String(buffer: response.body))
            }
            #expect(
                csv.0 == .ok && csv.1.contains("Mã đơn vị") && csv.1.contains("Chiến sĩ thi đua cơ sở")
                    && csv.1.contains("Đề tài cấp cơ sở"))
            headers[.acceptLanguage] = "en"
            let english = try await client.execute(
                uri: "/api/v1/registrations/export?format=csv&year=\(next)", method: .get, headers: headers, body: nil
            ) { response in
                String(buffer: response.body)
            }
            #expect(english.contains("Unit code") && english.contains("Grassroots Emulation Fighter"))

            let officer = try await P.signIn(client, "canbo.hanoi", "laurel-demo")
            let page = try await P.request(client, .get, "/registrations?year=\(next)&subject=individual", cookie: officer)
            #expect(
                page.status == .ok && page.html.contains("registrations-table") && page.html.contains(nurse["fullName"] as? String ?? "—"))
            let movements = try await P.request(client, .get, "/movements", cookie: officer)
            #expect(movements.html.contains("href=\"/registrations\""))
        }
    }
}
