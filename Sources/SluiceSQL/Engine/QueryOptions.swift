import Foundation
import SluiceCore

/// How a query runs: the cores it may use and the memory the process may hold while it runs.
public struct QueryOptions: Sendable, Hashable {
    /// Scans under an aggregation or a top-N are split into this many slices, each read and
    /// aggregated on its own task, then merged in input order. 1 runs everything on one task.
    public var threads: Int
    /// The process's resident memory the query may reach; operators that hold their input (hash
    /// aggregates, sorts, hash joins' build sides, windows) check it once per batch and fail with a
    /// `QueryMemoryError` past it, instead of the process being killed. nil: no limit.
    public var memoryLimit: Int64?

    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, memoryLimit: Int64? = nil) {
        self.threads = max(1, threads)
        self.memoryLimit = memoryLimit
    }
}

/// A query stopped at its memory limit.
public struct QueryMemoryError: Error, CustomStringConvertible {
    public let limit: Int64
    /// The process's resident memory when the limit was found exceeded.
    public let resident: Int64
    /// The operator that was growing: `HashAggregate`, `Sort`, `HashJoin build`.
    public let holder: String

    public var description: String {
        "the query went over its memory limit of \(ByteCountText.format(limit)): the process holds "
            + "\(ByteCountText.format(resident)) while \(holder) holds its input; raise the limit "
            + "(--memory-limit), or filter or aggregate earlier in the query"
    }
}
