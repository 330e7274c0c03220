import ArgumentParser
import Foundation
import LaurelDomain

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check subjects' histories against the law's rules, without a database.",
        discussion:
            "Reads the JSON described in docs/check-input.md and prints one verdict per subject and award as a JSON line. Bad input is reported by subject and field, and exits with status 2."
    )

    @Option(name: .long, help: "The input file (JSON); '-' reads standard input.") var input: String
    @Option(name: .long, help: "Judge every check in this year instead of the one given in the input.") var year: Int?

    func run() async throws {
        let data: Data
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: input) else {
                FileHandle.standardError.write(Data("cannot read \(input)\n".utf8))
                throw ExitCode(2)
            }
            data = contents
        }
        switch EligibilityCheckRun.run(input: data, year: year) {
        case .success(let lines):
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")).utf8))
        case .failure(let errors):
            for problem in errors.problems {
                let line = ["subject": problem.subject ?? "", "field": problem.field, "message": problem.message]
                let json = (try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])) ?? Data()
                FileHandle.standardError.write(json + Data("\n".utf8))
            }
            throw ExitCode(2)
        }
    }
}
