import Foundation
import NIOCore
import SluiceCQL
import Synchronization

/// What every node of a test cluster shares: the data, the prepared statements, the login, and
/// the connections that registered for events.
final class TestClusterState: Sendable {
    let database: TestDatabase
    let credentials: CQLTestServer.Credentials?
    let clusterName: String
    private let prepared = Mutex<[[UInt8]: PreparedStatement]>([:])
    private let droppedResponses = Mutex<[DroppedResponse]>([])
    private let routing = Mutex<[String: CQLTestServer.Routing]>([:])
    private let listeners = Mutex<[ObjectIdentifier: any Channel]>([:])
    /// Open client connections by the node address they reached, to drop them when a node stops.
    private let connections = Mutex<[String: [ObjectIdentifier: any Channel]]>([:])

    init(credentials: CQLTestServer.Credentials?, clusterName: String) {
        database = TestDatabase()
        self.credentials = credentials
        self.clusterName = clusterName
    }

    func prepared(_ id: [UInt8]) -> PreparedStatement? {
        prepared.withLock { $0[id] }
    }

    func remember(_ statement: PreparedStatement) {
        prepared.withLock { $0[statement.info.id] = statement }
    }

    /// Makes every EXECUTE of an earlier PREPARE fail with Unprepared, as after a node restart.
    func forgetPreparedStatements() {
        prepared.withLock { $0 = [:] }
    }

    /// Counts a prepared statement with a partition key that `node` coordinated.
    func countRouting(node: String, owner: String) {
        routing.withLock { counts in
            if owner == node {
                counts[node, default: .init()].owned += 1
            } else {
                counts[node, default: .init()].other += 1
            }
        }
    }

    var routingCounts: [String: CQLTestServer.Routing] { routing.withLock { $0 } }

    /// Answers a test asked to drop: `toDrop` of the statements matching after `toAnswer` more have
    /// been answered.
    private struct DroppedResponse {
        var matches: @Sendable (String) -> Bool
        var toAnswer: Int
        var toDrop: Int
        var drop: CQLTestServer.ResponseDrop
    }

    func dropResponses(
        afterAnswering answered: Int, count: Int, where matches: @escaping @Sendable (String) -> Bool
    ) -> CQLTestServer.ResponseDrop {
        let drop = CQLTestServer.ResponseDrop()
        droppedResponses.withLock { $0.append(.init(matches: matches, toAnswer: answered, toDrop: count, drop: drop)) }
        return drop
    }

    /// Whether the answer to `text` is to be dropped.
    func takeDroppedResponse(for text: String) -> Bool {
        droppedResponses.withLock { pending in
            pending.removeAll { $0.drop.isStopped }
            guard let index = pending.firstIndex(where: { $0.matches(text) }) else { return false }
            guard pending[index].toAnswer == 0 else {
                pending[index].toAnswer -= 1
                return false
            }
            pending[index].drop.markDropped()
            pending[index].toDrop -= 1
            if pending[index].toDrop == 0 { pending.remove(at: index) }
            return true
        }
    }

    func accepted(_ channel: any Channel, node: String) {
        connections.withLock { $0[node, default: [:]][ObjectIdentifier(channel)] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in
            _ = self?.connections.withLock { $0[node]?.removeValue(forKey: ObjectIdentifier(channel)) }
        }
    }

    /// The open connections to a node, taken out of the registry.
    func removeConnections(node: String) -> [any Channel] {
        connections.withLock { Array(($0.removeValue(forKey: node) ?? [:]).values) }
    }

    func register(_ channel: any Channel) {
        listeners.withLock { $0[ObjectIdentifier(channel)] = channel }
        channel.closeFuture.whenComplete { [weak self] _ in self?.unregister(channel) }
    }

    private func unregister(_ channel: any Channel) {
        _ = listeners.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Sends a SCHEMA_CHANGE event to every registered connection.
    func announce(_ change: CQLSchemaChange) {
        let channels = listeners.withLock { Array($0.values) }
        for channel in channels {
            var bytes = ByteBuffer()
            CQLResponse.event(.schemaChange(change)).writeFrame(stream: -1, to: &bytes)
            channel.writeAndFlush(bytes, promise: nil)
        }
    }
}
