import SluiceCompute
import SluiceCore

/// A join by hashing: reads the right input whole into a `JoinHashTable` on its keys, then probes it
/// with each batch of the left input. The residual predicate filters the matched pairs; outer joins pad
/// the side without a match with nulls (`take` with index -1), the right side's unmatched rows coming
/// after the last probe batch. Output batches hold at most `SlicedBatchStream.maximumRows` rows.
///
/// With `encodesBuildStrings` (set by the planner where only a GROUP BY and more joins consume the
/// output), the build side's repetitive string columns are dictionary-encoded once, so the output
/// carries codes instead of copies of the strings.
struct HashJoinExec: PhysicalOperator {
    let left: any PhysicalOperator
    let right: any PhysicalOperator
    let join: LogicalJoin
    let encodesBuildStrings: Bool
    let schema: Schema

    init(left: any PhysicalOperator, right: any PhysicalOperator, join: LogicalJoin, encodesBuildStrings: Bool) {
        self.left = left
        self.right = right
        self.join = join
        self.encodesBuildStrings = encodesBuildStrings
        schema = join.schema(left.schema, right.schema)
    }

    var inputs: [any PhysicalOperator] { [left, right] }
    var label: String { "HashJoin \(join) build=right" + (encodesBuildStrings ? " strings=dictionary" : "") }

    func open() async throws -> any BatchStream {
        let (build, table) = try await buildSide()
        return Stream(
            probe: try await left.open(), build: build, table: table, join: join, leftSchema: left.schema,
            schema: schema)
    }

    /// Inner, left, semi and anti joins cut with their probe side: the table is built once and each
    /// slice of the left input probes it on its own task. (RIGHT and FULL joins track the build rows
    /// matched over all probe rows, so they do not cut.)
    func openSlices(_ count: Int) async throws -> [BatchStreamOpener]? {
        guard join.kind != .right, join.kind != .full, let probes = try await left.openSlices(count) else {
            return nil
        }
        let (build, table) = try await buildSide()
        let (join, leftSchema, schema) = (self.join, left.schema, self.schema)
        return probes.map { open in
            {
                Stream(
                    probe: try await open(), build: build, table: table, join: join, leftSchema: leftSchema,
                    schema: schema)
            }
        }
    }

    /// The right input, whole, and the hash table on its keys.
    private func buildSide() async throws -> (RecordBatch, JoinHashTable) {
        var source = try await right.open()
        var batches: [RecordBatch] = []
        while let batch = try await source.next() {
            if batch.numRows > 0 { batches.append(batch) }
            try ExecutionContext.checkMemory("HashJoin build")
        }
        let build: RecordBatch
        if batches.count == 1 {
            build = batches[0]
        } else if batches.isEmpty {
            build = try RecordBatch(
                schema: right.schema,
                columns: try right.schema.fields.map { try Scalar.null($0.dataType).makeArray(count: 0) },
                numRows: 0)
        } else {
            build = try RecordBatch.concatenate(batches)
        }
        let keys = try join.rightKeys.map { try ExpressionEvaluator.array($0, build) }
        let table = try JoinHashTable(keys: keys, rowCount: build.numRows)
        guard encodesBuildStrings else { return (build, table) }
        let columns = try build.columns.map { column in try DictionaryEncoding.encode(column) ?? column }
        return (try RecordBatch(schema: build.schema, columns: columns, numRows: build.numRows), table)
    }

    /// Pairs of probe rows (all -1 without a probe batch) and build rows, handed out in slices.
    struct PendingPairs {
        let batch: RecordBatch?
        let probeRows: [Int]
        let buildRows: [Int]
        var offset = 0
    }

    struct Stream: BatchStream {
        var probe: any BatchStream
        let build: RecordBatch
        let table: JoinHashTable
        let join: LogicalJoin
        let leftSchema: Schema
        let schema: Schema
        /// Which build rows matched some probe row, for RIGHT and FULL joins.
        var matchedBuild: [Bool] = []
        var probeFinished = false
        /// Matched pairs not handed out yet, so output batches stay bounded however many rows a key
        /// matches.
        var pending: PendingPairs?

        init(
            probe: any BatchStream, build: RecordBatch, table: JoinHashTable, join: LogicalJoin, leftSchema: Schema,
            schema: Schema
        ) {
            self.probe = probe
            self.build = build
            self.table = table
            self.join = join
            self.leftSchema = leftSchema
            self.schema = schema
            if join.kind == .right || join.kind == .full {
                matchedBuild = [Bool](repeating: false, count: build.numRows)
            }
        }

        mutating func next() async throws -> RecordBatch? {
            while true {
                if var current = pending {
                    let end = min(current.probeRows.count, current.offset + SlicedBatchStream.maximumRows)
                    let output = try combine(
                        current.batch, Array(current.probeRows[current.offset..<end]),
                        Array(current.buildRows[current.offset..<end]), schema: schema)
                    current.offset = end
                    pending = end < current.probeRows.count ? current : nil
                    return output
                }
                if !probeFinished {
                    if let batch = try await probe.next() {
                        if let output = try joinBatch(batch), output.numRows > 0 { return output }
                        continue
                    }
                    probeFinished = true
                }
                // RIGHT and FULL: the build rows no probe row matched, once.
                let unmatched = matchedBuild.indices.filter { !matchedBuild[$0] }
                matchedBuild = []
                guard !unmatched.isEmpty else { return nil }
                pending = PendingPairs(
                    batch: nil, probeRows: [Int](repeating: -1, count: unmatched.count), buildRows: unmatched)
            }
        }

