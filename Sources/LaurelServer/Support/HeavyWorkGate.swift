import Foundation

/// Lets a few CPU-heavy requests run at once (eligibility over many subjects, quota checks, whole
/// exports), queues a few more, and turns the rest away with 503 and `Retry-After`: on a machine of
/// two cores, two large requests must not be able to make `/health` and every list wait.
actor HeavyWorkGate {
    let running: Int
    let queued: Int
    private var active = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(running: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), queued: Int = 8) {
        self.running = running
        self.queued = queued
    }

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await enter()
        defer { leave() }
        return try await work()
    }

    private func enter() async throws {
        if active < running {
            active += 1
            return
        }
        guard waiting.count < queued else {
            throw APIError(status: .serviceUnavailable, code: "busy", key: "error.server_busy", retryAfter: 5)
        }
        // The slot is handed over by `leave`, which keeps `active` as it is.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            active -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
