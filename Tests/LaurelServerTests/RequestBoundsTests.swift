import Foundation
import Hummingbird
import HummingbirdTesting
import LaurelTestSupport
import NIOCore
import Testing

@testable import LaurelServer

/// Work that grows with the input is bounded before it starts: the eligibility check's subjects and
/// checks, every list in a JSON body, and how many heavy requests run at once.
@Suite struct RequestBoundsTests {
    static func subjects(_ count: Int) -> [[String: Any]] {
        (0..<count).map { ["id": "s\($0)", "kind": "individual", "years": [["year": 2024, "rating": "excellent"]]] }
    }

    @Test func anEligibilityCheckOfTooManySubjectsIsRefusedWithTheLimit() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let staff = try await client.token("nhanvien.hanoi", "laurel-demo")
            let (status, body) = try await client.json(
                .post, "/api/v1/eligibility/check", token: staff, body: ["subjects": Self.subjects(1_001)])
            #expect(status == .contentTooLarge)
            #expect(body.error["field"] as? String == "subjects")
            #expect((body.error["message"] as? String)?.contains("1000") == true)
            // Within the subject cap, but every code for each asks for too many verdicts.
            let (checks, checksBody) = try await client.json(
                .post, "/api/v1/eligibility/check", token: staff, body: ["subjects": Self.subjects(1_000)])
            #expect(checks == .contentTooLarge && checksBody.error["field"] as? String == "check")
            let (fine, verdicts) = try await client.json(
                .post, "/api/v1/eligibility/check", token: staff, body: ["subjects": Self.subjects(3)])
            #expect(fine == .ok && (verdicts["verdicts"] as? [Any])?.isEmpty == false)
        }
    }

    @Test func aBodyLargerThanTheCheckRouteTakesIsRefused() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let staff = try await client.token("nhanvien.hanoi", "laurel-demo")
            let raw = "{\"subjects\": [" + String(repeating: " ", count: 5 << 20) + "]}"
            let (status, _) = try await client.json(.post, "/api/v1/eligibility/check", token: staff, raw: raw)
            #expect(status == .contentTooLarge)
        }
    }

    @Test func aListLongerThanAnyRouteTakesIsRefusedBeforeTheHandlerWalksIt() async throws {
        try await TestApp.run(.sqlite) { client, _ in
            let officer = try await client.token("canbo.hanoi", "laurel-demo")
            let voters = Array(1...2_001)
            let (status, body) = try await client.json(
                .post, "/api/v1/ballots", token: officer,
                body: ["purpose": "x", "subject": ["kind": "season", "id": 1], "voters": voters])
            #expect(status == .contentTooLarge && body.error["field"] as? String == "voters")
            let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
            let (nested, _) = try await client.json(.post, "/api/v1/ballots", token: officer, raw: "{\"voters\": \(deep)}")
            #expect(nested == .unprocessableContent)
        }
    }

    @Test func heavyWorkBeyondTheQueueIsTurnedAwayWithRetryAfter() async throws {
        let gate = HeavyWorkGate(running: 1, queued: 1)
        let (release, releaser) = AsyncStream<Void>.makeStream()
        async let first: Void = gate.run { for await _ in release { break } }
        try await Task.sleep(for: .milliseconds(50))
        async let second: Int = gate.run { 2 }
        try await Task.sleep(for: .milliseconds(50))
        await #expect(throws: APIError.self) { try await gate.run { 3 } }
        do {
            _ = try await gate.run { 3 }
        } catch let error as APIError {
            #expect(error.status == .serviceUnavailable && error.retryAfter == 5)
        }
        releaser.yield()
        try await first
        #expect(try await second == 2)
        #expect(try await gate.run { 4 } == 4)
    }
}
