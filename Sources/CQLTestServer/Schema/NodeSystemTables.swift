import Foundation
import SluiceCQL

/// `system.local` and `system.peers` for one node, built when read so that `schema_version`
/// follows the schema: drivers wait until every node reports the same version after a change.
/// Also ScyllaDB's `system.config`.
struct NodeSystemTables: Sendable {
    static let releaseVersion = "3.0.8"
    static let cqlVersion = "3.3.1"
    static let partitioner = "org.apache.cassandra.dht.Murmur3Partitioner"

    let node: TestNode
    let peers: [TestNode]
    let clusterName: String

    func table(_ name: String, schemaVersion: UUID) -> TableStore? {
        switch name {
        case "local": return local(schemaVersion)
        case "peers": return peerTable(schemaVersion)
        case "config": return Self.config
        default: return nil
        }
    }

    private func local(_ schemaVersion: UUID) -> TableStore {
        let table = SystemTableBuilder.table(
            "system", "local", partitionKey: [("key", .text)],
            columns: [
                ("bootstrapped", .text), ("broadcast_address", .inet), ("cluster_name", .text), ("cql_version", .text),
                ("data_center", .text), ("gossip_generation", .int), ("host_id", .uuid), ("listen_address", .inet),
                ("native_protocol_version", .text), ("partitioner", .text), ("rack", .text),
                ("release_version", .text), ("rpc_address", .inet), ("schema_version", .uuid),
                ("thrift_version", .text), ("tokens", .set(.text)), ("truncated_at", .map(key: .uuid, value: .blob)),
            ])
        let address = CQLValue.inet(CQLLiterals.inet(node.address) ?? [127, 0, 0, 1])
        table.replaceAll([
            SystemTableBuilder.row(
                table.schema,
                [
                    "key": .text("local"), "bootstrapped": .text("COMPLETED"), "broadcast_address": address,
                    "cluster_name": .text(clusterName), "cql_version": .text(Self.cqlVersion),
                    "data_center": .text(node.dataCenter), "gossip_generation": .int(1), "host_id": .uuid(node.hostID),
                    "listen_address": address, "native_protocol_version": .text("4"),
                    "partitioner": .text(Self.partitioner), "rack": .text(node.rack),
                    "release_version": .text(Self.releaseVersion), "rpc_address": address,
                    "schema_version": .uuid(schemaVersion), "thrift_version": .text("20.1.0"),
                    "tokens": Self.tokens(node),
                ])
        ])
        return table
    }

    private func peerTable(_ schemaVersion: UUID) -> TableStore {
        let table = SystemTableBuilder.table(
            "system", "peers", partitionKey: [("peer", .inet)],
            columns: [
                ("data_center", .text), ("host_id", .uuid), ("preferred_ip", .inet), ("rack", .text),
                ("release_version", .text), ("rpc_address", .inet), ("schema_version", .uuid), ("tokens", .set(.text)),
            ])
        table.replaceAll(
            peers.map { peer in
                let address = CQLValue.inet(CQLLiterals.inet(peer.address) ?? [127, 0, 0, 1])
                return SystemTableBuilder.row(
                    table.schema,
                    [
                        "peer": address, "data_center": .text(peer.dataCenter), "host_id": .uuid(peer.hostID),
                        "rack": .text(peer.rack), "release_version": .text(Self.releaseVersion), "rpc_address": address,
                        "schema_version": .uuid(schemaVersion), "tokens": Self.tokens(peer),
                    ])
            })
        return table
    }

    /// ScyllaDB's settings table, with the one setting clients look at: `auto_snapshot`, on by
    /// default as in ScyllaDB.
    private static var config: TableStore {
        let table = SystemTableBuilder.table(
            "system", "config", partitionKey: [("name", .text)],
            columns: [("source", .text), ("type", .text), ("value", .text)])
        table.replaceAll([
            SystemTableBuilder.row(
                table.schema,
                [
                    "name": .text("auto_snapshot"), "source": .text("default"), "type": .text("bool"),
                    "value": .text("true"),
                ])
        ])
        return table
    }

    private static func tokens(_ node: TestNode) -> CQLValue {
        .set(TermConverter.sortedUnique(node.tokens.map { .text(String($0)) }))
    }
}
