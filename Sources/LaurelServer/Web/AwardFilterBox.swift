import Foundation
import Hummingbird

/// The "has / has not received X in year Y" fields of the people list, as the form shows them,
/// and the query that carries the list's filters to its exports.
struct AwardFilterBox {
    let code: String
    let year: String
    let hasNot: Bool
    let exportQuery: String

    init(code: String, year: String, hasNot: Bool, exportQuery: String) {
        self.code = code
        self.year = year
        self.hasNot = hasNot
        self.exportQuery = exportQuery
    }

    init(_ request: Request) {
        self.init(
            code: request.query("awardCode") ?? "", year: request.query("awardYear") ?? "", hasNot: request.query("hasAward") == "false",
            exportQuery: "")
    }

    var query: [String: String] {
        guard !code.isEmpty else { return [:] }
        return ["awardCode": code, "awardYear": year, "hasAward": hasNot ? "false" : ""]
    }

    func with(exportQuery query: [String: String]) -> AwardFilterBox {
        let text = query.filter { !$0.value.isEmpty && $0.key != "sort" }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return AwardFilterBox(code: code, year: year, hasNot: hasNot, exportQuery: text)
    }
}
