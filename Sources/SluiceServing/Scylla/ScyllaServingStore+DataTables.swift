import Foundation
import NIOCore
import SluiceCQL
import SluiceCore

extension ScyllaServingStore {
    // MARK: Claiming a table

    /// Empties the inactive table (TRUNCATE, or DROP and CREATE when the columns changed) under
    /// the table's claim lock, which the flip also takes, so a flip and a claim never interleave.
    public func claimLoad(_ state: TableLoadState) async throws -> LoadClaim {
        let physical = state.physicalTable
        let name = try dataTable(physical)
        return try await withClaimLock(of: state.table) {
            if try await serialPointer(of: state.table)?.activeTable == physical {
                throw ServingError.claimedActiveTable(table: state.table, physicalTable: physical)
            }
            let current = try await loadState(of: physical)
            if current?.isSameLoad(sourceRun: state.sourceRun, shardCount: state.shardCount, schema: state.schema)
                == true
            {
                return .joined
            }
            // Marked first, so a table whose emptying is cut short is never taken for a complete
            // load (by a rollback) or for this load (by a shard that would join it).
            var emptying = state
            emptying.sourceRun = "emptying for \(state.sourceRun)"
            try await updateLoadState(emptying)
            let existing = try await columns(of: physical)
            var replaced: ServingSchema?
            if let existing, existing.hasSameColumns(as: state.schema) {
                try await truncate(physical, name: name)
            } else {
                replaced = existing
                try await recreate(physical, name: name, schema: state.schema, existed: existing != nil)
            }
            _ = try await statements.run(
                "DELETE FROM \(table(ScyllaMetadataTables.shards)) WHERE physical_table = ?", [.text(physical)],
                options: pointerOptions, operation: "forget the shards of \(physical)")
            try await updateLoadState(state)
            return .started(replacedSchema: replaced)
        }
    }

    /// The quoted name of a data table, checked.
    func dataTable(_ physical: String) throws(ServingError) -> String {
        try CQLName.validate(physical, kind: "serving table")
        return table(physical)
    }

    /// One TRUNCATE with a long timeout, never retried: it needs every replica, flushes memtables
    /// and may outlast the timeout while still succeeding, and a second one can fail on a tablet
    /// cluster while the first is under way. Whether it worked is checked by reading the table.
    private func truncate(_ physical: String, name: String) async throws {
        let options = CQLStatementOptions(
            consistency: configuration.consistency, isIdempotent: false,
            timeout: .interval(configuration.truncateTimeout))
        do {
            _ = try await client.query("TRUNCATE \(name)", options: options)
        } catch  where ScyllaStatements.outcomeUnknown(error) {
            logger.notice(
                "TRUNCATE did not answer in time; checking whether it emptied the table",
                metadata: ["table": "\(physical)", "error": "\(error)"])
        } catch {
            throw statements.failure(
                "truncate \(physical) (TRUNCATE needs every node of the keyspace's replicas up)", error)
        }
        try await awaitEmpty(physical, name: name)
    }

