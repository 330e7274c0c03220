import Foundation
import ZIPFoundation

/// The ZIP container of an XLSX file, checked against the zip-bomb caps when opened.
///
/// Holds only the source (a file URL or the uploaded bytes) and the entry names, so it is `Sendable`;
/// each read opens its own `Archive`, which lets a background thread decompress while the caller parses.
struct XlsxArchive: Sendable {
    enum Source: Sendable {
        case file(URL)
        case data(Data)
    }

    let source: Source
    let limits: SpreadsheetLimits
    /// Entry path → declared uncompressed size.
    private let entrySizes: [String: UInt64]
    /// Lower-cased path → path as stored, for writers that disagree with their own relationships on case.
    private let pathsByLowercase: [String: String]

    init(source: Source, limits: SpreadsheetLimits) throws {
        self.source = source
        self.limits = limits
        try Self.checkSignature(of: source, limits: limits)
        let archive = try Self.open(source)
        var sizes: [String: UInt64] = [:]
        var lowercase: [String: String] = [:]
        var total: UInt64 = 0
        for entry in archive {
            guard sizes.count < limits.maxEntries else { throw SpreadsheetError.zipBomb(entry: entry.path) }
            let path = Self.normalise(entry.path)
            let size = entry.uncompressedSize
            let packed = max(entry.compressedSize, 1)
            total += size
            if size > UInt64(limits.maxEntrySize) || total > UInt64(limits.maxTotalUncompressedSize) {
                throw SpreadsheetError.zipBomb(entry: path)
            }
            if size > UInt64(limits.ratioCheckThreshold), size / packed > UInt64(limits.maxCompressionRatio) {
                throw SpreadsheetError.zipBomb(entry: path)
            }
            sizes[path] = size
            lowercase[path.lowercased()] = path
        }
        self.entrySizes = sizes
        self.pathsByLowercase = lowercase
    }

    /// The stored path for a part name, matched without regard to case or a leading `/`.
    func path(for name: String) -> String? {
        let clean = Self.normalise(name)
        if entrySizes[clean] != nil { return clean }
        return pathsByLowercase[clean.lowercased()]
    }

    func declaredSize(of path: String) -> UInt64 { entrySizes[path] ?? 0 }

    /// Opens a fresh `Archive` on the source; ZIPFoundation's errors all mean "not a ZIP file".
    static func open(_ source: Source) throws -> Archive {
        do {
            switch source {
            case .file(let url): return try Archive(url: url, accessMode: .read)
            case .data(let data): return try Archive(data: data, accessMode: .read)
            }
        } catch {
            throw SpreadsheetError.notAZipFile
        }
    }

    private static func normalise(_ path: String) -> String {
        var clean = path.replacingOccurrences(of: "\\", with: "/")
        while clean.hasPrefix("/") { clean.removeFirst() }
        return clean
    }

    private static func checkSignature(of source: Source, limits: SpreadsheetLimits) throws {
        let head: Data
        let size: Int
        switch source {
        case .data(let data):
            head = data.prefix(8)
            size = data.count
        case .file(let url):
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
            size = Int(try handle.seekToEnd())
        }
        guard size <= limits.maxFileSize else { throw SpreadsheetError.fileTooLarge(limit: limits.maxFileSize) }
        switch FileSignature(head) {
        case .zip: return
        case .ole2: throw SpreadsheetError.legacyExcelFormat
        default: throw SpreadsheetError.notAZipFile
        }
    }
}
