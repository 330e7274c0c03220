/// Caps applied while reading untrusted uploads. The defaults fit an office's imports with room to spare.
public struct SpreadsheetLimits: Hashable, Sendable {
    /// Largest accepted file, compressed (XLSX) or raw (CSV).
    public var maxFileSize: Int
    /// Largest uncompressed size of one ZIP entry.
    public var maxEntrySize: Int
    /// Largest uncompressed size of all entries read from one file.
    public var maxTotalUncompressedSize: Int
    /// Largest uncompressed/compressed ratio of an entry bigger than `ratioCheckThreshold` (100, as
    /// Apache POI's `ZipSecureFile`; real sheets stay far below it).
    public var maxCompressionRatio: Int
    public var ratioCheckThreshold: Int
    /// Most entries in the ZIP directory.
    public var maxEntries: Int
    /// Most rows delivered from one sheet (blank rows are not delivered and not counted).
    public var maxRows: Int
    /// Highest column number holding a value (A = 1).
    public var maxColumns: Int
    /// Longest text of one cell or shared string, in UTF-8 bytes, checked while it is read: Excel holds
    /// at most 32,767 characters in a cell, which is at most this many bytes. A sheet with one huge
    /// cell is refused at the first fragment past it instead of after inflating and joining it all.
    public var maxCellBytes: Int
    /// Most text kept in memory for the shared-string table, in UTF-8 bytes.
    public var maxSharedStringBytes: Int

    public init(
        maxFileSize: Int = 50 << 20,
        maxEntrySize: Int = 256 << 20,
        maxTotalUncompressedSize: Int = 384 << 20,
        maxCompressionRatio: Int = 100,
        ratioCheckThreshold: Int = 1 << 20,
        maxEntries: Int = 10_000,
        maxRows: Int = 200_000,
        maxColumns: Int = 1_000,
        maxCellBytes: Int = 32_767 * 4,
        maxSharedStringBytes: Int = 64 << 20
    ) {
        self.maxFileSize = maxFileSize
        self.maxEntrySize = maxEntrySize
        self.maxTotalUncompressedSize = maxTotalUncompressedSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
        self.maxEntries = maxEntries
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCellBytes = maxCellBytes
        self.maxSharedStringBytes = maxSharedStringBytes
    }
}
