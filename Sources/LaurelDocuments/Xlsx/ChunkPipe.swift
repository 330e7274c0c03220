import Foundation

/// A small bounded queue of byte chunks between one producing thread and one consuming thread.
///
/// The producer (ZIPFoundation inflating an entry) blocks when `capacity` chunks wait, so memory stays
/// at a few chunks however large the entry. Either side can stop the other: the consumer by `cancel()`,
/// the producer by `finish(throwing:)`.
final class ChunkPipe: @unchecked Sendable {
    // All state below is guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var producerFinished = false
    private var producerError: (any Error)?
    private var cancelled = false
    private let capacity: Int

    struct Cancelled: Error {}

    init(capacity: Int = 4) {
        self.capacity = capacity
    }

    /// Producer side: waits for room, then queues the chunk. Throws `Cancelled` once the consumer gave up.
    func push(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled {
            condition.wait()
        }
        if cancelled { throw Cancelled() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// Producer side: no more chunks; `error` is reported to the consumer as the cause.
    func finish(throwing error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        producerFinished = true
        if !(error is Cancelled) { producerError = error }
        condition.broadcast()
    }

    /// Consumer side: the next chunk, or nil at the end (check `error`).
    func pop() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !producerFinished {
            condition.wait()
        }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Consumer side: stop the producer and wait until it has let go of the archive.
    func cancelAndWait() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        while !producerFinished {
            condition.wait()
        }
    }

    /// Why the producer stopped early, if it did.
    var error: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return producerError
    }
}
