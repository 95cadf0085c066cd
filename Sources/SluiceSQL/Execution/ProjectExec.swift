import SluiceCompute
import SluiceCore

/// One output column per expression.
struct ProjectExec: PhysicalOperator {
    let input: any PhysicalOperator
    let items: [NamedExpression]
    let schema: Schema

    init(input: any PhysicalOperator, items: [NamedExpression]) {
        self.input = input
        self.items = items
        schema = Schema(items.map(\.field))
    }

    var inputs: [any PhysicalOperator] { [input] }
    var label: String { "Project " + items.map(\.description).joined(separator: ", ") }

    func open() async throws -> any BatchStream {
        Stream(input: try await input.open(), items: items, schema: schema)
    }

    func openSlices(_ count: Int) async throws -> [BatchStreamOpener]? {
        let (items, schema) = (self.items, self.schema)
        return try await input.openSlices(count)?.map { open in
            { Stream(input: try await open(), items: items, schema: schema) }
        }
    }

    struct Stream: BatchStream {
        var input: any BatchStream
        let items: [NamedExpression]
        let schema: Schema

        mutating func next() async throws -> RecordBatch? {
            guard let batch = try await input.next() else { return nil }
            let columns = try items.map { try ExpressionEvaluator.encodedArray($0.expression, batch) }
            return try RecordBatch(schema: schema, columns: columns, numRows: batch.numRows)
        }
    }
}
