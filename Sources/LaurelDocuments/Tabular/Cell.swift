/// One cell as read from a file: its value plus what the importer must know about where it came from.
public struct Cell: Hashable, Sendable {
    public var value: CellValue
    /// The formula text when the cell holds a formula (possibly empty for a shared formula);
    /// `value` is then the result cached by the program that saved the file, which may be stale.
    public var formula: String?
    /// True when the cell lies inside a merged range (`<mergeCell ref="…">`).
    public var isMerged: Bool

    public init(_ value: CellValue, formula: String? = nil, isMerged: Bool = false) {
        self.value = value
        self.formula = formula
        self.isMerged = isMerged
    }

    public static let empty = Cell(.empty)

    public var isFormula: Bool { formula != nil }

    /// See `CellValue.text`.
    public var text: String { value.text }
}
