import Foundation
import HummingbirdTesting
import LaurelTestSupport
import Testing

/// The audit log and the dashboard speak the reader's language: a localised action and kind of
/// record, the record's name linked, and each changed field as "field: before → after" (issue 11
/// point 2).
@Suite struct AuditPageTests {
    @Test func theLogNamesTheRecordAndShowsWhatChanged() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let token = try await client.token("canbo.hanoi", "laurel-demo")
            let unit = try await client.unitId(code: "HN-S1", token: token)
            let (renamed, _) = try await client.json(
                .patch, "/api/v1/units/\(unit)", token: token, body: ["name": "Sở Nội vụ Hà Nội (mới)"])
            #expect(renamed == .ok)
            let cookie = try await PageTests.signIn(client, "canbo.hanoi", "laurel-demo")
            let log = try await PageTests.request(client, .get, "/audit", cookie: cookie).html
            #expect(log.contains("Cập nhật"))
            #expect(log.contains("<a href=\"/units/\(unit)\">Sở Nội vụ Hà Nội (mới)</a>"))
            #expect(log.contains("Tên: ") && log.contains(" → Sở Nội vụ Hà Nội (mới)"))
            #expect(!log.contains("action_") && !log.contains("entity_") && !log.contains("{&quot;"))
            let dashboard = try await PageTests.request(client, .get, "/", cookie: cookie).html
            #expect(dashboard.contains("Sở Nội vụ Hà Nội (mới)") && !dashboard.contains("action_"))
        }
    }
}
