import SluiceCompute
import SluiceCore

/// The rows of a scalar subquery, failing as Spark does when there is more than one.
struct AtMostOneRowExec: PhysicalOperator {
    let input: any PhysicalOperator

    var schema: Schema { input.schema }
    var inputs: [any PhysicalOperator] { [input] }
    var label: String { "AtMostOneRow" }

    func open() async throws -> any BatchStream {
        Stream(input: try await input.open())
    }

    struct Stream: BatchStream {
        var input: any BatchStream
        var rows = 0

        mutating func next() async throws -> RecordBatch? {
            guard let batch = try await input.next() else { return nil }
            rows += batch.numRows
            guard rows <= 1 else {
                throw ComputeError(
                    .invalidArgument,
                    "[SCALAR_SUBQUERY_TOO_MANY_ROWS] more than one row returned by a subquery used as an expression")
            }
            return batch
        }
    }
}
