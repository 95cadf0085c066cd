import SluiceCore

/// A pull-based stream of batches: each operator's `next()` pulls from its input's. Single-threaded
/// for now; a partitioned, parallel scan will feed the same interface.
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
