import Foundation
import Logging

@testable import SluiceJobs

/// A project folder written from strings, removed when the test is done.
struct TestProject {
    let root: URL

    init(files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluice-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, contents) }
    }

    /// The example project `sluice init` writes, with some files replaced.
    static func example(overriding files: [String: String] = [:]) throws -> TestProject {
        let project = try TestProject()
        _ = try ProjectScaffold.write(to: project.root)
        for (path, contents) in files { try project.write(path, contents) }
        return project
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func load(environment: [String: String] = [:], kinds: TaskKindRegistry = .builtIn) throws -> Project {
        try ProjectLoader(kinds: kinds, environment: environment).load(at: root)
    }

    /// The issues loading reports (empty when the project is valid).
    func issues(environment: [String: String] = [:]) -> [ConfigIssue] {
        do {
            _ = try ProjectLoader(environment: environment).load(at: root)
            return []
        } catch {
            return error.issues
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

extension Logger {
    /// A logger that drops everything, for tests that do not look at logs.
    static let silent = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
}
