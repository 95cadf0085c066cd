/// A prepared statement: its text (to prepare again on a host that does not know it), its id,
/// bind markers and result columns.
public struct CQLPrepared: Sendable {
    public let query: String
    public let statement: CQLPreparedStatement

    public var id: [UInt8] { statement.id }

    /// The routing token of a row of values: the Murmur3 token of its partition key, when the
    /// server said which markers make it up and none of them is null or unset.
    public func token(for values: [CQLBoundValue]) -> Int64? {
        let indexes = statement.partitionKeyIndexes
        guard !indexes.isEmpty else { return nil }
        if indexes.count == 1 {
            // The common single-column key hashes its value as it is, with no copy.
            guard indexes[0] < values.count, case .bytes(let bytes) = values[indexes[0]] else { return nil }
            return Murmur3Token.token(for: bytes)
        }
        var components: [[UInt8]] = []
        components.reserveCapacity(indexes.count)
        for index in indexes {
            guard index < values.count, case .bytes(let bytes) = values[index] else { return nil }
            components.append(bytes)
        }
        return Murmur3Token.token(for: Murmur3Token.routingKey(components))
    }

    /// Values by bind-marker name in marker order; markers not named are unset.
    public func positional(_ named: [String: CQLBoundValue]) throws(CQLClientError) -> [CQLBoundValue] {
        let names = statement.bindMarkers.map(\.name)
        if let unknown = named.keys.sorted().first(where: { !names.contains($0) }) {
            throw .noSuchBindMarker(unknown, names)
        }
        return names.map { named[$0] ?? .unset }
    }
}
