import Foundation
import Logging
import SluiceCore
import SluiceServing
import SluiceSpark
import SluiceStorage

/// The process's clients, one per named connection: created on first use (concurrent first uses
/// share one creation), and shut down together at the end.
public actor ConnectionRegistry {
    private let connections: [String: ConnectionConfig]
    private let drivers: ConnectionDriverRegistry
    private let projectRoot: URL
    private let logger: Logger
    private var clients: [String: Task<any SharedClient, any Error>] = [:]
    private var isShutDown = false

    public init(project: Project, drivers: ConnectionDriverRegistry = .builtIn, logger: Logger) {
        self.connections = Dictionary(
            project.connections.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.drivers = drivers
        self.projectRoot = project.root
        self.logger = logger
    }

    /// The shared client for a connection.
    public func client(named name: String) async throws -> any SharedClient {
        // After shutdown a new client would never be closed.
        guard !isShutDown else { throw ConnectionsShutDown(connection: name) }
        let creation: Task<any SharedClient, any Error>
        if let existing = clients[name] {
            creation = existing
        } else {
            guard let connection = connections[name] else {
                throw UnknownNameError(kind: "connection", name: name, known: connections.keys.sorted())
            }
            guard let driver = drivers.driver(forType: connection.type) else {
                throw UnknownNameError(kind: "connection type", name: connection.type, known: drivers.types)
            }
            let root = projectRoot
            let logger = logger
            creation = Task {
                logger.debug("opening connection", metadata: ["connection": "\(connection.summary)"])
                return try await driver.makeClient(for: connection, projectRoot: root)
            }
            clients[name] = creation
        }
        do {
            return try await creation.value
        } catch {
            // Forget a failed creation so a later call can try again.
            if clients[name] == creation { clients[name] = nil }
            throw error
        }
    }

    /// The shared object store of a lake connection.
    public func objectStore(named name: String) async throws -> any ObjectStore {
        let client = try await client(named: name)
        guard let store = client as? any ObjectStore else {
            throw ConnectionRoleError(connection: name, expected: .lake)
        }
        return store
    }

    /// The shared store of a serving connection.
    public func servingStore(named name: String) async throws -> any ServingStore {
        let client = try await client(named: name)
        guard let store = client as? any ServingStore else {
            throw ConnectionRoleError(connection: name, expected: .serving)
        }
        return store
    }

    /// Where Spark finds `prefix` of a lake connection.
    ///
    /// - Throws: when the connection is unknown, or of a type Spark cannot read (the error names it).
    public func sparkLocation(connection name: String, prefix: String) throws -> SparkLakeLocation {
        guard let connection = connections[name] else {
            throw UnknownNameError(kind: "connection", name: name, known: connections.keys.sorted())
        }
        guard let driver = drivers.driver(forType: connection.type),
            let location = driver.sparkLocation(of: prefix, in: connection, projectRoot: projectRoot)
        else {
            throw SparkLakeUnsupported(connection: name, type: connection.type)
        }
        return location
    }

    /// The process's one Spark Connect session for `url`, opened on first use and closed with the
    /// connections.
    public func sparkClient(_ url: SparkConnectURL) async throws -> SparkConnectClient {
        let key = "spark engine \(url)"
        guard !isShutDown else { throw ConnectionsShutDown(connection: key) }
        let creation = clients[key] ?? Task { try SparkConnectClient(url) as any SharedClient }
        clients[key] = creation
        guard let client = try await creation.value as? SparkConnectClient else {
            throw ConnectionRoleError(connection: key, expected: .lake)
        }
        return client
    }

    /// Names of the connections opened so far.
    public var openedConnections: [String] { clients.keys.sorted() }

    /// Shuts every opened client down. Errors are logged, not thrown: shutdown must reach them all.
    public func shutdown() async {
        isShutDown = true
        let opened = clients
        clients = [:]
        for (name, creation) in opened.sorted(by: { $0.key < $1.key }) {
            guard let client = try? await creation.value else { continue }
            do {
                try await client.shutdown()
            } catch {
                logger.warning("closing connection failed", metadata: ["connection": "\(name)", "error": "\(error)"])
            }
        }
    }
}

/// A lake connection whose type Spark cannot reach, named in a prepare task on `engine: spark`.
public struct SparkLakeUnsupported: SluiceError, Equatable {
    public var connection: String
    public var type: String

    public var category: FailureCategory { .usage }
    public var description: String {
        "connection \"\(connection)\" (type \(type)) cannot be read or written by Spark; use a file or s3 lake"
    }
}

/// A connection used for something its type cannot do (a serving store as a lake, …).
public struct ConnectionRoleError: SluiceError, Equatable {
    public var connection: String
    public var expected: ConnectionRole

    public var category: FailureCategory { .usage }
    public var description: String { "connection \"\(connection)\" is not a \(expected.rawValue) connection" }
}

/// A connection asked for after the registry was shut down: a bug in the caller, reported
/// instead of leaking a client.
public struct ConnectionsShutDown: SluiceError, Equatable {
    public var connection: String

    public var category: FailureCategory { .taskFailed }
    public var description: String { "connection \"\(connection)\" requested after the connections were shut down" }
}
