import Foundation
import SluiceCore

/// A loaded and validated project: `sluice.yaml` and every `jobs/*/job.yaml`.
public struct Project: Sendable {
    /// The folder holding `sluice.yaml`.
    public var root: URL
    public var name: String
    /// Connections in the order they are declared.
    public var connections: [ConnectionConfig]
    public var engine: EngineConfig
    /// Jobs sorted by name.
    public var jobs: [Job]

    public func connection(named name: String) -> ConnectionConfig? {
        connections.first { $0.name == name }
    }

    /// The job, or a usage error that suggests the closest name.
    public func job(named name: String) throws(UnknownNameError) -> Job {
        guard let job = jobs.first(where: { $0.name == name }) else {
            throw UnknownNameError(kind: "job", name: name, known: jobs.map(\.name))
        }
        return job
    }

    /// Where run records and other local state live: `.sluice/` in the project.
    public var stateDirectory: URL { root.appendingPathComponent(".sluice", isDirectory: true) }
}

/// A job or task name on the command line that the project does not have. Exit code 2.
public struct UnknownNameError: SluiceError, Equatable {
    public var kind: String
    public var name: String
    public var known: [String]

    public var category: FailureCategory { .usage }
    public var description: String {
        ClosestMatch.unknown(kind, name, among: known)
            + (known.isEmpty ? "; the project has none" : "; known: " + known.joined(separator: ", "))
    }
}
