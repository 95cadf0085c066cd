import Foundation
import SluiceCore
import SluiceServing
import SluiceStorage
import Synchronization
import Testing

@testable import SluiceJobs

@Suite("The connection registry")
struct ConnectionRegistryTests {
    /// A connection type whose clients count their creations and shutdowns.
    struct CountingDriver: ConnectionDriver {
        final class Counters: Sendable {
            let created = Atomic<Int>(0)
            let shutDown = Atomic<Int>(0)
            let failuresLeft = Atomic<Int>(0)
        }

        struct Client: SharedClient {
            let counters: Counters
            func shutdown() async throws { counters.shutDown.add(1, ordering: .relaxed) }
        }

        struct Unavailable: Error {}

        let counters: Counters
        var type: String { "counting" }
        var role: ConnectionRole { .serving }
        var settings: [ConnectionSetting] { [] }

        func makeClient(for connection: ConnectionConfig, projectRoot: URL) async throws -> any SharedClient {
            // Slow enough that concurrent first uses overlap.
            try await Task.sleep(for: .milliseconds(50))
            if counters.failuresLeft.load(ordering: .relaxed) > 0 {
                counters.failuresLeft.subtract(1, ordering: .relaxed)
                throw Unavailable()
            }
            counters.created.add(1, ordering: .relaxed)
            return Client(counters: counters)
        }
    }

    func makeRegistry(_ counters: CountingDriver.Counters) throws -> (TestProject, ConnectionRegistry) {
        let project = try TestProject(files: [
            "sluice.yaml":
                "project: p\nconnections:\n  a: { type: counting }\n  b: { type: counting }\n  lake: { type: file, root: ./lake }\n"
        ])
        var drivers = ConnectionDriverRegistry.builtIn
        drivers.register(CountingDriver(counters: counters))
        let loaded = try ProjectLoader(drivers: drivers, environment: [:]).load(at: project.root)
        return (project, ConnectionRegistry(project: loaded, drivers: drivers, logger: .silent))
    }

    @Test("concurrent first uses of a connection create exactly one client")
    func oneClientPerConnection() async throws {
        let counters = CountingDriver.Counters()
        let (project, registry) = try makeRegistry(counters)
        defer { project.remove() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask { _ = try await registry.client(named: index.isMultiple(of: 2) ? "a" : "b") }
            }
            try await group.waitForAll()
        }
        #expect(counters.created.load(ordering: .relaxed) == 2)
        #expect(await registry.openedConnections == ["a", "b"])
        await registry.shutdown()
        #expect(counters.shutDown.load(ordering: .relaxed) == 2)
        #expect(await registry.openedConnections.isEmpty)
        await #expect(throws: ConnectionsShutDown(connection: "a")) { try await registry.client(named: "a") }
    }

    @Test("connections are opened lazily, only when used")
    func lazy() async throws {
        let counters = CountingDriver.Counters()
        let (project, registry) = try makeRegistry(counters)
        defer { project.remove() }
        #expect(await registry.openedConnections.isEmpty)
        let store = try await registry.objectStore(named: "lake")
        #expect(store is LocalObjectStore)
        #expect(counters.created.load(ordering: .relaxed) == 0)
    }

    @Test("a failed creation is not cached: the next use tries again")
    func failedCreationRetried() async throws {
        let counters = CountingDriver.Counters()
        counters.failuresLeft.store(1, ordering: .relaxed)
        let (project, registry) = try makeRegistry(counters)
        defer { project.remove() }
        await #expect(throws: CountingDriver.Unavailable.self) { try await registry.client(named: "a") }
        _ = try await registry.client(named: "a")
        #expect(counters.created.load(ordering: .relaxed) == 1)
    }

    @Test("a relative lake root is inside the project, however the project path is written")
    func relativeRoot() async throws {
        let project = try TestProject.example()
        defer { project.remove() }
        let withoutSlash = URL(fileURLWithPath: project.root.path, isDirectory: false)
        let loaded = try ProjectLoader(environment: [:]).load(at: withoutSlash)
        let store = try await ConnectionRegistry(project: loaded, logger: .silent).objectStore(named: "lake")
        #expect(
            store.displayLocation == "file://" + project.root.appendingPathComponent("lake").standardizedFileURL.path)
    }

    @Test("unknown connections and wrong roles are usage errors")
    func misuse() async throws {
        let counters = CountingDriver.Counters()
        let (project, registry) = try makeRegistry(counters)
        defer { project.remove() }
        await #expect(throws: UnknownNameError.self) { try await registry.client(named: "nope") }
        await #expect(throws: ConnectionRoleError(connection: "a", expected: .lake)) {
            try await registry.objectStore(named: "a")
        }
    }

    @Test("a sqlite connection opens the serving store, which is not a lake")
    func sqliteServingConnection() async throws {
        let project = try TestProject.example()
        defer { project.remove() }
        let registry = ConnectionRegistry(project: try project.load(), logger: .silent)
        let store = try await registry.servingStore(named: "serving")
        #expect(
            store.displayName == "sqlite:" + project.root.appendingPathComponent("serving.db").standardizedFileURL.path)
        #expect(store.timing == .defaults)
        await #expect(throws: ConnectionRoleError(connection: "serving", expected: .lake)) {
            try await registry.objectStore(named: "serving")
        }
        await #expect(throws: ConnectionRoleError(connection: "lake", expected: .serving)) {
            try await registry.servingStore(named: "lake")
        }
        await registry.shutdown()
    }
}
