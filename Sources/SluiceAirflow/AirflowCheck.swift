import Foundation
import SluiceCore
import SluiceJobs

/// `sluice airflow check`: exports into a temporary folder, compiles every file with `python3`,
/// and, when `airflow` is on PATH, has Airflow import them (`airflow dags list-import-errors
/// --local` with the folder as its dags folder).
public enum AirflowCheck {
    /// What the check found; `problems` empty means the DAGs are fine.
    public struct Report: Sendable {
        public var files: [String] = []
        /// Tools the check looked for and did not find.
        public var skipped: [String] = []
        public var problems: [String] = []
    }

    public static func run(_ project: Project, options: AirflowExportOptions) throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sluice-airflow-check-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try AirflowExport.write(project, options: options, to: folder)
        var report = Report(files: files.map(\.name).filter { $0.hasSuffix(".py") })
        if let python = ExecutableSearch.find("python3") {
            for name in report.files {
                let result = try ToolRun.run(python, ["-m", "py_compile", folder.appendingPathComponent(name).path])
                if result.status != 0 { report.problems.append("\(name) does not compile: \(result.stderr)") }
            }
        } else {
            report.skipped.append("python3 (files not compiled)")
        }
        guard let airflow = ExecutableSearch.find("airflow") else {
            report.skipped.append("airflow (DAGs not imported)")
            return report
        }
        var environment = ProcessInfo.processInfo.environment
        environment["AIRFLOW__CORE__DAGS_FOLDER"] = folder.path
        environment["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
        let result = try ToolRun.run(
            airflow, ["dags", "list-import-errors", "--local", "--output", "json"], environment: environment)
        // Airflow prints warnings on stdout too; the answer is the line holding the JSON array.
        let json = result.stdout.split(separator: "\n").last { $0.hasPrefix("[") }.map(String.init) ?? ""
        let errors = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]]
        if result.status != 0 || errors == nil {
            report.problems.append("`airflow dags list-import-errors` failed (exit \(result.status)): \(result.stderr)")
        }
        for error in errors ?? [] {
            let file = (error["filepath"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } ?? "?"
            report.problems.append("\(file): \(error["error"] as? String ?? "")")
        }
        return report
    }
}

extension AirflowCheck.Report {
    /// `airflow check: 2 DAG files …` lines for the terminal.
    public var text: String {
        var lines = ["checked \(files.count) generated file(s): " + files.joined(separator: ", ")]
        lines += skipped.map { "skipped: \($0) is not on PATH" }
        lines += problems.isEmpty ? ["no problems found"] : problems.map { "problem: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The check found problems; the message lists them.
public struct AirflowCheckFailure: SluiceError {
    public var report: AirflowCheck.Report

    public init(report: AirflowCheck.Report) {
        self.report = report
    }

    public var description: String { "the generated DAGs have problems:\n" + report.problems.joined(separator: "\n") }
    public var category: FailureCategory { .taskFailed }
}
