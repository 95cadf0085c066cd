import ArgumentParser
import SluiceJobs

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check sluice.yaml and every job; each problem names its file, key and line."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let project = try ProjectLoader().load(at: options.projectRoot)
        print(ProjectReport.validationSummary(project), terminator: "")
    }
}
