import ArgumentParser
import Foundation
import SluiceJobs

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write an example project: job1 (prepare-data, save-data) and its configuration."
    )

    @Argument(help: "The folder to create the project in.")
    var directory: String = "."

    @Flag(help: "Overwrite the example files of an existing project.")
    var force = false

    func run() async throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let written = try ProjectScaffold.write(to: url, force: force)
        print("created project in \(url.path):")
        for path in written { print("  \(path)") }
        print(InitReport.nextSteps(projectPath: directory))
    }
}