    /// Waits until `physical` reads empty on every replica (consistency ALL: a replica in another
    /// data center may still hold rows), for at most the truncate timeout.
    private func awaitEmpty(_ physical: String, name: String) async throws {
        let deadline = ContinuousClock.now + .seconds(configuration.truncateTimeout)
        let everyReplica = CQLStatementOptions(
            consistency: .all, isIdempotent: true, timeout: .interval(configuration.requestTimeout))
        while true {
            let rows = try await statements.runOnce(
                "SELECT * FROM \(name) LIMIT 1", options: everyReplica, operation: "check that \(physical) is empty")
            if rows.rows.isEmpty { return }
            guard ContinuousClock.now < deadline else {
                throw ServingError.storeFailed(
                    store: displayName, operation: "truncate \(physical)",
                    detail: "it still holds rows \(Int(configuration.truncateTimeout)) s after TRUNCATE; "
                        + "nothing was loaded and the pointer is unchanged, run the save again")
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Replaces the table when its columns changed (or creates it on the first load).
    private func recreate(_ physical: String, name: String, schema: ServingSchema, existed: Bool) async throws {
        if existed {
            _ = try await statements.runOnce(
                "DROP TABLE IF EXISTS \(name)", options: pointerOptions, operation: "drop \(physical)")
        }
        _ = try await statements.runOnce(
            try Self.createStatement(name, schema: schema, table: physical), options: pointerOptions,
            operation: "create \(physical)")
        statements.forget(naming: name)
        lookupStatements.withLock { $0[physical] = nil }
        try await awaitSchemaAgreement(after: "creating \(physical)")
    }

    /// Every key column is the partition key, so a lookup reads one partition and a load's writes
    /// spread over the whole ring.
    static func createStatement(_ name: String, schema: ServingSchema, table: String) throws(ServingError) -> String {
        for column in schema.columns { try CQLName.validateColumn(column.name, table: table) }
        let columns = schema.columns.map { "\(CQLName.quoted($0.name)) \($0.storeType)" }
        let key = schema.keyColumns.map { CQLName.quoted($0.name) }.joined(separator: ", ")
        return "CREATE TABLE \(name) (\(columns.joined(separator: ", ")), PRIMARY KEY ((\(key))))"
    }

    // MARK: Writing and reading data tables

    public func makeWriter(physicalTable: String, schema: ServingSchema, resultSchema: Schema) async throws
        -> any ServingTableWriter
    {
        let name = try dataTable(physicalTable)
        var encodings: [CQLColumnEncoding] = []
        for (column, field) in zip(schema.columns, resultSchema.fields) {
            guard let encoding = CQLColumnType.encoding(storeType: column.storeType, for: field.dataType) else {
                throw ServingError.unsupportedColumn(
                    table: physicalTable, column: column.name,
                    detail: "a \(field.dataType) column cannot be written into CQL \(column.storeType)")
            }
            encodings.append(encoding)
        }
        let columns = schema.columns.map { CQLName.quoted($0.name) }
        let prepared = try await preparedStatement(
            "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
            operation: "prepare the insert into \(physicalTable)")
        return ScyllaTableWriter(
            client: client, insert: prepared, table: physicalTable, fields: resultSchema.fields,
            storeTypes: schema.columns.map(\.storeType), encodings: encodings, options: dataOptions,
            maxInFlight: configuration.maxInFlight, rowsPerSecond: configuration.rowsPerSecond)
    }

    func preparedStatement(_ text: String, operation: String) async throws -> CQLPrepared {
        do {
            return try await statements.prepared(text)
        } catch {
            throw statements.failure(operation, error)
        }
    }

    /// Counts by token range, a few ranges at a time: one `count(*)` over a large table would run
    /// into the server's range-scan timeout.
    public func rowCount(of physicalTable: String) async throws -> Int64 {
        let name = try dataTable(physicalTable)
        guard let schema = try await columns(of: physicalTable) else { return 0 }
        let key = schema.keyColumns.map { CQLName.quoted($0.name) }.joined(separator: ", ")
        let prepared = try await preparedStatement(
            "SELECT count(*) FROM \(name) WHERE token(\(key)) > ? AND token(\(key)) <= ?",
            operation: "prepare the count of \(physicalTable)")
        let ranges = Self.tokenRanges(count: 4 * max(client.hosts.count, 1))
        let options = CQLStatementOptions(
            consistency: configuration.consistency, isIdempotent: true,
            timeout: .interval(max(configuration.requestTimeout, 60)))
        let client = client
        do {
            return try await withThrowingTaskGroup(of: Int64.self) { group in
                var total: Int64 = 0
                for (index, range) in ranges.enumerated() {
                    if index >= 4, let counted = try await group.next() { total += counted }
                    group.addTask {
                        let rows = try await client.execute(
                            prepared,
                            [
                                .bytes(CQLValue.bigint(range.lower).serialized()),
                                .bytes(CQLValue.bigint(range.upper).serialized()),
                            ], options: options)
                        return try rows.int64(0, rows.columns.first?.name ?? "count")
                    }
                }
                for try await counted in group { total += counted }
                return total
            }
        } catch {
            throw statements.failure("count the rows of \(physicalTable)", error)
        }
    }

    /// `count` ranges `(lower, upper]` covering the Murmur3 ring (tokens are never `Int64.min`).
    static func tokenRanges(count: Int) -> [(lower: Int64, upper: Int64)] {
        let span = (Int128(Int64.max) - Int128(Int64.min)) / Int128(count)
        return (0..<count).map { index in
            let lower = Int64(Int128(Int64.min) + span * Int128(index))
            let upper = index == count - 1 ? Int64.max : Int64(Int128(Int64.min) + span * Int128(index + 1))
            return (lower, upper)
        }
    }

    public func columns(of physicalTable: String) async throws -> ServingSchema? {
        let rows = try await statements.run(
            """
            SELECT column_name, kind, position, type FROM system_schema.columns
            WHERE keyspace_name = ? AND table_name = ?
            """, [.text(keyspace), .text(physicalTable)], options: pointerOptions,
            operation: "read the columns of \(physicalTable)")
        guard !rows.rows.isEmpty else { return nil }
        var keys: [(Int64, ServingColumn)] = []
        var values: [ServingColumn] = []
        for row in rows.rows.indices {
            let column = ServingColumn(name: try rows.text(row, "column_name"), storeType: try rows.text(row, "type"))
            if try rows.text(row, "kind") == "partition_key" {
                keys.append((try rows.int64(row, "position"), column))
            } else {
                values.append(column)
            }
        }
        return ServingSchema(
            keyColumns: keys.sorted { $0.0 < $1.0 }.map(\.1), valueColumns: values.sorted { $0.name < $1.name })
    }

    /// Looks each key up with one prepared SELECT per table, routed to a replica of its partition,
    /// up to 64 keys at once.
    public func lookup(physicalTable: String, keys: [[String]]) async throws
        -> (columns: [String], rows: [[ServingValue]?])
    {
        do {
            return try await lookup(physicalTable, keys: keys)
        } catch let error as CQLServerError where error.code == CQLServerError.Code.invalid {
            // The table was recreated with other columns since its lookup was prepared.
            lookupStatements.withLock { $0[physicalTable] = nil }
            statements.forget(naming: table(physicalTable))
            do {
                return try await lookup(physicalTable, keys: keys)
            } catch {
                throw statements.failure("look keys up in \(physicalTable)", error)
            }
        } catch {
            throw statements.failure("look keys up in \(physicalTable)", error)
        }
    }

    private func lookup(_ physicalTable: String, keys: [[String]]) async throws
        -> (columns: [String], rows: [[ServingValue]?])
    {
        let prepared = try await lookupStatement(physicalTable)
        let markers = prepared.statement.bindMarkers
        var bound: [[CQLBoundValue]] = []
        for key in keys {
            guard key.count == markers.count else {
                throw ServingError.wrongKeyParts(
                    table: physicalTable, keyColumns: markers.map(\.name), given: key.count)
            }
            bound.append(
                try zip(key, markers).map { text, marker in
                    try CQLServingValue.key(text, type: marker.type, column: marker.name, table: physicalTable)
                })
        }
        // Each answer carries the table's columns as they are now (the metadata is not skipped).
        var columns = prepared.statement.resultMetadata.columns.map(\.name)
        let client = client
        let options = dataOptions
        var rows = [[ServingValue]?](repeating: nil, count: keys.count)
        try await withThrowingTaskGroup(of: (Int, [String], [ServingValue]?).self) { group in
            for (index, values) in bound.enumerated() {
                if index >= 64, let (done, names, row) = try await group.next() {
                    rows[done] = row
                    columns = names
                }
                group.addTask {
                    let found = try await client.execute(prepared, values, options: options)
                    let names = found.columns.map(\.name)
                    guard !found.rows.isEmpty else { return (index, names, nil) }
                    return (
                        index, names, try found.columns.indices.map { CQLServingValue.value(try found.value(0, $0)) }
                    )
                }
            }
            for try await (done, names, row) in group {
                rows[done] = row
                columns = names
            }
        }
        // CQL lists value columns by name; readers get them in the job's order, as from SQLite.
        let order = try await columnOrder(of: physicalTable, columns: columns)
        let positions = order.compactMap { columns.firstIndex(of: $0) }
        return (order, rows.map { row in row.map { values in positions.map { values[$0] } } })
    }

    /// `columns` in the order of the load that wrote the table (its schema's). Read again when the
    /// columns change, and at most once per pointer TTL, since a reload may reorder the same columns.
    private func columnOrder(of physicalTable: String, columns: [String]) async throws -> [String] {
        let names = Set(columns)
        let now = ContinuousClock.now
        if let known = columnOrders.withLock({ $0[physicalTable] }), Set(known.order) == names,
            now - known.readAt < .seconds(max(timing.pointerTTL, 1))
        {
            return known.order
        }
        var order = columns
        if let loaded = try await loadState(of: physicalTable)?.schema.columns.map(\.name), Set(loaded) == names,
            loaded.count == columns.count
        {
            order = loaded
        }
        columnOrders.withLock { $0[physicalTable] = (order, now) }
        return order
    }

    /// `SELECT * … WHERE` every key column, prepared once per table: the key columns are read
    /// from the schema on first use only.
    private func lookupStatement(_ physicalTable: String) async throws -> CQLPrepared {
        if let text = lookupStatements.withLock({ $0[physicalTable] }) {
            return try await statements.prepared(text)
        }
        let name = try dataTable(physicalTable)
        guard let schema = try await columns(of: physicalTable) else {
            throw ServingError.notServing(table: physicalTable)
        }
        let condition = schema.keyColumns.map { "\(CQLName.quoted($0.name)) = ?" }.joined(separator: " AND ")
        let text = "SELECT * FROM \(name) WHERE \(condition)"
        let prepared = try await statements.prepared(text)
        lookupStatements.withLock { $0[physicalTable] = text }
        return prepared
    }
}
