import Foundation

/// A node as `system.local` and `system.peers` describe it.
public struct CQLHost: Sendable, Hashable, CustomStringConvertible {
    /// Where to connect: the node's rpc_address (its contact point for the local row).
    public var address: String
    public var port: Int
    public var dataCenter: String?
    public var rack: String?
    public var hostID: UUID?
    /// The node's Murmur3 tokens (the ring positions it owns up to).
    public var tokens: [Int64]

    public init(
        address: String, port: Int, dataCenter: String? = nil, rack: String? = nil, hostID: UUID? = nil,
        tokens: [Int64] = []
    ) {
        self.address = address
        self.port = port
        self.dataCenter = dataCenter
        self.rack = rack
        self.hostID = hostID
        self.tokens = tokens
    }

    public var description: String { "\(address):\(port)" }
}
