import Foundation
import NIOCore
import SluiceCQL

/// Runs parsed statements for one session (one connection): resolves names against the session's
/// keyspace, reads and writes the database, and answers as a Cassandra 3 node would.
struct StatementExecutor {
    let database: TestDatabase
    let systemTables: NodeSystemTables
    var keyspace: String?

    /// What QUERY and EXECUTE ask for besides values.
    struct Paging {
        var pageSize: Int?
        var pagingState: [UInt8]?
    }

    /// The answer, and the schema change to announce to registered connections.
    struct Outcome {
        var result: CQLResult
        var schemaChange: CQLSchemaChange?
    }

    mutating func execute(_ statement: CQLStatement, bound: BoundValues, paging: Paging = Paging())
        throws(CQLServerError) -> Outcome
    {
        let converter = TermConverter(bound: bound)
        switch statement {
        case .use(let name):
            guard database.keyspaceExists(name) || name == "system" else {
                throw CQLServerError.invalid("Keyspace '\(name)' does not exist")
            }
            keyspace = name
            return Outcome(result: .setKeyspace(name))
        case .createKeyspace(let name, let ifNotExists, let replication, let durableWrites):
            let changed = try database.changeSchema(
                .createKeyspace(
                    KeyspaceDefinition(name: name, replication: replication, durableWrites: durableWrites),
                    ifNotExists: ifNotExists))
            return schemaOutcome(changed, CQLSchemaChange(change: "CREATED", target: "KEYSPACE", keyspace: name))
        case .createTable(let create):
            let schema = try tableSchema(create)
            let changed = try database.changeSchema(.createTable(schema, ifNotExists: create.ifNotExists))
            return schemaOutcome(
                changed,
                CQLSchemaChange(change: "CREATED", target: "TABLE", keyspace: schema.keyspace, name: schema.name))
        case .createType(let name, let fields, let ifNotExists):
            let typeKeyspace = try keyspace(of: name)
            let resolver = TypeResolver(keyspace: typeKeyspace, types: database.userType)
            var resolved: [CQLDataType.Field] = []
            for field in fields { resolved.append(CQLDataType.Field(field.name, try resolver.resolve(field.type))) }
            let changed = try database.changeSchema(
                .createType(
                    UserTypeDefinition(keyspace: typeKeyspace, name: name.name, fields: resolved),
                    ifNotExists: ifNotExists))
            return schemaOutcome(
                changed, CQLSchemaChange(change: "CREATED", target: "TYPE", keyspace: typeKeyspace, name: name.name))
        case .drop(let target, let name, let ifExists):
            let dropKeyspace = target == .keyspace ? name.name : try keyspace(of: name)
            let change: SchemaChange
            switch target {
            case .keyspace: change = .dropKeyspace(name.name, ifExists: ifExists)
            case .table: change = .dropTable(keyspace: dropKeyspace, name: name.name, ifExists: ifExists)
            case .type: change = .dropType(keyspace: dropKeyspace, name: name.name, ifExists: ifExists)
            }
            let changed = try database.changeSchema(change)
            return schemaOutcome(
                changed,
                CQLSchemaChange(
                    change: "DROPPED", target: target.rawValue, keyspace: dropKeyspace,
                    name: target == .keyspace ? nil : name.name))
        case .truncate(let name):
            try table(name).truncate()
            return Outcome(result: .void)
        case .select(let select):
            return Outcome(result: try self.select(select, converter: converter, paging: paging))
        case .insert(let insert):
            return Outcome(result: try self.insert(insert, converter: converter))
        case .update(let update):
            return Outcome(result: try self.update(update, converter: converter))
        case .delete(let delete):
            return Outcome(result: try self.delete(delete, converter: converter))
        case .batch(let statements):
            for statement in statements { _ = try execute(statement, bound: bound) }
            return Outcome(result: .void)
        }
    }

    /// The table a statement names, with `system.local` and `system.peers` answered for this node.
    func table(_ name: CQLStatement.QualifiedName) throws(CQLServerError) -> TableStore {
        let tableKeyspace = try keyspace(of: name)
        if tableKeyspace == "system" {
            guard let table = systemTables.table(name.name, schemaVersion: database.schemaVersion) else {
                throw CQLServerError.invalid("unconfigured table \(name.name)")
            }
            return table
        }
        return try database.table(tableKeyspace, name.name)
    }

