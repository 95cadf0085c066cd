import Foundation
import SluiceCQL

/// Where the ScyllaDB serving store connects and how it reads and writes (`type: scylla` in
/// `sluice.yaml`).
public struct ScyllaConfiguration: Sendable {
    /// `host` or `host:port` of some nodes; the rest are learned from them. All share one port.
    public var contactPoints: [String]
    public var keyspace: String
    /// Route to, and count replicas in, this data center; nil takes the first contact point's.
    public var localDataCenter: String?
    public var username: String?
    public var password: String?
    public var tls: TLS?
    /// Data writes and lookups.
    public var consistency: CQLConsistency = .localQuorum
    /// Pointer and bookkeeping reads and writes.
    public var pointerConsistency: CQLConsistency = .localQuorum
    /// The lightweight transactions (the flip, rollback and loader locks) and the reads that settle
    /// one whose answer was lost.
    public var serialConsistency: CQLConsistency = .localSerial
    /// Creates the keyspace on first use with this replication; nil: the keyspace must exist.
    public var createKeyspace: KeyspaceReplication?
    /// Writes in flight during a load.
    public var maxInFlight = 1024
    /// Caps a load's rate so it cannot starve live readers; nil: as fast as the cluster takes.
    public var rowsPerSecond: Int?
    /// Each write or read attempt.
    public var requestTimeout: TimeInterval = 12
    /// TRUNCATE flushes memtables on every replica and can take minutes on a large table.
    public var truncateTimeout: TimeInterval = 600
    /// How long a loader lock holds without renewal: a loader that dies on another machine
    /// blocks the next load for at most this long.
    public var lockLease: TimeInterval = 60
    public var compression = false
    public var timing: ServingTiming = .defaults

    public struct TLS: Sendable, Hashable {
        /// PEM file of the certificate authorities to trust; nil: the system's.
        public var caFile: String?
        /// The name the nodes' certificates carry, when not their addresses.
        public var serverName: String?

        public init(caFile: String? = nil, serverName: String? = nil) {
            self.caFile = caFile
            self.serverName = serverName
        }
    }

    public init(contactPoints: [String], keyspace: String) {
        self.contactPoints = contactPoints
        self.keyspace = keyspace
    }
}

/// How a keyspace Sluice creates is replicated.
public enum KeyspaceReplication: Sendable, Hashable, CustomStringConvertible {
    /// SimpleStrategy: only for a cluster with one data center.
    case simple(factor: Int)
    /// NetworkTopologyStrategy with a factor per data center.
    case networkTopology([String: Int])

    /// The `replication` map of CREATE KEYSPACE.
    var cql: String {
        switch self {
        case .simple(let factor): return "{'class': 'SimpleStrategy', 'replication_factor': \(factor)}"
        case .networkTopology(let factors):
            let entries = factors.sorted { $0.key < $1.key }.map { "'\(Self.escaped($0.key))': \($0.value)" }
            return "{'class': 'NetworkTopologyStrategy', \(entries.joined(separator: ", "))}"
        }
    }

    public var description: String {
        switch self {
        case .simple(let factor): "SimpleStrategy, replication factor \(factor)"
        case .networkTopology(let factors):
            "NetworkTopologyStrategy, "
                + factors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
    }

    private static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }
}
