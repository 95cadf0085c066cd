/// The tables beside the data tables, in the store's keyspace: the pointer (what readers read),
/// the load bookkeeping, the shard reports and the loader locks. All keyed by one partition per
/// name, so each lightweight transaction touches one partition.
enum ScyllaMetadataTables {
    static let pointers = "sluice_pointers"
    static let loads = "sluice_loads"
    static let shards = "sluice_shards"
    static let locks = "sluice_locks"

    static func create(in keyspace: String) -> [String] {
        let name = { CQLName.qualified(keyspace, $0) }
        return [
            """
            CREATE TABLE IF NOT EXISTS \(name(pointers)) (
                table_name text PRIMARY KEY, active_table text, version bigint, loaded_at timestamp,
                switched_at timestamp, source_run text, row_count bigint)
            """,
            """
            CREATE TABLE IF NOT EXISTS \(name(loads)) (
                physical_table text PRIMARY KEY, table_name text, source_run text, shard_count int, phase text,
                schema text, row_count bigint, updated_at timestamp)
            """,
            """
            CREATE TABLE IF NOT EXISTS \(name(shards)) (
                physical_table text, source_run text, shard int, shard_count int, rows bigint,
                finished_at timestamp, PRIMARY KEY ((physical_table), source_run, shard))
            """,
            """
            CREATE TABLE IF NOT EXISTS \(name(locks)) (
                name text PRIMARY KEY, owner text, expires_at timestamp)
            """,
        ]
    }
}
