/// A pointer into a legal document: document, article, clause, point.
public struct LegalReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The document's number and short name, e.g. "Law 06/2022/QH15", "Decree 152/2025/NĐ-CP".
    public var document: String
    public var article: Int?
    public var clause: Int?
    public var point: String?

    public init(_ document: String, article: Int? = nil, clause: Int? = nil, point: String? = nil) {
        self.document = document
        self.article = article
        self.clause = clause
        self.point = point
    }

    /// "Law 06/2022/QH15 Art 74(1)(d)".
    public var description: String {
        var text = document
        if let article { text += " Art \(article)" }
        if let clause { text += "(\(clause))" }
        if let point { text += "(\(point))" }
        return text
    }

    public static let law2022 = "Law 06/2022/QH15"
    public static let decree98 = "Decree 98/2023/NĐ-CP"
    public static let decree152 = "Decree 152/2025/NĐ-CP"

    public static func law(_ article: Int, _ clause: Int? = nil, _ point: String? = nil) -> LegalReference {
        LegalReference(law2022, article: article, clause: clause, point: point)
    }
}
