import LaurelDomain

extension StoredDate {
    /// A nullable date column: absent stays absent, present must read.
    static func read(_ text: String?, _ column: String) throws -> CalendarDate? {
        try text.map { try read($0, column) }
    }
}
