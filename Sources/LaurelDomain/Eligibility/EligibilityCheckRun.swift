import Foundation

/// The core of `laurel check`: input JSON in, one JSON verdict per line out. Bad input is
/// reported by subject and field, and then nothing is checked.
public enum EligibilityCheckRun {
    /// One line per check, in input order: subjects in order, then their checks (the top-level
    /// ones that apply to the subject's kind first, then its own).
    public static func run(
        input: Data, year: Int? = nil, engine: EligibilityEngine = .standard
    ) -> Result<[String], CheckInputErrors> {
        verdicts(input: input, year: year, engine: engine).map { $0.map(VerdictLine.json) }
    }

    /// The same checks as values.
    public static func verdicts(
        input: Data, year: Int? = nil, engine: EligibilityEngine = .standard, limits: CheckInputLimits = .none
    ) -> Result<[EligibilityVerdict], CheckInputErrors> {
        CheckInput.parse(input, year: year, catalogue: engine.catalogue, limits: limits).map { parsed in
            parsed.items.flatMap { item in
                item.requests.map { request in
                    engine.verdict(
                        for: item.subject, code: request.code, year: request.year,
                        decisionDate: request.decisionDate)
                }
            }
        }
    }
}

/// The output line of docs/check-input.md, keys in a fixed order.
enum VerdictLine {
    static func json(_ verdict: EligibilityVerdict) -> String {
        var out = "{\"subject\": " + quoted(verdict.subject)
        out += ", \"code\": " + quoted(verdict.code)
        out += ", \"year\": \(verdict.year)"
        out += ", \"eligible\": \(verdict.eligible)"
        out += ", \"conditions\": ["
        out += verdict.conditions.map { condition in
            "{\"id\": " + quoted(condition.id) + ", \"met\": \(condition.met), \"detail\": " + quoted(condition.detail) + "}"
        }.joined(separator: ", ")
        out += "], \"basis\": " + quoted(verdict.basis)
        out += ", \"eligibleFrom\": " + (verdict.eligibleFrom.map(String.init) ?? "null")
        out += ", \"bonusVND\": " + (verdict.bonusVND.map(String.init) ?? "null")
        return out + "}"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
