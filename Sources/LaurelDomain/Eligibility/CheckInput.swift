import Foundation

/// A validated check input: the subjects and, for each, what to check.
public struct CheckInput: Hashable, Sendable {
    public struct Request: Hashable, Sendable {
        public var code: String
        public var year: Int
        public var decisionDate: CalendarDate?

        public init(code: String, year: Int, decisionDate: CalendarDate? = nil) {
            self.code = code
            self.year = year
            self.decisionDate = decisionDate
        }
    }

    public struct Item: Hashable, Sendable {
        public var subject: SubjectHistory
        public var requests: [Request]
    }

    public var items: [Item]

    /// Parses and validates the JSON of docs/check-input.md. `year`, when given, replaces the
    /// year of every check (and is the year of the default "every code" check).
    public static func parse(
        _ data: Data, year: Int? = nil, catalogue: AwardCatalogue = .standard, limits: CheckInputLimits = .none
    ) -> Result<CheckInput, CheckInputErrors> {
        let raw: CheckInputRaw.Input
        do {
            raw = try JSONDecoder().decode(CheckInputRaw.Input.self, from: data)
        } catch let error as DecodingError {
            return .failure(CheckInputErrors(problems: [CheckInputRaw.problem(from: error)]))
        } catch {
            return .failure(
                CheckInputErrors(problems: [
                    CheckInputProblem(subject: nil, field: "input", message: "not JSON: \(error.localizedDescription)")
                ]))
        }
        if let exceeded = limits.exceeded(by: raw) { return .failure(CheckInputErrors(problems: [], exceeded: exceeded)) }
        var validator = CheckInputValidator(catalogue: catalogue, yearOverride: year)
        let items = validator.validate(raw)
        guard validator.problems.isEmpty else { return .failure(CheckInputErrors(problems: validator.problems)) }
        let checks = items.reduce(0) { $0 + $1.requests.count }
        if checks > limits.maxChecks {
            return .failure(CheckInputErrors(problems: [], exceeded: .checks(limit: limits.maxChecks, given: checks)))
        }
        return .success(CheckInput(items: items))
    }
}

/// The input as written, every field optional and every code a string, so that validation can
/// name each bad field instead of stopping at the first.
enum CheckInputRaw {
    struct Input: Decodable {
        var subjects: [Subject]?
        var check: [Check]?
    }

    struct Subject: Decodable {
        var id: String?
        var kind: String?
        var staffCategory: String?
        var holdsManagementPost: Bool?
        var years: [Year]?
        var awards: [Award]?
        var members: [Subject]?
        var memberCount: Int?
        var check: [Check]?
    }

    struct Year: Decodable {
        var year: Int?
        var rating: String?
        var discipline: String?
        var initiatives: [Initiative]?
    }

    struct Initiative: Decodable {
        var id: String?
        var level: String?
        var usedFor: String?
    }

    struct Award: Decodable {
        var code: String?
        var year: Int?
        var status: String?
        var kind: String?
        var decisionNumber: String?
    }

    struct Check: Decodable {
        var code: String?
        var year: Int?
        var decisionDate: String?
    }

    static func problem(from error: DecodingError) -> CheckInputProblem {
        func path(_ keys: [any CodingKey]) -> (String?, String) {
            var parts: [String] = []
            for key in keys {
                if let index = key.intValue {
                    parts.append("[\(index)]")
                } else {
                    parts.append((parts.isEmpty ? "" : ".") + key.stringValue)
                }
            }
            var text = parts.joined()
            var subject: String?
            if text.hasPrefix("subjects["), let close = text.firstIndex(of: "]") {
                subject = String(text[..<text.index(after: close)])
                text = String(text[text.index(after: close)...]).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            }
            return (subject, text.isEmpty ? "input" : text)
        }
        switch error {
        case .typeMismatch(let type, let context):
            let (subject, field) = path(context.codingPath)
            return CheckInputProblem(subject: subject, field: field, message: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            let (subject, field) = path(context.codingPath)
            return CheckInputProblem(subject: subject, field: field, message: "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            let (subject, field) = path(context.codingPath + [key])
            return CheckInputProblem(subject: subject, field: field, message: "missing")
        case .dataCorrupted(let context):
            let (subject, field) = path(context.codingPath)
            return CheckInputProblem(subject: subject, field: field, message: "not valid JSON")
        @unknown default:
            return CheckInputProblem(subject: nil, field: "input", message: "unreadable")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "a " + String(describing: type).lowercased()
        }
    }
}
