import Crypto
import Foundation
import Synchronization

/// Refuses an import of a file while the same file (same kind, same bytes) is being imported: a
/// double click on the import page, or a client that retries before the first answer, must not run
/// it twice. The key is the file's digest, so it needs no cooperation from the client; once the
/// first import has ended, the rows' natural keys make a second one change nothing.
final class ImportGate: Sendable {
    private let running = Mutex<Set<String>>([])

    /// SHA-256 of the bytes, in hex.
    static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Runs `work` unless an import with the same key is running (then nil, and nothing runs).
    func run<T: Sendable>(_ key: String, _ work: () async throws -> T) async throws -> T? {
        let entered = running.withLock { $0.insert(key).inserted }
        guard entered else { return nil }
        defer { _ = running.withLock { $0.remove(key) } }
        return try await work()
    }
}
