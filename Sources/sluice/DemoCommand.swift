import ArgumentParser
import Foundation
import Logging
import SluiceJobs

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run job1 end to end on the embedded defaults in a temporary project, for two dates."
    )

    @Option(help: "Where to create the demo project (default: a new temporary folder).")
    var directory: String?

    @Option(help: "Least severe log level shown (the demo prints its own summary).", transform: LogLevelArgument.parse)
    var logLevel: Logger.Level = .warning

    func run() async throws {
        let folder = directory.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Demo.temporaryFolder()
        SluiceLogHandler.bootstrap(level: logLevel, format: .text)
        if let failure = try await Demo.run(in: folder, logger: Logger(label: "sluice"), print: { print($0) }) {
            throw failure
        }
    }
}
