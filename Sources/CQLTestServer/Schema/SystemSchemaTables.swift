import SluiceCQL

/// `system_schema` as Cassandra 3 lays it out: what drivers and cqlsh read to learn keyspaces,
/// tables, columns and user types. Rebuilt from the catalog after every schema change; functions,
/// aggregates, triggers, indexes and views exist and stay empty.
final class SystemSchemaTables: Sendable {
    let keyspace: KeyspaceDefinition
    private let keyspaces: TableStore
    private let tables: TableStore
    private let columns: TableStore
    private let types: TableStore

    init() {
        let name = "system_schema"
        let keyspaceName = ("keyspace_name", CQLDataType.text)
        keyspaces = SystemTableBuilder.table(
            name, "keyspaces", partitionKey: [keyspaceName],
            columns: [("durable_writes", .boolean), ("replication", SystemTableBuilder.textMap)])
        tables = SystemTableBuilder.table(
            name, "tables", partitionKey: [keyspaceName], clustering: [("table_name", .text)],
            columns: Self.tableOptions)
        columns = SystemTableBuilder.table(
            name, "columns", partitionKey: [keyspaceName], clustering: [("table_name", .text), ("column_name", .text)],
            columns: [
                ("clustering_order", .text), ("column_name_bytes", .blob), ("kind", .text), ("position", .int),
                ("type", .text),
            ])
        types = SystemTableBuilder.table(
            name, "types", partitionKey: [keyspaceName], clustering: [("type_name", .text)],
            columns: [("field_names", .list(.text)), ("field_types", .list(.text))])
        let empty = [
            SystemTableBuilder.table(
                name, "functions", partitionKey: [keyspaceName],
                clustering: [("function_name", .text), ("argument_types", .list(.text))],
                columns: [
                    ("argument_names", .list(.text)), ("body", .text), ("called_on_null_input", .boolean),
                    ("language", .text), ("return_type", .text),
                ]),
            SystemTableBuilder.table(
                name, "aggregates", partitionKey: [keyspaceName],
                clustering: [("aggregate_name", .text), ("argument_types", .list(.text))],
                columns: [
                    ("final_func", .text), ("initcond", .text), ("return_type", .text), ("state_func", .text),
                    ("state_type", .text),
                ]),
            SystemTableBuilder.table(
                name, "triggers", partitionKey: [keyspaceName],
                clustering: [("table_name", .text), ("trigger_name", .text)],
                columns: [("options", SystemTableBuilder.textMap)]),
            SystemTableBuilder.table(
                name, "indexes", partitionKey: [keyspaceName],
                clustering: [("table_name", .text), ("index_name", .text)],
                columns: [("kind", .text), ("options", SystemTableBuilder.textMap)]),
            SystemTableBuilder.table(
                name, "views", partitionKey: [keyspaceName], clustering: [("view_name", .text)],
                columns: Self.tableOptions + [
                    ("base_table_id", .uuid), ("base_table_name", .text), ("include_all_columns", .boolean),
                    ("where_clause", .text),
                ]),
            SystemTableBuilder.table(
                name, "dropped_columns", partitionKey: [keyspaceName],
                clustering: [("table_name", .text), ("column_name", .text)],
                columns: [("dropped_time", .timestamp), ("type", .text)]),
        ]
        keyspace = SystemTableBuilder.keyspace(name, [keyspaces, tables, columns, types] + empty)
    }

    private static let tableOptions: [(String, CQLDataType)] = [
        ("bloom_filter_fp_chance", .double), ("caching", SystemTableBuilder.textMap), ("comment", .text),
        ("compaction", SystemTableBuilder.textMap), ("compression", SystemTableBuilder.textMap),
        ("crc_check_chance", .double), ("dclocal_read_repair_chance", .double), ("default_time_to_live", .int),
        ("extensions", .map(key: .text, value: .blob)), ("flags", .set(.text)), ("gc_grace_seconds", .int),
        ("id", .uuid), ("max_index_interval", .int), ("memtable_flush_period_in_ms", .int),
        ("min_index_interval", .int), ("read_repair_chance", .double), ("speculative_retry", .text),
    ]

