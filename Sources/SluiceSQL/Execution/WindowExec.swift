import SluiceCompute
import SluiceCore

/// Window functions: reads the whole input, and for each distinct PARTITION BY / ORDER BY sorts the
/// rows once (`WindowLayout`) and computes that window's functions. Rows come out in input order,
/// each followed by its function values.
struct WindowExec: PhysicalOperator {
    let input: any PhysicalOperator
    let functions: [NamedWindowFunction]
    let schema: Schema

    init(input: any PhysicalOperator, functions: [NamedWindowFunction]) {
        self.input = input
        self.functions = functions
        schema = Schema(input.schema.fields + functions.map { Field($0.name, $0.call.resultType) })
    }

    var inputs: [any PhysicalOperator] { [input] }

    var label: String { "Window " + functions.map(\.description).joined(separator: ", ") }

    func open() async throws -> any BatchStream {
        var source = try await input.open()
        var batches: [RecordBatch] = []
        while let batch = try await source.next() {
            if batch.numRows > 0 { batches.append(batch) }
            try ExecutionContext.checkMemory("Window")
        }
        guard !batches.isEmpty else { return SlicedBatchStream(nil) }
        let all = batches.count == 1 ? batches[0] : try RecordBatch.concatenate(batches)
        var results = [(any ColumnArray)?](repeating: nil, count: functions.count)
        for index in functions.indices where results[index] == nil {
            let window = functions[index].call.window
            let layout = try WindowLayout(window, batch: all)
            // Functions over the same partitions and order share the layout.
            for other in functions.indices where results[other] == nil {
                let otherWindow = functions[other].call.window
                guard otherWindow.partitionBy == window.partitionBy, otherWindow.orderBy == window.orderBy else {
                    continue
                }
                results[other] = try WindowFunctionEvaluator.evaluate(functions[other].call, layout: layout, batch: all)
            }
        }
        return SlicedBatchStream(
            try RecordBatch(schema: schema, columns: all.columns + results.compactMap { $0 }, numRows: all.numRows))
    }
}
