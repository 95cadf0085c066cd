import SluiceCore
import SluiceServing

extension Project {
    /// Every serving table the project's save tasks load, by table name.
    public var servingTargets: [ServingTarget] {
        var seen: Set<String> = []
        return jobs.flatMap(\.tasks).compactMap { ($0.configured as? SaveTask)?.target }.filter {
            seen.insert($0.table).inserted
        }
    }

    /// The save target that loads `table`.
    public func servingTarget(table: String) throws(UnknownNameError) -> ServingTarget {
        guard let target = servingTargets.first(where: { $0.table == table }) else {
            throw UnknownNameError(kind: "serving table", name: table, known: servingTargets.map(\.table).sorted())
        }
        return target
    }
}

extension ProjectSession {
    /// A reader of a serving table with its connection's pointer TTL.
    public func servingReader(table: String) async throws -> ServingReader {
        let target = try project.servingTarget(table: table)
        let store = try await connections.servingStore(named: target.connection)
        return ServingReader(store: store, table: table, pointerTTL: .seconds(store.timing.pointerTTL))
    }
}
