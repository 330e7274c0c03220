import Foundation

/// One bad row (or a problem with the whole file, as row 0): what the dry run lists.
public struct ImportProblem: Sendable, Equatable {
    let row: Int
    let column: String?
    let key: String
    let arguments: [String]

    init(row: Int, column: String? = nil, _ key: String, _ arguments: String...) {
        self.init(row: row, column: column, key: key, arguments: arguments)
    }

    init(row: Int, column: String?, key: String, arguments: [String]) {
        self.row = row
        self.column = column
        self.key = key
        self.arguments = arguments
    }
}

/// What an import answers: `{"rows","imported","errors":[{"row","column","message"}]}`.
struct ImportReport: Codable, APIResponseBody {
    struct Problem: Codable, Sendable, Equatable {
        let row: Int
        let column: String?
        let message: String
        let code: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row, forKey: .row)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            try container.encode(code, forKey: .code)
        }
    }

    var kind: String
    var dryRun: Bool
    var rows: Int
    var imported: Int
    var errors: [Problem]
    /// How many problems there were in all, when the list was cut short.
    var errorCount: Int
}
