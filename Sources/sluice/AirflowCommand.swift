import ArgumentParser
import Foundation
import SluiceAirflow
import SluiceJobs

struct AirflowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "airflow",
        abstract: "Generate Airflow 3 DAG files from the jobs, and check them.",
        subcommands: [AirflowExportCommand.self, AirflowCheckCommand.self]
    )
}

/// The options both subcommands take: where the tasks find `sluice`, and the DAG layout.
struct AirflowExportArguments: ParsableArguments {
    @OptionGroup var options: GlobalOptions

    @Option(help: "The sluice the tasks run, on the Airflow workers (default: this sluice's path).")
    var sluiceBin: String?

    @Option(help: "per-job: one DAG per job; sources-sinks: dag_sources.py and dag_sinks.py.")
    var layout: AirflowLayout = .perJob

    func exportOptions(project: Project) -> AirflowExportOptions {
        AirflowExportOptions(
            sluiceBinary: sluiceBin ?? Self.currentExecutable, projectPath: project.root.standardizedFileURL.path,
            layout: layout)
    }

    private static var currentExecutable: String {
        Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
    }
}

extension AirflowLayout: ExpressibleByArgument {}

struct AirflowExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write one DAG file per job (or the sources/sinks pair), the dag-bag loader, and print the bundle setting."
    )

    @OptionGroup var arguments: AirflowExportArguments

    @Option(help: "The folder to write the DAG files into (created if needed).")
    var out: String

    func run() async throws {
        let project = try ProjectLoader().load(at: arguments.options.projectRoot)
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        let files = try AirflowExport.write(project, options: arguments.exportOptions(project: project), to: folder)
        print(AirflowExportText.summary(files, folder: folder.path), terminator: "")
    }
}

struct AirflowCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Export into a temporary folder, compile the files, and import them with `airflow` when it is on PATH."
    )

    @OptionGroup var arguments: AirflowExportArguments

    func run() async throws {
        let project = try ProjectLoader().load(at: arguments.options.projectRoot)
        let report = try AirflowCheck.run(project, options: arguments.exportOptions(project: project))
        print(report.text, terminator: "")
        if !report.problems.isEmpty { throw AirflowCheckFailure(report: report) }
    }
}
