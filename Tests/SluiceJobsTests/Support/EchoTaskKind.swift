import Foundation
import Synchronization

@testable import SluiceJobs

/// A custom task kind (`kind: echo`) registered from Swift, as users of the framework do: it
/// appends its message to a shared journal, or fails when `fail: true`.
struct EchoTaskKind: TaskKind {
    let journal: Journal

    final class Journal: Sendable {
        private let entries = Mutex<[String]>([])
        func append(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "echo was told to fail" }
    }

    struct Configured: ConfiguredTask {
        let message: String
        let fail: Bool
        let journal: Journal

        func plan(in context: TaskContext) async throws -> [PlanStep] {
            [PlanStep("echo", "\(message) for \(context.date)")]
        }

        func run(in context: TaskContext) async throws -> TaskMetrics {
            journal.append("\(context.taskName):\(message):\(context.date)")
            if fail { throw Failure() }
            return TaskMetrics(rowsIn: 1, rowsOut: 2)
        }
    }

    var name: String { "echo" }
    var configurationKeys: [String] { ["message", "fail"] }

    func configure(_ settings: ConfigMapping, in context: TaskConfigurationContext) -> (any ConfiguredTask)? {
        guard let message = settings.string("message", required: true) else { return nil }
        return Configured(message: message, fail: settings.bool("fail") ?? false, journal: journal)
    }
}
