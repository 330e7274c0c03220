/// The titles and forms Laurel knows, as data. `AwardCatalogue.standard` is catalogue.md.
public struct AwardCatalogue: Hashable, Sendable, Codable {
    /// Every entry, in catalogue order (titles, then forms).
    public let entries: [AwardCatalogueEntry]

    public init(entries: [AwardCatalogueEntry]) {
        self.entries = entries
    }

    public func entry(for code: String) -> AwardCatalogueEntry? {
        entries.first { $0.code == code }
    }

    /// Codes an award of this kind of subject may be checked for, in catalogue order.
    public func codes(for kind: SubjectKind) -> [String] {
        entries.filter { $0.isFor(kind) }.map(\.code)
    }

    public var codes: [String] { entries.map(\.code) }
}

extension CalendarDate {
    /// A date written in code; traps on an impossible one, which is a programming error.
    static func known(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            preconditionFailure("impossible date \(year)-\(month)-\(day)")
        }
        return date
    }

    /// 1 January 2024: Law 06/2022 and Decree 98/2023 take effect.
    static let law2022InForce = CalendarDate.known(2024, 1, 1)
    /// 1 July 2025: Decree 152/2025 replaces Decree 98/2023.
    static let decree152InForce = CalendarDate.known(2025, 7, 1)
}
