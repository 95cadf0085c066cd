import Foundation

/// A kind of task (`kind: prepare`, `kind: save`, or one of your own): it reads a task's settings
/// from `job.yaml` and returns the configured task the runner executes.
///
/// Register your own with `TaskKindRegistry.register(_:)`.
public protocol TaskKind: Sendable {
    /// The `kind:` value in `job.yaml`.
    var name: String { get }
    /// The keys this kind reads from a task's mapping, besides `kind`, `after` and `description`.
    var configurationKeys: [String] { get }

    /// Reads and checks the task's settings. Problems are reported through `settings` (they carry
    /// the file, key path and line); return nil when the task is unusable.
    func configure(_ settings: ConfigMapping, in context: TaskConfigurationContext) -> (any ConfiguredTask)?
}

/// A task ready to run, with its settings checked.
public protocol ConfiguredTask: Sendable {
    /// What the task would read and write, for `--dry-run`. It may list storage; it must not
    /// change anything.
    func plan(in context: TaskContext) async throws -> [PlanStep]

    /// Does the work.
    func run(in context: TaskContext) async throws -> TaskMetrics

    /// What the task reads and writes, as `connection:path` strings, for `sluice jobs`.
    var reads: [String] { get }
    var writes: [String] { get }
}

extension ConfiguredTask {
    public var reads: [String] { [] }
    public var writes: [String] { [] }
}

/// One line of a dry-run plan: `read   events <- lake:events/dt=2026-11-20/ (3 objects, 1.2 MB)`.
public struct PlanStep: Sendable, Hashable {
    public var action: String
    public var detail: String

    public init(_ action: String, _ detail: String) {
        self.action = action
        self.detail = detail
    }
}

/// What a task did, for its run record.
public struct TaskMetrics: Sendable, Hashable, Codable {
    public var rowsIn: Int64
    public var rowsOut: Int64
    public var bytesIn: Int64
    public var bytesOut: Int64

    public init(rowsIn: Int64 = 0, rowsOut: Int64 = 0, bytesIn: Int64 = 0, bytesOut: Int64 = 0) {
        self.rowsIn = rowsIn
        self.rowsOut = rowsOut
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
    }
}
