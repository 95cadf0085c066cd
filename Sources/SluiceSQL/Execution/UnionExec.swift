import SluiceCore

/// UNION ALL: the batches of each input in turn, relabelled with the union's schema (the first input's
/// names).
struct UnionExec: PhysicalOperator {
    let branches: [any PhysicalOperator]
    let schema: Schema

    var inputs: [any PhysicalOperator] { branches }
    var label: String { "Union" }

    func open() async throws -> any BatchStream {
        Stream(branches: branches, schema: schema)
    }

    struct Stream: BatchStream {
        let branches: [any PhysicalOperator]
        let schema: Schema
        var opened = 0
        var current: (any BatchStream)?

        mutating func next() async throws -> RecordBatch? {
            while true {
                if var stream = current {
                    // Held only here while it runs, so its state is not copied on write.
                    current = nil
                    let batch = try await stream.next()
                    current = stream
                    if let batch {
                        return try RecordBatch(schema: schema, columns: batch.columns, numRows: batch.numRows)
                    }
                    current = nil
                }
                // Each branch opens only when the one before it is done.
                guard opened < branches.count else { return nil }
                current = try await branches[opened].open()
                opened += 1
            }
        }
    }
}