    func keyspace(of name: CQLStatement.QualifiedName) throws(CQLServerError) -> String {
        guard let resolved = name.keyspace ?? keyspace else {
            throw CQLServerError.invalid(
                "No keyspace has been specified. USE a keyspace, or explicitly specify keyspace.tablename")
        }
        return resolved
    }

    private func schemaOutcome(_ changed: Bool, _ change: CQLSchemaChange) -> Outcome {
        changed ? Outcome(result: .schemaChange(change), schemaChange: change) : Outcome(result: .void)
    }

    private func tableSchema(_ create: CQLStatement.CreateTable) throws(CQLServerError) -> TableSchema {
        let tableKeyspace = try keyspace(of: create.name)
        let resolver = TypeResolver(keyspace: tableKeyspace, types: database.userType)
        var columns: [ColumnDefinition] = []
        for (name, syntax, isStatic) in create.columns {
            let type = try resolver.resolve(syntax)
            var column = ColumnDefinition(
                name: name, type: type, kind: isStatic ? .staticColumn : .regular, position: -1, descending: false)
            if let position = create.partitionKey.firstIndex(of: name) {
                column.kind = .partitionKey
                column.position = position
            } else if let position = create.clusteringKey.firstIndex(of: name) {
                column.kind = .clustering
                column.position = position
                column.descending = create.descending.contains(name)
            }
            columns.append(column)
        }
        for key in create.partitionKey + create.clusteringKey where !columns.contains(where: { $0.name == key }) {
            throw CQLServerError.invalid("Unknown definition \(key) referenced in PRIMARY KEY")
        }
        return TableSchema(keyspace: tableKeyspace, name: create.name.name, columns: columns)
    }

    // MARK: Reads

    /// The tokens every filter admits when all compare the token (nil inside when none is
    /// admitted); nil when some filter is on anything else.
    private static func tokenRange(admittedBy filters: [RowFilter]) -> ClosedRange<Int64>?? {
        var range: ClosedRange<Int64>? = Int64.min...Int64.max
        for filter in filters {
            guard let admitted = filter.tokenRange else { return nil }
            range = range.flatMap { current in admitted.flatMap { current.overlaps($0) ? current.clamped(to: $0) : nil }
            }
        }
        return .some(range)
    }

    private static func countResult(_ count: Int, schema: TableSchema, name: String) -> CQLResult {
        let spec = CQLColumnSpec(keyspace: schema.keyspace, table: schema.name, name: name, type: .bigint)
        var bytes = ByteBuffer()
        bytes.writeInteger(Int64(count))
        return .rows(CQLRowsMetadata(columns: [spec]), [[bytes]])
    }

    private func select(_ select: CQLStatement.Select, converter: TermConverter, paging: Paging)
        throws(CQLServerError) -> CQLResult
    {
        if select.json { throw CQLServerError.invalid("SELECT JSON is not supported by the test server") }
        let table = try table(select.table)
        let schema = table.schema
        let (keys, filterRelations) = try partitionKeys(select.relations, schema: schema, converter: converter)
        var filters: [RowFilter] = []
        for relation in filterRelations {
            filters.append(try RowFilter(relation, schema: schema, converter: converter))
        }
        let limit = try select.limit.map { (term) throws(CQLServerError) in
            try count(term, converter: converter, "LIMIT")
        }
        let perPartition = try select.perPartitionLimit.map { (term) throws(CQLServerError) in
            try count(term, converter: converter, "PER PARTITION LIMIT")
        }
        let reverse =
            select.orderBy.first.map { order in
                guard let first = schema.clusteringKey.first else { return false }
                return order.descending != schema.columns[first].descending
            } ?? false

        let counts = select.selectors.contains { if case .countAll = $0.kind { true } else { false } }
        if counts, keys == nil, select.limit == nil, select.perPartitionLimit == nil, !select.distinct,
            let range = Self.tokenRange(admittedBy: filters)
        {
            // A count by token range (how loaders validate), counted in place.
            let count = range.map(table.countRows(tokenIn:)) ?? 0
            return Self.countResult(count, schema: schema, name: select.selectors.first?.alias ?? "count")
        }
        var matched: [StoredRow] = []
        partitions: for partition in table.snapshot(keys: keys, ordered: !counts) {
            var inPartition = 0
            let rows = reverse ? Array(partition.rows.reversed()) : partition.rows
            for row in rows where filters.allSatisfy({ $0.matches(row, token: partition.token) }) {
                if let perPartition, inPartition >= perPartition { break }
                matched.append(row)
                inPartition += 1
                if select.distinct { break }
                if let limit, matched.count >= limit { break partitions }
            }
        }

        var columns: [(index: Int, spec: CQLColumnSpec)] = []
        for selector in select.selectors {
            switch selector.kind {
            case .column(let name):
                let index = try schema.require(name)
                columns.append((index, schema.spec(index, name: selector.alias)))
            case .countAll:
                return Self.countResult(matched.count, schema: schema, name: selector.alias ?? "count")
            case .writetime, .ttl, .function:
                throw CQLServerError.invalid("The test server selects columns and COUNT(*) only")
            }
        }
        if select.selectors.isEmpty {
            columns = schema.columns.indices.map { ($0, schema.spec($0)) }
        }

        let offset = paging.pagingState.flatMap(Self.offset(ofPagingState:)) ?? 0
        var end = matched.count
        var metadata = CQLRowsMetadata(columns: columns.map(\.spec))
        if let pageSize = paging.pageSize, pageSize > 0, offset + pageSize < matched.count {
            end = offset + pageSize
            metadata.pagingState = Self.pagingState(offset: end)
        }
        let page = offset < end ? matched[offset..<end] : []
        let rows = page.map { row in columns.map { column in row.cells[column.index].map { ByteBuffer(bytes: $0) } } }
        return .rows(metadata, rows)
    }