        /// Semi and anti joins: the batch's output rows. The other kinds: nil, with the batch's pairs
        /// left in `pending`.
        private mutating func joinBatch(_ batch: RecordBatch) throws -> RecordBatch? {
            let keys = try join.leftKeys.map { try ExpressionEvaluator.array($0, batch) }
            var (probeRows, buildRows) = try table.matches(keys, rowCount: batch.numRows)
            if let residual = join.residual {
                (probeRows, buildRows) = try satisfying(residual, batch, probeRows, buildRows)
            }
            if !matchedBuild.isEmpty {
                for row in buildRows { matchedBuild[row] = true }
            }
            switch join.kind {
            case .inner, .right:
                break
            case .left, .full:
                (probeRows, buildRows) = Self.padded(probeRows, buildRows, rowCount: batch.numRows)
            case .leftSemi:
                return try batch.take(Self.matchedRows(probeRows, rowCount: batch.numRows, matched: true))
            case .leftAnti:
                return try batch.take(Self.matchedRows(probeRows, rowCount: batch.numRows, matched: false))
            }
            if !probeRows.isEmpty {
                pending = PendingPairs(batch: batch, probeRows: probeRows, buildRows: buildRows)
            }
            return nil
        }

        /// The pairs for which the residual predicate is true, evaluated on bounded slices of joined rows.
        private func satisfying(
            _ residual: BoundExpression, _ batch: RecordBatch, _ probeRows: [Int], _ buildRows: [Int]
        )
            throws -> ([Int], [Int])
        {
            let pairSchema = Schema(leftSchema.fields + build.schema.fields)
            var keptProbe: [Int] = []
            var keptBuild: [Int] = []
            for start in stride(from: 0, to: probeRows.count, by: SlicedBatchStream.maximumRows) {
                let end = min(probeRows.count, start + SlicedBatchStream.maximumRows)
                let probeSlice = Array(probeRows[start..<end])
                let buildSlice = Array(buildRows[start..<end])
                let pairs = try combine(batch, probeSlice, buildSlice, schema: pairSchema)
                let mask = try ExpressionEvaluator.booleans(ExpressionEvaluator.array(residual, pairs))
                for index in probeSlice.indices where !mask.isNull(index) && mask.value(at: index) {
                    keptProbe.append(probeSlice[index])
                    keptBuild.append(buildSlice[index])
                }
            }
            return (keptProbe, keptBuild)
        }

        /// The pairs with a (row, -1) pair added, in order, for each probe row without a match.
        private static func padded(_ probeRows: [Int], _ buildRows: [Int], rowCount: Int) -> ([Int], [Int]) {
            var outProbe: [Int] = []
            var outBuild: [Int] = []
            outProbe.reserveCapacity(max(rowCount, probeRows.count))
            outBuild.reserveCapacity(max(rowCount, probeRows.count))
            var pair = 0
            for row in 0..<rowCount {
                if pair < probeRows.count, probeRows[pair] == row {
                    while pair < probeRows.count, probeRows[pair] == row {
                        outProbe.append(row)
                        outBuild.append(buildRows[pair])
                        pair += 1
                    }
                } else {
                    outProbe.append(row)
                    outBuild.append(-1)
                }
            }
            return (outProbe, outBuild)
        }

        /// The probe rows with (or without) a match, each once, in order.
        private static func matchedRows(_ probeRows: [Int], rowCount: Int, matched: Bool) -> [Int] {
            var hasMatch = [Bool](repeating: false, count: rowCount)
            for row in probeRows { hasMatch[row] = true }
            return (0..<rowCount).filter { hasMatch[$0] == matched }
        }

        /// The range `rows` covers when it counts up by one from a row at or above 0.
        private static func consecutiveRun(_ rows: [Int]) -> Range<Int>? {
            guard let first = rows.first, first >= 0 else { return nil }
            for (offset, row) in rows.enumerated() where row != first &+ offset {
                return nil
            }
            return first..<first + rows.count
        }

        /// Left rows (all null without a probe batch) beside build rows; -1 gives a null row.
        private func combine(_ batch: RecordBatch?, _ leftRows: [Int], _ rightRows: [Int], schema: Schema) throws
            -> RecordBatch
        {
            // Probe rows that each matched once, as against a dimension's primary key, are a run of
            // consecutive rows: their columns are sliced, not copied.
            let run = Self.consecutiveRun(leftRows)
            let leftColumns = try leftSchema.fields.indices.map { index in
                guard let batch else {
                    return try Scalar.null(leftSchema[index].dataType).makeArray(count: leftRows.count)
                }
                if let run { return batch.columns[index].slice(run) }
                return try take(batch.columns[index], leftRows)
            }
            let rightColumns = try build.columns.map { column in try take(column, rightRows) }
            return try RecordBatch(schema: schema, columns: leftColumns + rightColumns, numRows: leftRows.count)
        }
    }
}
