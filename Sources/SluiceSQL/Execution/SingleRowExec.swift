import SluiceCore

/// One row without columns, for a SELECT without FROM.
struct SingleRowExec: PhysicalOperator {
    var schema: Schema { Schema([]) }
    var inputs: [any PhysicalOperator] { [] }
    var label: String { "SingleRow" }

    func open() async throws -> any BatchStream {
        SlicedBatchStream(try RecordBatch(schema: Schema([]), columns: [], numRows: 1))
    }
}
