import ArgumentParser
import Foundation
import Logging
import SluiceJobs

/// Options every project command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The project folder (holding sluice.yaml). Default: $SLUICE_PROJECT or the current folder.")
    var project: String?

    @Option(
        help: "Least severe log level shown: trace, debug, info, notice, warning, error, critical.",
        transform: LogLevelArgument.parse
    )
    var logLevel: Logger.Level = .info

    @Option(help: "Log line format: text, or json (one object per line, for Airflow workers).")
    var logFormat: LogFormat = .text

    var projectRoot: URL { ProjectLocation.root(explicit: project) }

    /// Sets up logging and returns the command's logger.
    func makeLogger() -> Logger {
        SluiceLogHandler.bootstrap(level: logLevel, format: logFormat)
        return Logger(label: "sluice")
    }
}

/// `--log-level` values: swift-log's level names.
enum LogLevelArgument {
    static func parse(_ text: String) throws -> Logger.Level {
        guard let level = Logger.Level(rawValue: text) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("invalid log level \"\(text)\"; expected one of: \(names)")
        }
        return level
    }
}

extension LogFormat: ExpressibleByArgument {}
