import ArgumentParser
import SluiceCore
import SluiceJobs
import SluiceServing

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one task, or all tasks of a job in dependency order, for a logical date."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The job (a folder under jobs/).")
    var job: String

    @Argument(help: "One task of the job; default: all its tasks, in dependency order.")
    var task: String?

    @Option(help: "The logical date: YYYY-MM-DD, or an ISO 8601 timestamp (its UTC date is used).")
    var date: String

    @Flag(help: "Print what would be read and written; write nothing.")
    var dryRun = false

    @Option(help: "For a save task: load only shard I of N of the result (I/N); then run `sluice switch`.")
    var shard: String?

    @Flag(help: "For a save task: fail instead of waiting when the last flip is too recent for readers.")
    var noWait = false

    func run() async throws {
        let logicalDate = try LogicalDate(parsing: date)
        let runOptions = RunOptions(shard: try shard.map { try ShardSpec(parsing: $0) }, waitForFlipGap: !noWait)
        let logger = options.makeLogger()
        try await ProjectSession.with(at: options.projectRoot, logger: logger) { session in
            if dryRun {
                let plan = try await session.runner.plan(job: job, task: task, date: logicalDate, options: runOptions)
                print(RunReportText.plan(plan), terminator: "")
            } else {
                let report = try await session.runner.run(job: job, task: task, date: logicalDate, options: runOptions)
                print(RunReportText.summary(report), terminator: "")
                if let failure = report.failure { throw failure }
            }
        }
    }
}
