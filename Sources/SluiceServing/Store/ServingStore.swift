import SluiceCore

/// A serving store (SQLite, ScyllaDB): the physical tables, the pointer table and the load
/// bookkeeping the blue/green switch needs. `BlueGreenSwitch` holds the pattern; a store only
/// provides these primitives, each atomic where its comment says so.
public protocol ServingStore: SharedClient {
    /// Names the store in messages (`sqlite:./serving.db`).
    var displayName: String { get }

    /// How long readers of this store cache the pointer and run a request: sets the gap between a
    /// flip and the next truncate of the retired table.
    var timing: ServingTiming { get }

    /// Creates the pointer and bookkeeping tables when missing. Safe to call from every process.
    func prepareMetadata() async throws

    /// The store's column type for a result column; `override` is the job's explicit choice.
    ///
    /// - Throws: `ServingError.unsupportedColumn` when the store cannot hold the column.
    func storeType(for field: Field, override: String?) throws -> String

    /// The pointer row of a logical table; nil before its first flip.
    func pointer(of table: String) async throws -> ServingPointer?

    /// Writes `new` when the stored row's version is `expectedVersion` (nil: no row yet).
    /// Atomic: of two callers expecting the same version, exactly one gets true.
    func compareAndSetPointer(_ new: ServingPointer, expectedVersion: Int64?) async throws -> Bool

    /// The load bookkeeping of a physical table; nil before its first load.
    func loadState(of physicalTable: String) async throws -> TableLoadState?

    /// Starts a load of `state.physicalTable` unless the same load is already under way there.
    /// Atomic: when it starts one, it records `state`, forgets earlier shard reports and leaves
    /// the table empty with `state.schema` (recreated when the schema differs).
    func claimLoad(_ state: TableLoadState) async throws -> LoadClaim

    /// Records a validated table's new state (phase `.ready`, its row count).
    func updateLoadState(_ state: TableLoadState) async throws

    func recordShard(_ report: ShardReport) async throws
    func shardReports(of physicalTable: String, sourceRun: String) async throws -> [ShardReport]

    /// A writer of rows into a claimed physical table. Writing an existing key replaces its row,
    /// so a shard that runs again rewrites the same rows.
    func makeWriter(physicalTable: String, schema: ServingSchema, resultSchema: Schema) async throws
        -> any ServingTableWriter

    func rowCount(of physicalTable: String) async throws -> Int64

    /// The columns the physical table really has: key columns in key order, value columns in the
    /// store's order; nil when it does not exist.
    func columns(of physicalTable: String) async throws -> ServingSchema?

    /// Looks keys up in a physical table. Each key holds one text value per key column,
    /// converted to the column's type.
    func lookup(physicalTable: String, keys: [[String]]) async throws -> (columns: [String], rows: [[ServingValue]?])

    /// Takes the named lock that keeps two loaders off one table (or one shard). Released by
    /// `LoadLock.release()`, and by the store when the process dies.
    ///
    /// - Throws: `ServingError.loadInProgress` when another process holds it.
    func acquireLoadLock(_ name: String) async throws -> any LoadLock

    /// What people running the store should know that the pointer does not say (a server setting
    /// that costs disk, say), for `sluice status`.
    func operatorNotes() async -> [String]
}

extension ServingStore {
    public func operatorNotes() async -> [String] { [] }
}

/// Whether `claimLoad` started a new load or joined the one under way.
public enum LoadClaim: Sendable, Equatable {
    /// A new load: the table was emptied. `replacedSchema` is set when it was recreated.
    case started(replacedSchema: ServingSchema?)
    /// Another shard of the same load claimed it already; nothing was emptied.
    case joined
}
