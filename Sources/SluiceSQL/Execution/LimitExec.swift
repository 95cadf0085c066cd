import SluiceCore

/// The first `count` rows; stops pulling once it has them.
struct LimitExec: PhysicalOperator {
    let input: any PhysicalOperator
    let count: Int

    var schema: Schema { input.schema }
    var inputs: [any PhysicalOperator] { [input] }
    var label: String { "Limit \(count)" }

    func open() async throws -> any BatchStream {
        Stream(input: try await input.open(), remaining: count)
    }

    struct Stream: BatchStream {
        var input: any BatchStream
        var remaining: Int

        mutating func next() async throws -> RecordBatch? {
            guard remaining > 0, let batch = try await input.next() else { return nil }
            let rows = min(remaining, batch.numRows)
            remaining -= rows
            return rows == batch.numRows ? batch : batch.slice(0..<rows)
        }
    }
}
