/// CSV/formula-injection defence (OWASP "CSV Injection"), shared by the CSV and XLSX writers.
///
/// A text that a spreadsheet program could take for a formula gets a leading apostrophe, so that
/// `=HYPERLINK(…)` typed into a name field is shown, not run, when an officer opens the export.
public enum FormulaInjection {
    /// `=`, `+`, `-`, `@`, tab and carriage return start a formula or a DDE payload.
    public static func isDangerous(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    /// The text with a leading `'` when it is dangerous, else unchanged.
    public static func neutralize(_ text: String) -> String {
        isDangerous(text) ? "'" + text : text
    }
}