    func rebuild(from definitions: [KeyspaceDefinition]) {
        var keyspaceRows: [StoredRow] = []
        var tableRows: [StoredRow] = []
        var columnRows: [StoredRow] = []
        var typeRows: [StoredRow] = []
        for definition in definitions {
            let name = CQLValue.text(definition.name)
            keyspaceRows.append(
                SystemTableBuilder.row(
                    keyspaces.schema,
                    [
                        "keyspace_name": name, "durable_writes": .boolean(definition.durableWrites),
                        "replication": Self.textMap(definition.replication),
                    ]))
            for table in definition.tables.values {
                let schema = table.schema
                tableRows.append(
                    SystemTableBuilder.row(
                        tables.schema,
                        [
                            "keyspace_name": name, "table_name": .text(schema.name), "id": .uuid(schema.id),
                            "bloom_filter_fp_chance": .double(0.01),
                            "caching": Self.textMap(["keys": "ALL", "rows_per_partition": "NONE"]),
                            "comment": .text(""),
                            "compaction": Self.textMap([
                                "class": "org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy",
                                "max_threshold": "32", "min_threshold": "4",
                            ]),
                            "compression": Self.textMap([
                                "chunk_length_in_kb": "64", "class": "org.apache.cassandra.io.compress.LZ4Compressor",
                            ]),
                            "crc_check_chance": .double(1), "dclocal_read_repair_chance": .double(0.1),
                            "default_time_to_live": .int(0), "extensions": .map([]), "flags": .set([.text("compound")]),
                            "gc_grace_seconds": .int(864_000), "max_index_interval": .int(2048),
                            "memtable_flush_period_in_ms": .int(0), "min_index_interval": .int(128),
                            "read_repair_chance": .double(0), "speculative_retry": .text("99PERCENTILE"),
                        ]))
                for column in schema.columns {
                    columnRows.append(
                        SystemTableBuilder.row(
                            columns.schema,
                            [
                                "keyspace_name": name, "table_name": .text(schema.name),
                                "column_name": .text(column.name),
                                "clustering_order": .text(
                                    column.kind == .clustering ? (column.descending ? "desc" : "asc") : "none"),
                                "column_name_bytes": .blob(Array(column.name.utf8)),
                                "kind": .text(column.kind.rawValue),
                                "position": .int(Int32(column.position)),
                                "type": .text(Self.typeName(column.type, topLevel: true)),
                            ]))
                }
            }
            for type in definition.types.values {
                typeRows.append(
                    SystemTableBuilder.row(
                        types.schema,
                        [
                            "keyspace_name": name, "type_name": .text(type.name),
                            "field_names": .list(type.fields.map { .text($0.name) }),
                            "field_types": .list(type.fields.map { .text(Self.typeName($0.type, topLevel: false)) }),
                        ]))
            }
        }
        keyspaces.replaceAll(keyspaceRows)
        tables.replaceAll(tableRows)
        columns.replaceAll(columnRows)
        types.replaceAll(typeRows)
    }

    /// The type as `system_schema` spells it: user types by bare name, frozen where they nest.
    static func typeName(_ type: CQLDataType, topLevel: Bool) -> String {
        func nested(_ inner: CQLDataType) -> String {
            switch inner {
            case .list, .set, .map, .udt, .tuple: return "frozen<\(typeName(inner, topLevel: false))>"
            default: return typeName(inner, topLevel: false)
            }
        }
        switch type {
        case .udt(_, let name, _): return topLevel ? "frozen<\(name)>" : name
        case .list(let element): return "list<\(nested(element))>"
        case .set(let element): return "set<\(nested(element))>"
        case .map(let key, let value): return "map<\(nested(key)), \(nested(value))>"
        case .tuple(let elements):
            let tuple = "tuple<" + elements.map(nested).joined(separator: ", ") + ">"
            return topLevel ? "frozen<\(tuple)>" : tuple
        default: return type.description
        }
    }

    private static func textMap(_ map: [String: String]) -> CQLValue {
        .map(map.sorted { $0.key < $1.key }.map { .init(.text($0.key), .text($0.value)) })
    }
}