    /// The partitions a WHERE clause names when it fixes every partition-key column (with `=` or
    /// `IN`), and the relations left to filter rows with.
    private func partitionKeys(
        _ relations: [CQLStatement.Relation], schema: TableSchema, converter: TermConverter
    ) throws(CQLServerError) -> (keys: [[UInt8]]?, filters: [CQLStatement.Relation]) {
        var candidates: [Int: [[UInt8]]] = [:]
        var keyRelations: [CQLStatement.Relation] = []
        var filters: [CQLStatement.Relation] = []
        for relation in relations {
            guard !relation.isToken, relation.op == .equal || relation.op == .in, let name = relation.columns.first,
                let index = schema.index(of: name), schema.columns[index].kind == .partitionKey
            else {
                filters.append(relation)
                continue
            }
            let values = try RowFilter.values(
                of: relation, type: schema.columns[index].type, column: name, converter: converter)
            candidates[index] = values.map { $0?.serialized() ?? [] }
            keyRelations.append(relation)
        }
        guard schema.partitionKey.allSatisfy({ candidates[$0] != nil }) else {
            return (nil, filters + keyRelations)
        }
        var keys: [[[UInt8]]] = [[]]
        for column in schema.partitionKey {
            keys = keys.flatMap { prefix in (candidates[column] ?? []).map { prefix + [$0] } }
        }
        return (keys.map(Murmur3Token.routingKey), filters)
    }

    private func count(_ term: CQLTerm, converter: TermConverter, _ clause: String) throws(CQLServerError) -> Int {
        guard case .int(let value)? = try converter.value(term, as: .int, column: clause), value > 0 else {
            throw CQLServerError.invalid("\(clause) must be strictly positive")
        }
        return Int(value)
    }

