import Foundation
import LaurelDomain
import Testing

@testable import LaurelBench

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
        let serial = BatchCheck.checkAll(people)
        let parallel = await BatchCheck.checkAll(people, workers: 3)
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
}
