import ArgumentParser
import Foundation
import SluiceCore
import SluiceJobs
import SluiceServing

/// The save task a serving command acts on: job, task and the logical date its paths may use.
struct SaveTaskArguments: ParsableArguments {
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The job.") var job: String
    @Argument(help: "Its save task.") var task: String
    @Option(help: "The logical date, when the task's input path uses it (default: today).")
    var date: String?

    /// Runs `body` with the save task and a context to run it in, then prints what it returns.
    func run(_ body: (SaveTask, TaskContext) async throws -> SwitchOutcome) async throws {
        let logicalDate = try date.map { try LogicalDate(parsing: $0) } ?? LogicalDate.today
        try await ProjectSession.with(at: options.projectRoot, logger: options.makeLogger()) { session in
            let (task, context) = try session.runner.context(job: job, task: task, date: logicalDate)
            let save = try SaveTask.named(task)
            print(ServingStatusText.outcome(try await body(save, context), table: save.target.table), terminator: "")
        }
    }
}

struct SwitchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switch",
        abstract: "Validate a sharded load of the newest result and flip the serving pointer to it.")

    @OptionGroup var arguments: SaveTaskArguments

    func run() async throws {
        try await arguments.run { save, context in try await save.switchOver(in: context) }
    }
}

struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Flip the serving pointer back to the previous table, which still holds the previous load.")

    @OptionGroup var arguments: SaveTaskArguments

    func run() async throws {
        try await arguments.run { save, context in try await save.rollback(in: context) }
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each serving table of a job: active table, version, rows, source run, and waiting results.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The job.") var job: String
    @Option(help: "The logical date, when the save input path uses it (default: today).")
    var date: String?

    func run() async throws {
        let logicalDate = try date.map { try LogicalDate(parsing: $0) } ?? LogicalDate.today
        try await ProjectSession.with(at: options.projectRoot, logger: options.makeLogger()) { session in
            var statuses: [ServingStatus] = []
            for task in try session.project.job(named: job).tasks where task.configured is SaveTask {
                let (task, context) = try session.runner.context(job: job, task: task.name, date: logicalDate)
                statuses.append(try await SaveTask.named(task).status(in: context))
            }
            print(ServingStatusText.status(statuses, job: job), terminator: "")
        }
    }
}

struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Look keys up in a serving table through its pointer, as readers do; one JSON line per key.",
        discussion: "A key of several columns is written with its parts joined by --key-separator.")

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The serving table (a save task's target table).") var table: String
    @Argument(help: "Keys to look up.") var keys: [String]
    @Option(help: "Separates the parts of a key of several columns.") var keySeparator = ","

    func run() async throws {
        try await ProjectSession.with(at: options.projectRoot, logger: options.makeLogger()) { session in
            let reader = try await session.servingReader(table: table)
            let split = keys.map { $0.components(separatedBy: keySeparator) }
            let lookup = try await reader.getMany(split)
            var missing: [String] = []
            for (index, key) in keys.enumerated() {
                if let object = lookup.jsonObject(at: index) { print(object) } else { missing.append(key) }
            }
            if !missing.isEmpty { throw ServingError.keysNotFound(table: table, keys: missing) }
        }
    }
}