    /// Paging states are the number of rows already returned: deterministic while the table does
    /// not change between pages, which is all a test double needs.
    static func pagingState(offset: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt64(offset).bigEndian) { Array($0) }
    }

    static func offset(ofPagingState state: [UInt8]) -> Int? {
        guard state.count == 8 else { return nil }
        return Int(state.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    // MARK: Writes

    private func insert(_ insert: CQLStatement.Insert, converter: TermConverter) throws(CQLServerError) -> CQLResult {
        let table = try table(insert.table)
        let schema = table.schema
        var assignments: [(Int, CQLBoundValue)] = []
        for (name, term) in zip(insert.columns, insert.values) {
            let index = try schema.require(name)
            assignments.append((index, try converter.bytes(term, as: schema.columns[index].type, column: name)))
        }
        var byColumn = [CQLBoundValue?](repeating: nil, count: schema.columns.count)
        for (index, value) in assignments { byColumn[index] = value }
        let key = try RowKey(schema: schema, values: byColumn)
        return try table.modifyRow(partitionKey: key.partition, clustering: key.clustering) {
            (row) throws(CQLServerError) -> CQLResult in
            if insert.ifNotExists, let existing = row {
                return LightweightTransaction.result(applied: false, schema: schema, row: existing, columns: nil)
            }
            var updated = row ?? key.emptyRow(schema)
            for (index, value) in assignments { updated.set(index, value) }
            row = updated
            return insert.ifNotExists ? LightweightTransaction.applied(schema) : .void
        }
    }

    private func update(_ update: CQLStatement.Update, converter: TermConverter) throws(CQLServerError) -> CQLResult {
        let table = try table(update.table)
        let schema = table.schema
        var assignments: [(index: Int, op: Character?, term: CQLTerm)] = []
        for assignment in update.assignments {
            let index = try schema.require(assignment.column)
            guard schema.columns[index].kind == .regular || schema.columns[index].kind == .staticColumn else {
                throw CQLServerError.invalid("PRIMARY KEY part \(assignment.column) found in SET part")
            }
            assignments.append((index, assignment.op, assignment.term))
        }
        var result = CQLResult.void
        for key in try RowKey.all(schema: schema, relations: update.relations, converter: converter, wholeRow: true) {
            result = try table.modifyRow(partitionKey: key.partition, clustering: key.clustering) {
                (row) throws(CQLServerError) -> CQLResult in
                if let failed = try LightweightTransaction.check(
                    update.condition, row: row, schema: schema, converter: converter)
                {
                    return failed
                }
                var updated = row ?? key.emptyRow(schema)
                for assignment in assignments {
                    let column = schema.columns[assignment.index]
                    guard let op = assignment.op else {
                        updated.set(
                            assignment.index, try converter.bytes(assignment.term, as: column.type, column: column.name)
                        )
                        continue
                    }
                    let current = try updated.cells[assignment.index].flatMap { (bytes) throws(CQLServerError) in
                        try Self.decode(bytes, column)
                    }
                    let operand = try converter.value(
                        assignment.term, as: Self.operandType(column.type, op), column: column.name)
                    let combined = try CollectionUpdate.apply(op, current, operand, column: column)
                    updated.set(assignment.index, combined.map { .bytes($0.serialized()) } ?? .null)
                }
                row = updated
                return update.condition.isLightweight ? LightweightTransaction.applied(schema) : .void
            }
        }
        return result
    }

    private func delete(_ delete: CQLStatement.Delete, converter: TermConverter) throws(CQLServerError) -> CQLResult {
        let table = try table(delete.table)
        let schema = table.schema
        var columns: [Int] = []
        for name in delete.columns { columns.append(try schema.require(name)) }
        var result = CQLResult.void
        for key in try RowKey.all(schema: schema, relations: delete.relations, converter: converter, wholeRow: false) {
            if key.clustering.count < schema.clusteringKey.count, columns.isEmpty, !delete.condition.isLightweight {
                // Only the partition key (or a prefix of the clustering key): drop those rows.
                if key.clustering.isEmpty {
                    table.deletePartition(key.partition)
                } else {
                    throw CQLServerError.invalid("The test server deletes whole partitions or single rows only")
                }
                continue
            }
            result = try table.modifyRow(partitionKey: key.partition, clustering: key.clustering) {
                (row) throws(CQLServerError) -> CQLResult in
                if let failed = try LightweightTransaction.check(
                    delete.condition, row: row, schema: schema, converter: converter)
                {
                    return failed
                }
                if columns.isEmpty {
                    row = nil
                } else if row != nil {
                    for index in columns { row?.set(index, .null) }
                }
                return delete.condition.isLightweight ? LightweightTransaction.applied(schema) : .void
            }
        }
        return result
    }

    static func decode(_ bytes: [UInt8], _ column: ColumnDefinition) throws(CQLServerError) -> CQLValue? {
        do {
            return try CQLValue.decode(column.type, from: ByteBuffer(bytes: bytes))
        } catch {
            throw CQLServerError(
                code: CQLServerError.Code.server, message: "Stored value of \(column.name) is unreadable: \(error)")
        }
    }

    /// `m = m - {'k'}` removes keys, so the operand of `-` on a map is a set of keys.
    private static func operandType(_ type: CQLDataType, _ op: Character) -> CQLDataType {
        if op == "-", case .map(let key, _) = type { return .set(key) }
        if case .counter = type { return .bigint }
        return type
    }
}
