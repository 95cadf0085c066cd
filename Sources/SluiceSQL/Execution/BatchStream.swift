import SluiceCore

/// A pull-based stream of batches: each operator's `next()` pulls from its input's. A stream is read
/// on one task; parallel work uses several streams (`PhysicalOperator.openSlices`).
protocol BatchStream {
    /// The next batch, or nil at the end.
    mutating func next() async throws -> RecordBatch?
}

/// A runnable operator: its output schema, how it shows in EXPLAIN, and a stream of its output.
protocol PhysicalOperator: Sendable {
    var schema: Schema { get }
    /// One line of EXPLAIN: `Filter (amount#1 > 10)`.
    var label: String { get }
    var inputs: [any PhysicalOperator] { get }
    func open() async throws -> any BatchStream
    /// The output cut into at most `count` contiguous slices, in output order, each opened (and
    /// read) on a task of its own; nil when the operator cannot be cut. Scans cut by row groups;
    /// filters and projections cut with their input.
    func openSlices(_ count: Int) async throws -> [BatchStreamOpener]?
}

/// Opens one slice's stream, inside the task that reads it.
typealias BatchStreamOpener = @Sendable () async throws -> any BatchStream

extension PhysicalOperator {
    func openSlices(_ count: Int) async throws -> [BatchStreamOpener]? { nil }
}

extension PhysicalOperator {
    /// An indented tree, one operator per line.
    var treeText: String {
        var lines: [String] = []
        appendTree(into: &lines, depth: 0)
        return lines.joined(separator: "\n")
    }

    private func appendTree(into lines: inout [String], depth: Int) {
        lines.append(String(repeating: "  ", count: depth) + label)
        for input in inputs { input.appendTree(into: &lines, depth: depth + 1) }
    }
}

/// The rows of a finished result handed out in bounded slices.
struct SlicedBatchStream: BatchStream {
    static let maximumRows = 65_536
    private let batch: RecordBatch?
    private var offset = 0

    init(_ batch: RecordBatch?) {
        self.batch = batch
    }

    mutating func next() async throws -> RecordBatch? {
        guard let batch, offset < batch.numRows else { return nil }
        let end = min(batch.numRows, offset + Self.maximumRows)
        defer { offset = end }
        return batch.slice(offset..<end)
    }
}
