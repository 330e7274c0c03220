import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDomain
import LaurelServer
import LaurelTestSupport
import NIOCore
import Testing

/// The dossier pages as a browser without JavaScript uses them: the form from a unit's people,
/// the dossier with its verdicts, a document upload, and a submission refused with its reasons.
@Suite struct NominationPageTests {
    typealias P = PageTests

    @Test(arguments: TestDatabases.kinds)
    func anOfficerStartsADossierFromAUnitsPeopleAndSeesWhatIsMissing(_ kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind, configuration: .init(bcryptCost: 4, signInFirstDelay: 60, clock: .fixed(CalendarDate("2026-03-10")!))) {
            client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let school = try await client.unitId(code: "HN-X1-TH", token: token)
            let (_, people) = try await client.json(.get, "/api/v1/people?unitId=\(school)&per=1", token: token)
            let person = try #require((people["items"] as? [[String: Any]])?.first)
            let personId = try #require(person["id"] as? Int)
            let name = try #require(person["fullName"] as? String)
            let cookie = try await P.signIn(client, "canbo.hanoi", "laurel-demo")

            // The eligibility page offers the "đề nghị" form for an individual code; an auditor is not offered it.
            let eligibility = try await P.request(client, .get, "/eligibility?unitId=\(school)&code=LDTT&year=2025", cookie: cookie)
            #expect(
                eligibility.status == .ok && eligibility.html.contains("id=\"propose-form\" ")
                    && eligibility.html.contains("action=\"/nominations/new\""))
            let auditor = try await P.signIn(client, "kiemtra.hanoi", "laurel-demo")
            #expect(
                !(try await P.request(client, .get, "/eligibility?unitId=\(school)&code=LDTT&year=2025", cookie: auditor).html.contains(
                    "propose-form")))
            let form = try await P.request(client, .get, "/nominations/new?unitId=\(school)&person=\(personId)", cookie: cookie)
            #expect(form.status == .ok)
            #expect(form.html.contains("value=\"\(personId)\" checked"))
            let csrf = try #require(P.csrf(in: form.html))
            let created = try await P.request(
                client, .post, "/nominations", cookie: cookie,
                form: [
                    "_csrf": csrf, "proposerUnitId": String(school), "code": "GK", "year": "2025", "kind": "ad_hoc",
                    "person": String(personId), "achievement": "Cứu người trong lũ",
                ])
            #expect(created.status == .seeOther || created.status == .found)
            let location = try #require(created.location)
            #expect(location.hasPrefix("/nominations/") && location.hasSuffix("?done=created"))
            let id = try #require(Int(location.dropFirst("/nominations/".count).prefix { $0.isNumber }))

            let page = try await P.request(client, .get, location, cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.html.contains(name) && page.html.contains("Đang soạn") && page.html.contains("Đã lập hồ sơ."))
            let refused = try await P.request(
                client, .post, "/nominations/\(id)/act", cookie: cookie, form: ["_csrf": csrf, "action": "submit"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("Thiếu tờ trình.") && refused.html.contains("Thiếu báo cáo thành tích của \(name)."))

            let list = try await P.request(client, .get, "/nominations", cookie: cookie)
            #expect(list.status == .ok && list.html.contains("/nominations/\(id)"))
            // Another province's officer is told it does not exist.
            let danang = try await P.signIn(client, "canbo.danang", "laurel-demo")
            #expect(try await P.request(client, .get, "/nominations/\(id)", cookie: danang).status == .notFound)
        }
    }
}
