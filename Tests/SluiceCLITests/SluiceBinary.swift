import Foundation
import SluiceTestSupport

/// Runs the built `sluice` executable the way a user does, capturing its output and exit code.
struct SluiceBinary {
    typealias Result = ChildProcessResult

    /// `$SLUICE_BIN`, or the `sluice` built next to this test bundle.
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["SLUICE_BIN"] { return URL(fileURLWithPath: path) }
        let directory = Bundle.main.executableURL?.deletingLastPathComponent() ?? Bundle.main.bundleURL
        return directory.appendingPathComponent("sluice")
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws
        -> Result
    {
        try await run(executable: url, arguments, in: directory, environment: environment)
    }

    /// Runs any program the same way (a peer reader, a script).
    static func run(executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:])
        async throws -> Result
    {
        var env = ProcessInfo.processInfo.environment
        env["SLUICE_PROJECT"] = nil
        env.merge(environment) { _, new in new }
        return try await ChildProcess.run(executable, arguments, in: directory, environment: env)
    }
}

/// A temporary folder, removed by `remove()`.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ path: String, _ contents: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
