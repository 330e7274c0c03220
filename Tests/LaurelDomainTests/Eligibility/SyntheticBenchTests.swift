import Foundation
import Testing

@testable import LaurelDomain

@Suite("Synthetic histories and the all-codes check")
struct SyntheticBenchTests {
    @Test("the generator repeats for a seed and differs between seeds")
    func generatorIsDeterministic() {
        let a = SyntheticHistories.generate(count: 50, seed: 7)
        let b = SyntheticHistories.generate(count: 50, seed: 7)
        let c = SyntheticHistories.generate(count: 50, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(a.allSatisfy { $0.years.count == 10 })
    }

    @Test("parallel and serial checks count the same, and agree with one-by-one verdicts")
    func parallelMatchesSerial() async {
        let people = SyntheticHistories.generate(count: 300, seed: 11)
        let serial = SyntheticHistories.checkAll(people)
        let parallel = await SyntheticHistories.checkAll(people, workers: 3)
        #expect(serial == parallel)
        #expect(serial.subjects == 300)
        #expect(serial.checks == 300 * AwardCatalogue.standard.codes(for: .individual).count)
        #expect(serial.eligible > 0 && serial.eligibleLater > 0 && serial.never > 0)
        // The fast all-codes path and the explained path give the same answers.
        let engine = EligibilityEngine.standard
        for person in people.prefix(60) {
            let year = person.years.last!.year
            for outcome in engine.outcomes(for: person, year: year) {
                let verdict = engine.verdict(for: person, code: outcome.code, year: year)
                #expect(verdict.eligible == outcome.eligible, "\(person.id) \(outcome.code)")
                #expect(verdict.eligibleFrom == outcome.eligibleFrom, "\(person.id) \(outcome.code)")
                #expect(engine.isEligible(person, code: outcome.code, year: year) == outcome.eligible)
            }
        }
    }

    /// `LAUREL_BENCH=100000 swift test -c release --filter bench` prints the figure.
    @Test("bench: every code for N people", .enabled(if: ProcessInfo.processInfo.environment["LAUREL_BENCH"] != nil))
    func bench() async {
        let count = Int(ProcessInfo.processInfo.environment["LAUREL_BENCH"] ?? "") ?? 100_000
        let clock = ContinuousClock()
        var people: [SubjectHistory] = []
        let made = clock.measure { people = SyntheticHistories.generate(count: count, seed: 2025) }
        var serial = SyntheticHistories.Counts(codes: [])
        let one = clock.measure { serial = SyntheticHistories.checkAll(people) }
        var parallel = SyntheticHistories.Counts(codes: [])
        let start = clock.now
        parallel = await SyntheticHistories.checkAll(people, workers: 2)
        let two = clock.now - start
        print("bench: generated \(count) people in \(made); checked \(serial.checks) in \(one) on 1 worker, \(two) on 2")
        print("bench: eligible \(serial.eligible), later \(serial.eligibleLater), never \(serial.never)")
        for row in serial.perCode where row.eligible + row.eligibleLater + row.never > 0 {
            print("bench: \(row.code) eligible \(row.eligible) later \(row.eligibleLater) never \(row.never)")
        }
        #expect(serial == parallel)
    }
}
