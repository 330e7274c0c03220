import Foundation

/// Builds a large file (a sheet's XML, a CSV export) a buffer at a time, so that no document is ever held whole.
final class ByteFileSink {
    var bytes: [UInt8] = []
    private let handle: FileHandle
    private let flushThreshold = 1 << 20

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        bytes.reserveCapacity(flushThreshold + 64 << 10)
    }

    func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes the buffer out once it is big enough.
    func flushIfNeeded() throws {
        if bytes.count >= flushThreshold { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
