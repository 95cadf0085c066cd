import SluiceCore
import Synchronization

/// Row groups of a `ParquetFileReader` (its `selectedRowGroups`, or a part of them) as
/// `RecordBatch`es in the order given.
///
/// The iterator keeps a window of at most `reader.threads` row groups being fetched and decoded
/// in child tasks; `next()` waits for the oldest, then starts the next row group. So decoding runs
/// in parallel, the order is the file's, and at most `threads` decoded row groups (plus the one the
/// consumer holds) exist at once. The first error ends the sequence and cancels the window.
public struct RowGroupBatchSequence: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    /// The reader whose row groups are read.
    public let reader: ParquetFileReader
    /// The row groups read, in order.
    public let rowGroups: [Int]

    public init(reader: ParquetFileReader, rowGroups: [Int]? = nil) {
        self.reader = reader
        self.rowGroups = rowGroups ?? reader.selectedRowGroups
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(reader: reader, rowGroups: rowGroups)
    }

    /// Yields the row groups in order, decoding ahead within the window.
    public struct Iterator: AsyncIteratorProtocol {
        let reader: ParquetFileReader
        let rowGroups: [Int]
        /// The position in `rowGroups` of the next row group to start.
        var nextToStart = 0
        var finished = false
        let window: TaskWindow

        init(reader: ParquetFileReader, rowGroups: [Int]) {
            self.reader = reader
            self.rowGroups = rowGroups
            self.window = TaskWindow()
        }

        public mutating func next() async throws -> RecordBatch? {
            guard !finished else { return nil }
            while window.count < reader.threads, nextToStart < rowGroups.count {
                let reader = self.reader
                let index = rowGroups[nextToStart]
                window.append(Task { try await reader.readRowGroup(index) })
                nextToStart += 1
            }
            guard let head = window.removeFirst() else {
                finished = true
                return nil
            }
            do {
                let window = self.window
                return try await withTaskCancellationHandler {
                    try await head.value
                } onCancel: {
                    head.cancel()
                    window.cancelAll()
                }
            } catch {
                finished = true
                window.cancelAll()
                throw error
            }
        }
    }
}

/// The row-group tasks an iterator has started and not yet returned, oldest first. Cancels them
/// when the iterator is dropped early, so abandoned reads stop instead of running to the end.
final class TaskWindow: Sendable {
    private let tasks = Mutex<[Task<RecordBatch, any Error>]>([])

    var count: Int { tasks.withLock { $0.count } }

    func append(_ task: Task<RecordBatch, any Error>) {
        tasks.withLock { $0.append(task) }
    }

    func removeFirst() -> Task<RecordBatch, any Error>? {
        tasks.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    func cancelAll() {
        let pending = tasks.withLock { tasks in
            defer { tasks.removeAll() }
            return tasks
        }
        for task in pending { task.cancel() }
    }

    deinit {
        tasks.withLock { tasks in
            for task in tasks { task.cancel() }
        }
    }
}
