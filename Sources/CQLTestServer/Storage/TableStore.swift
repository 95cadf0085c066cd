import SluiceCQL
import Synchronization

/// A table's rows in memory, keyed by partition. Each table has its own lock, held for one row's
/// change or for taking a snapshot, so writes to different tables never wait on each other.
final class TableStore: Sendable {
    let schema: TableSchema
    private let partitions = Mutex<[[UInt8]: Partition]>([:])

    init(schema: TableSchema) {
        self.schema = schema
    }

    /// Changes one row under the lock: `body` sees the row (nil when absent) and may replace or
    /// remove it; a partition left without rows is removed.
    func modifyRow<Result: Sendable>(
        partitionKey: [UInt8], clustering: [CQLValue?], _ body: (inout StoredRow?) throws(CQLServerError) -> Result
    ) throws(CQLServerError) -> Result {
        let descending = schema.clusteringKey.map { schema.columns[$0].descending }
        let token = Murmur3Token.token(for: partitionKey)
        return try partitions.withLock { (partitions) throws(CQLServerError) -> Result in
            // One hash lookup, and the partition's rows change in place.
            let (result, emptied) = try Self.modify(
                &partitions[partitionKey, default: Partition(token: token, rows: [])], clustering: clustering,
                descending: descending, body)
            if emptied { partitions.removeValue(forKey: partitionKey) }
            return result
        }
    }

    private static func modify<Result>(
        _ partition: inout Partition, clustering: [CQLValue?], descending: [Bool],
        _ body: (inout StoredRow?) throws(CQLServerError) -> Result
    ) throws(CQLServerError) -> (Result, emptied: Bool) {
        let (index, found) = search(partition.rows, for: clustering, descending: descending)
        var row: StoredRow? = found ? partition.rows[index] : nil
        let result = try body(&row)
        switch (row, found) {
        case (let row?, true): partition.rows[index] = row
        case (let row?, false): partition.rows.insert(row, at: index)
        case (nil, true): partition.rows.remove(at: index)
        case (nil, false): break
        }
        return (result, partition.rows.isEmpty)
    }

    /// Removes a whole partition.
    func deletePartition(_ partitionKey: [UInt8]) {
        _ = partitions.withLock { $0.removeValue(forKey: partitionKey) }
    }

    func truncate() {
        partitions.withLock { $0 = [:] }
    }

    /// The partitions with these keys, in the order asked, or every partition in token order
    /// (in no order when `ordered` is false, for a count).
    func snapshot(keys: [[UInt8]]?, ordered: Bool = true) -> [Partition] {
        let all = partitions.withLock { $0 }
        guard let keys else {
            guard ordered else { return Array(all.values) }
            return all.sorted { a, b in
                a.value.token != b.value.token
                    ? a.value.token < b.value.token : a.key.lexicographicallyPrecedes(b.key)
            }.map(\.value)
        }
        return keys.compactMap { all[$0] }
    }

    /// How many rows the partitions whose token is in `range` hold, counted in place. Without a
    /// clustering key each partition holds one row, and only the tokens are read: touching millions
    /// of rows scattered in memory costs seconds.
    func countRows(tokenIn range: ClosedRange<Int64>) -> Int {
        let singleRow = schema.clusteringKey.isEmpty
        return partitions.withLock { partitions in
            let values = partitions.values
            var count = 0
            var index = values.startIndex
            while index != values.endIndex {
                if range.contains(values[index].token) { count += singleRow ? 1 : values[index].rows.count }
                values.formIndex(after: &index)
            }
            return count
        }
    }

    /// Replaces every row (the system tables, rebuilt after each schema change).
    func replaceAll(_ rows: [StoredRow]) {
        var rebuilt: [[UInt8]: Partition] = [:]
        let descending = schema.clusteringKey.map { schema.columns[$0].descending }
        for row in rows {
            let key = Murmur3Token.routingKey(schema.partitionKey.map { row.cells[$0] ?? [] })
            var partition = rebuilt[key] ?? Partition(token: Murmur3Token.token(for: key), rows: [])
            let (index, found) = Self.search(partition.rows, for: row.clustering, descending: descending)
            if found { partition.rows[index] = row } else { partition.rows.insert(row, at: index) }
            rebuilt[key] = partition
        }
        partitions.withLock { $0 = rebuilt }
    }

    /// Where `clustering` is or would go in `rows`.
    private static func search(_ rows: [StoredRow], for clustering: [CQLValue?], descending: [Bool]) -> (Int, Bool) {
        if clustering.isEmpty { return (0, !rows.isEmpty) }
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            let order = compare(rows[middle].clustering, clustering, descending: descending)
            if order == 0 { return (middle, true) }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    static func compare(_ lhs: [CQLValue?], _ rhs: [CQLValue?], descending: [Bool]) -> Int {
        for (index, (a, b)) in zip(lhs, rhs).enumerated() {
            let order = CQLValueOrder.compare(a, b)
            if order != 0 { return index < descending.count && descending[index] ? -order : order }
        }
        return 0
    }
}
