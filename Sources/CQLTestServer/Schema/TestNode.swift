import Foundation
import SluiceCQL

/// One node of a test cluster as drivers see it in `system.local` and `system.peers`: its
/// address, data center, rack, host id and tokens.
public struct TestNode: Sendable, Hashable {
    public var address: String
    public var dataCenter: String
    public var rack: String
    public var hostID: UUID
    public var tokens: [Int64]

    public init(
        address: String, dataCenter: String = "datacenter1", rack: String = "rack1", hostID: UUID? = nil,
        tokens: [Int64]
    ) {
        self.address = address
        self.dataCenter = dataCenter
        self.rack = rack
        self.hostID = hostID ?? UUID.nameBased("node \(address)")
        self.tokens = tokens
    }

    /// `count` nodes at 127.0.0.1, 127.0.0.2, … with evenly spaced tokens (8 each), one rack per node,
    /// dealt in turn to `dataCenters` data centers (`datacenter1`, `datacenter2`, …).
    public static func loopbackCluster(count: Int, dataCenters: Int = 1) -> [TestNode] {
        let perNode = 8
        let total = count * perNode
        let step = UInt64.max / UInt64(total)
        return (0..<count).map { node in
            let tokens = (0..<perNode).map { index in
                Int64(bitPattern: UInt64(index * count + node) &* step &+ (1 << 63))
            }
            return TestNode(
                address: "127.0.0.\(node + 1)", dataCenter: "datacenter\(node % max(dataCenters, 1) + 1)",
                rack: "rack\(node + 1)", tokens: tokens)
        }
    }
}
