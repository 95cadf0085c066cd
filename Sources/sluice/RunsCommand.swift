import ArgumentParser
import SluiceJobs

struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "Show a job's recorded task runs, newest last.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The job.")
    var job: String

    @Option(help: "How many of the newest records to show.")
    var limit = 20

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more, got \(limit)") }
    }

    func run() async throws {
        let project = try ProjectLoader().load(at: options.projectRoot)
        let job = try project.job(named: job)
        let records = try RunRecordLog(project: project).records(forJob: job.name)
        print(RunReportText.history(records, job: job.name, limit: limit), terminator: "")
    }
}
