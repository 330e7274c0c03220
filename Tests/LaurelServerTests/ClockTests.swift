import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelDomain
import LaurelServer
import LaurelTestSupport
import Testing

/// Issue 15 point 5: "today" comes from the app's clock, so a test can fix it: the same report is on
/// time on 20 June and late on 10 July (its deadline is 30 June 2025).
@Suite struct ClockTests {
    @Test(arguments: [("2025-06-20", false), ("2025-07-10", true)])
    func aReportIsLateOrNotByTheAppsClock(day: String, late: Bool) async throws {
        var configuration = TestApp.configuration
        configuration.clock = .fixed(try #require(CalendarDate(day)))
        try await TestApp.run(.sqlite, configuration: configuration) { client, _ in
            let hanoi = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: hanoi)
            let department = try await client.unitId(code: "HN-S1", token: hanoi)
            let (id, deadlines) = try await MovementPageTests.movement(
                client, token: hanoi, launcher: hn,
                deadlines: [["title": "Sơ kết", "dueDate": "2025-06-30"]])
            let (launched, movement) = try await client.json(.post, "/api/v1/movements/\(id)/launch", token: hanoi, body: [:])
            #expect(launched == .ok && movement["launchedOn"] as? String == day, "\(movement.object)")
            let (reported, report) = try await client.json(
                .post, "/api/v1/movements/\(id)/reports", token: hanoi,
                body: [
                    "unitId": department, "deadlineId": deadlines[0], "text": "Sơ kết 6 tháng", "figures": ["tap_the_BK": 1],
                ])
            #expect(reported == .created && report["late"] as? Bool == late, "\(report.object)")
        }
    }
}

/// Issue 15 point 5: one catalogue, read from the database: a code an administrator adds can be
/// planned in a movement and asked of the eligibility check at once (both refused it before, as they
/// checked the compiled catalogue).
@Suite struct LiveCatalogueTests {
    @Test(arguments: TestDatabases.kinds)
    func aCodeAnAdministratorAddsIsUsableEverywhereAtOnce(kind: TestDatabases.Kind) async throws {
        try await TestApp.run(kind) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let hn = try await client.unitId(code: "HN", token: officer)
            func plan(_ code: String) async throws -> (HTTPResponse.Status, JSONBody) {
                try await client.json(
                    .post, "/api/v1/movements", token: officer,
                    body: [
                        "name": "Thi đua vì sự nghiệp Nội vụ", "launcherUnitId": hn, "kind": "thematic", "startDate": "2025-01-01",
                        "endDate": "2025-12-31", "plannedForms": [code],
                    ])
            }
            let (before, refusal) = try await plan("BANG_KNC_NV")
            #expect(before == .unprocessableContent && refusal.error["field"] as? String == "plannedForms.0")
            let admin = try await client.token("admin", "laurel-admin")
            let (added, _) = try await client.json(
                .post, "/api/v1/catalogue", token: admin,
                body: [
                    "code": "BANG_KNC_NV", "nameVi": "Bằng khen của Bộ trưởng Bộ Nội vụ (thử)",
                    "nameEn": "Home Affairs certificate (trial)",
                    "subjectKinds": ["individual", "collective"], "awardingLevel": "ministry_province", "coefficientIndividual": 1.0,
                    "coefficientCollective": 2.0, "legalBasis": "Thông tư 5/2024/TT-BNV",
                ])
            #expect(added == .created)
            let (after, movement) = try await plan("BANG_KNC_NV")
            #expect(after == .created && movement["plannedForms"] as? [String] == ["BANG_KNC_NV"], "\(movement.object)")
            // The eligibility check knows the code (no rule of its own: it says it cannot judge, not that the code is unknown).
            let (checked, verdicts) = try await client.json(
                .post, "/api/v1/eligibility/check", token: officer,
                body: [
                    "subjects": [
                        [
                            "id": "a", "kind": "individual", "years": [["year": 2024, "rating": "excellent"]],
                            "check": [["code": "BANG_KNC_NV", "year": 2025]],
                        ]
                    ]
                ])
            #expect(checked == .ok, "\(verdicts.object)")
            let (unknown, _) = try await client.json(
                .post, "/api/v1/eligibility/check", token: officer,
                body: [
                    "subjects": [
                        [
                            "id": "a", "kind": "individual", "years": [["year": 2024, "rating": "excellent"]],
                            "check": [["code": "NOT_A_CODE", "year": 2025]],
                        ]
                    ]
                ])
            #expect(unknown == .unprocessableContent)
        }
    }
}
