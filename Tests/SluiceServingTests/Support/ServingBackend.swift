import CQLTestServer
import Foundation
import Logging
import SluiceServing
import Testing

/// A serving store the shared suites run against: SQLite, ScyllaDB emulated by `CQLTestServer`,
/// and a real ScyllaDB cluster when `SLUICE_SCYLLA_HOSTS` names one (host[:port],…).
enum ServingBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case scylla
    case scyllaCluster

    /// The backends available here.
    static var available: [ServingBackend] {
        realClusterHosts == nil ? [.sqlite, .scylla] : [.sqlite, .scylla, .scyllaCluster]
    }

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .scylla: "CQLTestServer"
        case .scyllaCluster: "ScyllaDB at SLUICE_SCYLLA_HOSTS"
        }
    }

    var isScylla: Bool { self != .sqlite }

    static var realClusterHosts: [String]? {
        ProcessInfo.processInfo.environment["SLUICE_SCYLLA_HOSTS"].map { $0.split(separator: ",").map(String.init) }
    }

    /// A store in a fresh database (SQLite) or a fresh keyspace (ScyllaDB).
    func makeStore(root: URL, timing: ServingTiming, tune: (inout ScyllaConfiguration) -> Void = { _ in }) async throws
        -> any ServingStore
    {
        switch self {
        case .sqlite:
            return try SQLiteServingStore(path: root.appendingPathComponent("serving.db").path, timing: timing)
        case .scylla, .scyllaCluster:
            let hosts: [String]
            if self == .scylla {
                let server = try await SharedTestServer.oneNode.value
                hosts = ["127.0.0.1:\(server.port)"]
            } else {
                hosts = Self.realClusterHosts ?? []
            }
            var configuration = Self.scyllaConfiguration(hosts: hosts, timing: timing)
            tune(&configuration)
            return try await ScyllaServingStore.connect(configuration, logger: ServingFixture.silent)
        }
    }

    /// A fresh keyspace on `hosts`, created by the store, with short timeouts for tests.
    static func scyllaConfiguration(hosts: [String], timing: ServingTiming) -> ScyllaConfiguration {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ScyllaConfiguration(
            contactPoints: hosts, keyspace: "sluice_test_\(UUID().uuidString.prefix(8).lowercased())")
        configuration.username = environment["SLUICE_SCYLLA_USERNAME"]
        configuration.password = environment["SLUICE_SCYLLA_PASSWORD"]
        configuration.createKeyspace = .simple(factor: Int(environment["SLUICE_SCYLLA_REPLICATION_FACTOR"] ?? "1") ?? 1)
        configuration.timing = timing
        configuration.lockLease = 30
        configuration.truncateTimeout = 60
        return configuration
    }
}

/// One CQLTestServer node per test process, shared by the suites: each fixture has its own
/// keyspace.
enum SharedTestServer {
    static let oneNode = Task { try await CQLTestServer.start() }
}
