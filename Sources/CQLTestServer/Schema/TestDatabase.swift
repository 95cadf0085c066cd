import Foundation
import SluiceCQL
import Synchronization

/// The keyspaces, tables and types every node of a test cluster serves: one in-memory copy, as
/// if every keyspace were replicated to every node. Schema changes take the catalog lock; rows
/// live in each table's own store.
final class TestDatabase: Sendable {
    private struct Catalog {
        var keyspaces: [String: KeyspaceDefinition] = [:]
        /// Counts schema changes; `schema_version` is a name-based UUID of it.
        var changes = 0
    }

    private let catalog = Mutex(Catalog())
    /// Held while the system_schema tables are rebuilt, so that of two changes at once the later
    /// snapshot of the catalog is always the one left in place.
    private let rebuilding = Mutex(())
    /// Rebuilds the `system_schema` tables from the catalog after each change.
    let systemSchema: SystemSchemaTables

    init() {
        systemSchema = SystemSchemaTables()
        catalog.withLock { catalog in
            catalog.keyspaces[systemSchema.keyspace.name] = systemSchema.keyspace
        }
        refreshSystemSchema()
    }

    var schemaVersion: UUID { UUID.nameBased("schema \(catalog.withLock { $0.changes })") }

    func keyspaceExists(_ name: String) -> Bool {
        catalog.withLock { $0.keyspaces[name] != nil }
    }

    func table(_ keyspace: String, _ name: String) throws(CQLServerError) -> TableStore {
        let found = catalog.withLock { $0.keyspaces[keyspace].map { ($0.tables[name]) } }
        guard let found else { throw CQLServerError.invalid("Keyspace \(keyspace) does not exist") }
        guard let found else { throw CQLServerError.invalid("unconfigured table \(name)") }
        return found
    }

    func userType(_ keyspace: String, _ name: String) -> UserTypeDefinition? {
        catalog.withLock { $0.keyspaces[keyspace]?.types[name] }
    }

    /// Applies a schema change; returns false when the thing existed (or did not, for a drop) and
    /// the statement said IF NOT EXISTS (IF EXISTS).
    func changeSchema(_ change: SchemaChange) throws(CQLServerError) -> Bool {
        let changed = try catalog.withLock { (catalog) throws(CQLServerError) -> Bool in
            let changed = try change.apply(to: &catalog.keyspaces)
            if changed { catalog.changes += 1 }
            return changed
        }
        if changed { refreshSystemSchema() }
        return changed
    }

    private func refreshSystemSchema() {
        rebuilding.withLock { _ in
            systemSchema.rebuild(from: catalog.withLock { Array($0.keyspaces.values) })
        }
    }
}
