import Foundation
import LaurelDomain

/// The eligibility scenario of `laurel bench`: every title and form for N people with 10 years
/// of synthetic, deterministic history, checked in memory on every core.
public struct EligibilityFigures: Codable {
    var people = 0, years = 0, checks = 0, eligible = 0
    var generateSeconds = 0.0, checkSeconds = 0.0, checksPerSecond = 0.0

    public static func measure(people: Int, years: Int, seed: UInt64) async -> EligibilityFigures {
        var figures = EligibilityFigures(people: people, years: years)
        let start = ContinuousClock.now
        let histories = SyntheticHistories.generate(count: people, years: years, seed: seed)
        figures.generateSeconds = seconds(since: start)
        // Build the engine before the clock starts: compiling the rules is start-up work.
        let engine = EligibilityEngine.standard
        let checking = ContinuousClock.now
        let counts = await BatchCheck.checkAll(histories, engine: engine, workers: ProcessInfo.processInfo.activeProcessorCount)
        figures.checkSeconds = seconds(since: checking)
        figures.checks = counts.checks
        figures.eligible = counts.eligible
        figures.checksPerSecond = Double(counts.checks) / max(figures.checkSeconds, 1e-9)
        return figures
    }

    public func line() -> String {
        String(
            format:
                "eligibility (in memory) | %d people × %d years | %d checks | generate %.2f s | check %.2f s | %.0f checks/s | %d eligible",
            people, years, checks, generateSeconds, checkSeconds, checksPerSecond, eligible)
    }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// The median of `runs` timings of `body`, in milliseconds.
func median(runs: Int, _ body: () async throws -> Void) async throws -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try await body()
        times.append(seconds(since: start) * 1000)
    }
    return times.sorted()[times.count / 2]
}
