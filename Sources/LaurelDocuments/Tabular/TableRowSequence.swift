import Foundation

/// The rows of a sheet as an `AsyncSequence`, for async code such as a request handler.
///
/// The synchronous reader runs on a thread of its own, so no task of the cooperative pool blocks on
/// I/O or parsing; it runs at most `bufferSize` rows ahead of the consumer. Leaving the loop early
/// (or cancelling the task) stops the reader.
///
/// ```swift
/// for try await row in reader.rows() { … }
/// ```
public struct TableRowSequence: AsyncSequence, Sendable {
    public typealias Element = TableRow

    private let start: @Sendable (_ body: (TableRow) throws -> Void) throws -> Void
    private let bufferSize: Int

    init(bufferSize: Int = 256, start: @escaping @Sendable (_ body: (TableRow) throws -> Void) throws -> Void) {
        self.start = start
        self.bufferSize = bufferSize
    }

    public func makeAsyncIterator() -> Iterator {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: TableRow.self)
        let permits = RowPermits(bufferSize)
        continuation.onTermination = { _ in permits.stop() }
        let start = self.start
        let thread = Thread {
            do {
                try start { row in
                    guard permits.acquire() else { throw CancellationError() }
                    continuation.yield(row)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "laurel.rows"
        thread.start()
        return Iterator(base: stream.makeAsyncIterator(), permits: permits)
    }

    public struct Iterator: AsyncIteratorProtocol {
        fileprivate var base: AsyncThrowingStream<TableRow, any Error>.AsyncIterator
        fileprivate let permits: RowPermits

        public mutating func next() async throws -> TableRow? {
            let row = try await base.next()
            if row != nil { permits.release() }
            return row
        }
    }
}

/// How many rows the reader thread may still run ahead, and whether the consumer has gone.
/// (Not a `DispatchSemaphore`: libdispatch traps when one is freed below its initial count.)
final class RowPermits: @unchecked Sendable {
    // Guarded by `condition`.
    private var available: Int
    private var stopped = false
    private let condition = NSCondition()

    init(_ count: Int) { available = count }

    /// Waits for a permit; false once the consumer has stopped.
    func acquire() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while available == 0 && !stopped { condition.wait() }
        available -= 1
        return !stopped
    }

    func release() {
        condition.lock()
        defer { condition.unlock() }
        available += 1
        condition.signal()
    }

    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
    }
}

extension XlsxReader {
    /// The rows of a sheet as an async sequence (see `TableRowSequence`).
    public func rows(in sheet: SheetSelector = .first) -> TableRowSequence {
        TableRowSequence { body in try forEachRow(in: sheet, body) }
    }
}

extension TabularReader {
    /// The rows of a sheet as an async sequence (see `TableRowSequence`).
    public func rows(in sheet: SheetSelector = .first) -> TableRowSequence {
        TableRowSequence { body in try forEachRow(in: sheet, body) }
    }
}
