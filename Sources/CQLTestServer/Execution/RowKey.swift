import NIOCore
import SluiceCQL

/// The partition key (as routing-key bytes) and clustering values a write addresses.
struct RowKey {
    var partition: [UInt8]
    var clustering: [CQLValue?]
    var keyCells: [Int: [UInt8]]

    /// From an INSERT's values by column: every primary-key column must be there and not null.
    init(schema: TableSchema, values: [CQLBoundValue?]) throws(CQLServerError) {
        var cells: [Int: [UInt8]] = [:]
        for index in schema.partitionKey + schema.clusteringKey {
            guard case .bytes(let bytes)? = values[index] else {
                let name = schema.columns[index].name
                throw CQLServerError.invalid(
                    values[index] == nil
                        ? "Some \(schema.columns[index].kind == .partitionKey ? "partition" : "clustering") key parts are missing: \(name)"
                        : "Invalid null value in condition for column \(name)")
            }
            cells[index] = bytes
        }
        try self.init(schema: schema, cells: cells)
    }

    private init(schema: TableSchema, cells: [Int: [UInt8]]) throws(CQLServerError) {
        keyCells = cells
        partition = Murmur3Token.routingKey(schema.partitionKey.map { cells[$0] ?? [] })
        var clustering: [CQLValue?] = []
        for index in schema.clusteringKey {
            guard let bytes = cells[index] else { break }
            clustering.append(try StatementExecutor.decode(bytes, schema.columns[index]))
        }
        self.clustering = clustering
    }

    /// Every row an UPDATE or DELETE's WHERE names: `=` or `IN` on the partition key and on the
    /// clustering key (all of it when `wholeRow`, else a prefix).
    static func all(
        schema: TableSchema, relations: [CQLStatement.Relation], converter: TermConverter, wholeRow: Bool
    ) throws(CQLServerError) -> [RowKey] {
        var candidates: [Int: [[UInt8]]] = [:]
        for relation in relations {
            guard let name = relation.columns.first, !relation.isToken, relation.op == .equal || relation.op == .in
            else { throw CQLServerError.invalid("Only = and IN on primary-key columns are supported in this WHERE") }
            let index = try schema.require(name)
            guard schema.columns[index].kind == .partitionKey || schema.columns[index].kind == .clustering else {
                throw CQLServerError.invalid("Non PRIMARY KEY columns found in where clause: \(name)")
            }
            let values = try RowFilter.values(
                of: relation, type: schema.columns[index].type, column: name, converter: converter)
            candidates[index] = values.map { $0?.serialized() ?? [] }
        }
        for index in schema.partitionKey where candidates[index] == nil {
            throw CQLServerError.invalid("Some partition key parts are missing: \(schema.columns[index].name)")
        }
        if wholeRow, let missing = schema.clusteringKey.first(where: { candidates[$0] == nil }) {
            throw CQLServerError.invalid("Some clustering keys are missing: \(schema.columns[missing].name)")
        }
        var combinations: [[Int: [UInt8]]] = [[:]]
        for index in schema.partitionKey + schema.clusteringKey {
            guard let values = candidates[index] else { break }
            combinations = combinations.flatMap { prefix in
                values.map { value in prefix.merging([index: value]) { $1 } }
            }
        }
        var keys: [RowKey] = []
        for cells in combinations { keys.append(try RowKey(schema: schema, cells: cells)) }
        return keys
    }

    /// A new row holding only the key.
    func emptyRow(_ schema: TableSchema) -> StoredRow {
        var cells = [[UInt8]?](repeating: nil, count: schema.columns.count)
        for (index, bytes) in keyCells { cells[index] = bytes }
        return StoredRow(cells: cells, clustering: clustering)
    }
}

extension StoredRow {
    /// Sets a cell; an unset value leaves it as it was.
    mutating func set(_ index: Int, _ value: CQLBoundValue) {
        switch value {
        case .bytes(let bytes): cells[index] = bytes
        case .null: cells[index] = nil
        case .unset: break
        }
    }
}
