import SluiceCQL

/// What each bind marker of a statement stands for, and which markers give the partition key: the
/// PREPARE answer's metadata.
struct MarkerBinding {
    private(set) var specs: [Int: CQLColumnSpec] = [:]
    private var partitionKeyMarkers: [String: Int] = [:]

    init(_ statement: CQLStatement, resolve: (CQLStatement.QualifiedName) throws(CQLServerError) -> TableSchema)
        throws(CQLServerError)
    {
        switch statement {
        case .insert(let insert):
            let schema = try resolve(insert.table)
            for (column, term) in zip(insert.columns, insert.values) {
                try bind(term, to: column, in: schema, equality: true)
            }
            try bind(insert.using, in: schema)
        case .update(let update):
            let schema = try resolve(update.table)
            try bind(update.using, in: schema)
            for assignment in update.assignments { try bind(assignment.term, to: assignment.column, in: schema) }
            try bind(update.relations, in: schema)
            try bind(update.condition, in: schema)
        case .delete(let delete):
            let schema = try resolve(delete.table)
            try bind(delete.using, in: schema)
            try bind(delete.relations, in: schema)
            try bind(delete.condition, in: schema)
        case .select(let select):
            let schema = try resolve(select.table)
            try bind(select.relations, in: schema)
            if case .marker(let index, let name)? = select.perPartitionLimit {
                specs[index] = Self.spec(schema, name ?? "[per_partition_limit]", .int)
            }
            if case .marker(let index, let name)? = select.limit {
                specs[index] = Self.spec(schema, name ?? "[limit]", .int)
            }
        default:
            break
        }
    }

    /// For each partition-key column in order, the marker bound to it; empty unless every one is.
    func partitionKeyIndexes(_ schema: TableSchema?) -> [Int] {
        guard let schema else { return [] }
        var indexes: [Int] = []
        for column in schema.partitionKey {
            guard let marker = partitionKeyMarkers[schema.columns[column].name] else { return [] }
            indexes.append(marker)
        }
        return indexes
    }

    var orderedSpecs: [CQLColumnSpec] { specs.keys.sorted().compactMap { specs[$0] } }

    private static func spec(_ schema: TableSchema, _ name: String, _ type: CQLDataType) -> CQLColumnSpec {
        CQLColumnSpec(keyspace: schema.keyspace, table: schema.name, name: name, type: type)
    }

    private mutating func bind(_ term: CQLTerm, to column: String, in schema: TableSchema, equality: Bool = false)
        throws(CQLServerError)
    {
        guard case .marker(let index, let name) = term else { return }
        let columnIndex = try schema.require(column)
        specs[index] = schema.spec(columnIndex, name: name)
        if equality, schema.columns[columnIndex].kind == .partitionKey { partitionKeyMarkers[column] = index }
    }

    private mutating func bind(_ using: CQLStatement.Using, in schema: TableSchema) {
        if case .marker(let index, let name)? = using.ttl { specs[index] = Self.spec(schema, name ?? "[ttl]", .int) }
        if case .marker(let index, let name)? = using.timestamp {
            specs[index] = Self.spec(schema, name ?? "[timestamp]", .bigint)
        }
    }

    private mutating func bind(_ relations: [CQLStatement.Relation], in schema: TableSchema) throws(CQLServerError) {
        for relation in relations {
            if relation.isToken {
                for case .marker(let index, let name) in relation.terms {
                    specs[index] = Self.spec(schema, name ?? "partition key token", .bigint)
                }
                continue
            }
            guard let column = relation.columns.first else { continue }
            let columnIndex = try schema.require(column)
            for case .marker(let index, let name) in relation.terms {
                var spec = schema.spec(columnIndex, name: name)
                // `IN ?` binds the whole list at once.
                if relation.op == .in, relation.terms.count == 1 { spec.type = .list(spec.type) }
                specs[index] = spec
                if relation.op == .equal, schema.columns[columnIndex].kind == .partitionKey {
                    partitionKeyMarkers[column] = index
                }
            }
        }
    }

    private mutating func bind(_ condition: CQLStatement.Condition, in schema: TableSchema) throws(CQLServerError) {
        guard case .columns(let conditions) = condition else { return }
        for condition in conditions { try bind(condition.term, to: condition.column, in: schema) }
    }
}
