import Foundation

/// An `InputStream` that `XMLParser(stream:)` pulls from while the bytes arrive through a `ChunkPipe`.
///
/// It also refuses a DTD: XLSX parts never declare one, and refusing `<!DOCTYPE` before the root element
/// rules out external entities and entity expansion ("billion laughs") whatever the XML library does.
final class ChunkInputStream: InputStream {
    private let pipe: ChunkPipe
    private var current = Data()
    private var offset = 0
    private var prolog = PrologGuard()
    private var status: Stream.Status = .notOpen
    /// Set when the guard refused the part; the stream then reports an error to the parser.
    private(set) var refusedDTD = false

    init(pipe: ChunkPipe) {
        self.pipe = pipe
        super.init(data: Data())
    }

    override func open() { status = .open }
    override func close() { status = .closed }
    override var streamStatus: Stream.Status { status }
    override var hasBytesAvailable: Bool { status == .open }
    override var streamError: (any Error)? { nil }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        guard !refusedDTD else { return -1 }
        while offset >= current.count {
            guard let next = pipe.pop() else {
                status = .atEnd
                return pipe.error == nil ? 0 : -1
            }
            if !prolog.accept(next) {
                refusedDTD = true
                status = .error
                return -1
            }
            current = next
            offset = 0
        }
        let count = min(maxLength, current.count - offset)
        current.withUnsafeBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            buffer.update(from: base + offset, count: count)
        }
        offset += count
        return count
    }

    override func getBuffer(
        _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>
    ) -> Bool {
        false
    }
}

/// Watches the bytes before the root element for `<!DOCTYPE` (or any `<!` that is not a comment).
struct PrologGuard {
    private enum Outcome { case root, forbidden, needMore }

    private var seen: [UInt8] = []
    private var done = false
    /// A prolog longer than this is not something Excel or LibreOffice writes.
    private let maxProlog = 64 << 10

    /// False when the part must be refused.
    mutating func accept(_ chunk: Data) -> Bool {
        guard !done else { return true }
        seen.append(contentsOf: chunk.prefix(maxProlog))
        // UTF-16 parts start with a byte-order mark or a NUL byte; Office never writes them.
        if let first = seen.first, first == 0xFE || first == 0xFF || first == 0x00 { return false }
        switch Self.scan(seen) {
        case .root:
            done = true
            seen = []
            return true
        case .forbidden:
            return false
        case .needMore:
            return seen.count < maxProlog
        }
    }

    private static func scan(_ bytes: [UInt8]) -> Outcome {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { return .needMore }
            switch bytes[index + 1] {
            case UInt8(ascii: "?"):
                guard let end = find(Array("?>".utf8), in: bytes, from: index + 2) else { return .needMore }
                index = end
            case UInt8(ascii: "!"):
                guard index + 4 <= bytes.count else { return .needMore }
                guard bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") else {
                    return .forbidden
                }
                guard let end = find(Array("-->".utf8), in: bytes, from: index + 4) else { return .needMore }
                index = end
            default:
                return .root
            }
        }
        return .needMore
    }

    /// Index just past the first occurrence of `needle` at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index + needle.count }
            index += 1
        }
        return nil
    }
}
