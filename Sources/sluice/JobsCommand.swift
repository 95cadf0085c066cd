import ArgumentParser
import SluiceJobs

struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List the jobs, their tasks in run order, schedules, and what each task reads and writes."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let project = try ProjectLoader().load(at: options.projectRoot)
        print(ProjectReport.jobListing(project), terminator: "")
    }
}
