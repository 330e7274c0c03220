import ArgumentParser
import Foundation
import LaurelBench
import LaurelServer
import LaurelStore
import Logging

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Laurel on synthetic data: insert, subtree query, search and the people list API.")
    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "Units in the synthetic province.") var units = 2000
    @Option(name: .long, help: "People in the synthetic province.") var people = 100_000
    @Option(name: .long, help: "Years of history (used by later scenarios).") var years = 5
    @Option(name: .long, help: "Requests for the API load test.") var requests = 2000
    @Option(name: .long, help: "Concurrent clients for the API load test.") var concurrency = 8
    @Option(name: .long, help: "Seed of the generator.") var seed: UInt64 = 42
    @Option(name: .long, help: "Write the results as JSON to this file.") var json: String?
    @Option(name: .customLong("eligibility-people"), help: "People whose every title and form is checked in memory (0 to skip).")
    var eligibilityPeople = 100_000

    func run() async throws {
        let report = try await BenchRunner(
            units: units, people: people, requests: requests, concurrency: concurrency, seed: seed, database: options.database
        ).run()
        print(report.table())
        var eligibility: EligibilityFigures?
        if eligibilityPeople > 0 {
            let figures = await EligibilityFigures.measure(people: eligibilityPeople, years: max(years, 10), seed: seed)
            print("\n" + figures.line())
            eligibility = figures
        }
        if let json {
            struct Output: Encodable {
                let organisation: BenchRunner.Report
                let eligibility: EligibilityFigures?
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(Output(organisation: report, eligibility: eligibility)).write(to: URL(fileURLWithPath: json))
            print("JSON written to \(json)")
        }
    }
}
