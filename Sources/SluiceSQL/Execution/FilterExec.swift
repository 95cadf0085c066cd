import SluiceCompute
import SluiceCore

/// The rows where the predicate is true (null drops the row).
struct FilterExec: PhysicalOperator {
    let input: any PhysicalOperator
    let predicate: BoundExpression

    var schema: Schema { input.schema }
    var inputs: [any PhysicalOperator] { [input] }
    var label: String { "Filter \(predicate)" }

    func open() async throws -> any BatchStream {
        Stream(input: try await input.open(), predicate: predicate)
    }

    func openSlices(_ count: Int) async throws -> [BatchStreamOpener]? {
        let predicate = self.predicate
        return try await input.openSlices(count)?.map { open in
            { Stream(input: try await open(), predicate: predicate) }
        }
    }

    struct Stream: BatchStream {
        var input: any BatchStream
        let predicate: BoundExpression

        mutating func next() async throws -> RecordBatch? {
            while let batch = try await input.next() {
                let mask = try ExpressionEvaluator.booleans(ExpressionEvaluator.array(predicate, batch))
                let filtered = try batch.filter(by: mask)
                if filtered.numRows > 0 { return filtered }
            }
            return nil
        }
    }
}
