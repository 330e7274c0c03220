import Foundation
import Hummingbird
import LaurelDomain

/// Why a form of the cluster pages was refused: the errors by field and the answer's status —
/// 403 when the store says this identity may not do it, 422 otherwise. A "not found" without a
/// field is not a form problem: it is rethrown, so the page answers 404.
struct FormRefusal {
    let errors: [DomainError]
    let status: HTTPResponse.Status

    static let none = FormRefusal(errors: [], status: .ok)

    init(errors: [DomainError], status: HTTPResponse.Status) {
        self.errors = errors
        self.status = status
    }

    init(_ error: any Error) throws {
        switch error {
        case let refused as ValidationErrors:
            self.init(errors: refused.errors, status: .unprocessableContent)
        case let refused as DomainError where refused.kind != .notFound || refused.field != nil:
            self.init(errors: [refused], status: refused.kind == .forbidden ? .forbidden : .unprocessableContent)
        default:
            throw error
        }
    }

    var isEmpty: Bool { errors.isEmpty }

    /// The first message for `field`, for the text beside the input.
    func message(_ field: String, _ pages: PageRenderer, _ context: some SignedInRequestContext) -> String? {
        errors.first { $0.field == field }.map { pages.localisation.message($0, context.locale) }
    }

    /// The messages of the errors no input of the page shows, for the alert at the top.
    func others(shown: (String) -> Bool, _ pages: PageRenderer, _ context: some SignedInRequestContext) -> [String] {
        errors.filter { $0.field.map { !shown($0) } ?? true }.map { pages.localisation.message($0, context.locale) }
    }

    /// Every message in one line, for a flash.
    func flash(_ pages: PageRenderer, _ context: some SignedInRequestContext) -> String {
        errors.map { pages.localisation.message($0, context.locale) }.joined(separator: " ")
    }
}

/// Numbers typed in a form: "18,5" as well as "18.5", and the typographic minus.
enum FormNumber {
    static func normalised(_ raw: String?) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")
    }

    static func points(_ raw: String?) -> Points? { normalised(raw).flatMap { Points($0) } }

    static func decimal(_ raw: String?) -> Decimal? {
        guard let text = normalised(raw), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

/// A table typed into a form as rows of inputs named `<prefix><row>_<name>`, with a hidden `rows`
/// count. Rows left blank (selects aside: they always send a value) are skipped; `kept[k]` is the form row of the k-th row sent on, so an
/// error on `criteria.k.code` is shown beside the right input.
struct FormRows {
    static let limit = 300
    let values: [[String: String]]
    let kept: [Int]

    init(_ form: FormData, prefix: String, names: [String], selects: Set<String>, countField: String = "rows") {
        let count = min(Int(form[countField] ?? "") ?? 0, Self.limit)
        var values: [[String: String]] = []
        var kept: [Int] = []
        for row in 0..<max(count, 0) {
            var line: [String: String] = [:]
            for name in names { line[name] = (form["\(prefix)\(row)_\(name)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
            values.append(line)
            if line.contains(where: { !selects.contains($0.key) && !$0.value.isEmpty }) { kept.append(row) }
        }
        self.values = values
        self.kept = kept
    }

    /// The index among the kept rows of form row `row`, if it was sent on.
    func keptIndex(_ row: Int) -> Int? { kept.firstIndex(of: row) }
}
