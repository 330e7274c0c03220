import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses one part of an XLSX archive as a stream: a background thread inflates the entry in 64 KiB
/// chunks into a `ChunkPipe`, and `XMLParser` pulls from it on the caller's thread, where the handler
/// (and so the caller's row callback) runs. Memory stays at a few chunks whatever the part's size.
enum XMLPartReader {
    static let chunkSize = 64 << 10

    static func parse(_ path: String, in archive: XlsxArchive, with handler: some XMLPartHandler) throws {
        let pipe = ChunkPipe()
        startInflating(path, in: archive, into: pipe)
        let stream = ChunkInputStream(pipe: pipe)
        let parser = XMLParser(stream: stream)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        let parsed = parser.parse()
        pipe.cancelAndWait()

        if let failure = handler.failure { throw failure }
        if let error = pipe.error { throw error }
        if stream.refusedDTD { throw SpreadsheetError.unsafeXML(part: path) }
        if !parsed {
            let detail = parser.parserError.map { "line \(parser.lineNumber): \($0.localizedDescription)" }
            throw SpreadsheetError.malformedXML(part: path, detail: detail ?? "unreadable XML")
        }
    }

    /// Inflates an entry chunk by chunk, calling `body` on the caller's thread; for byte-level scans.
    static func forEachChunk(of path: String, in archive: XlsxArchive, _ body: (Data) throws -> Void) throws {
        let zip = try XlsxArchive.open(archive.source)
        try extract(path, from: zip, cap: cap(for: path, in: archive), body)
    }

    private static func startInflating(_ path: String, in archive: XlsxArchive, into pipe: ChunkPipe) {
        let source = archive.source
        let cap = cap(for: path, in: archive)
        let thread = Thread {
            do {
                let zip = try XlsxArchive.open(source)
                try extract(path, from: zip, cap: cap) { try pipe.push($0) }
                pipe.finish(throwing: nil)
            } catch {
                pipe.finish(throwing: error)
            }
        }
        thread.name = "laurel.xlsx.inflate"
        thread.start()
    }

    /// The declared size is a promise: inflating past it (or past the entry cap) means a forged header.
    private static func cap(for path: String, in archive: XlsxArchive) -> UInt64 {
        min(archive.declaredSize(of: path), UInt64(archive.limits.maxEntrySize))
    }

    private static func extract(_ path: String, from zip: Archive, cap: UInt64, _ body: (Data) throws -> Void) throws {
        guard let entry = zip[path] else { throw SpreadsheetError.notAWorkbook }
        var produced: UInt64 = 0
        let checksum: CRC32
        do {
            checksum = try zip.extract(entry, bufferSize: chunkSize, skipCRC32: false) { chunk in
                produced += UInt64(chunk.count)
                if produced > cap { throw SpreadsheetError.zipBomb(entry: path) }
                try body(chunk)
            }
        } catch let error as SpreadsheetError {
            throw error
        } catch let error as ChunkPipe.Cancelled {
            throw error
        } catch {
            throw SpreadsheetError.malformedXML(part: path, detail: "damaged ZIP data")
        }
        guard checksum == entry.checksum else {
            throw SpreadsheetError.malformedXML(part: path, detail: "CRC-32 mismatch")
        }
    }
}
