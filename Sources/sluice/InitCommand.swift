import ArgumentParser
import Foundation
import Logging
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

    @Flag(help: "Also write the demo's sample lake (users, and events for 2026-11-20 and 2026-11-21).")
    var sampleLake = false

    func run() async throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let written = try ProjectScaffold.write(to: url, force: force)
        print("created project in \(url.path):")
        for path in written { print("  \(path)") }
        if sampleLake {
            try await ProjectSession.with(at: url, logger: Logger(label: "sluice")) { session in
                try await Demo.writeSampleLake(in: session)
            }
            print("wrote the sample lake for \(Demo.dates.joined(separator: " and "))")
        }
        print(InitReport.nextSteps(projectPath: directory))
    }
}
