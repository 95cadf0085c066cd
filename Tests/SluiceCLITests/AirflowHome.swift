import Foundation
import SluiceTestSupport

/// A real Airflow 3 with its own `AIRFLOW_HOME` in a scratch folder and a migrated SQLite
/// database: `scripts/test` installs it and names its `airflow` in `SLUICE_TEST_AIRFLOW`.
struct AirflowHome {
    /// The `airflow` executable, or nil where Airflow is not installed.
    static let airflow: URL? = ProcessInfo.processInfo.environment["SLUICE_TEST_AIRFLOW"].map {
        URL(fileURLWithPath: $0)
    }

    let folder: ScratchFolder
    /// DAG bundles by name: the folders Airflow reads DAG files from, beside its dags folder.
    let bundles: [String: URL]

    var dagsFolder: URL { folder.url.appendingPathComponent("dags") }

    init(bundles: [String: URL]) async throws {
        folder = try ScratchFolder()
        self.bundles = bundles
        try FileManager.default.createDirectory(at: dagsFolder, withIntermediateDirectories: true)
        _ = try await expectSuccess(["db", "migrate"])
    }

    /// The environment Airflow commands (and commands that run them) get: this home, no examples,
    /// the bundles, and `airflow` on PATH.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["AIRFLOW_HOME"] = folder.url.path
        environment["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
        environment["AIRFLOW__CORE__DAGS_FOLDER"] = dagsFolder.path
        environment["AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST"] = bundleConfigList
        if let airflow = Self.airflow {
            environment["PATH"] = airflow.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        }
        return environment
    }

    /// `airflow …` in this home.
    func run(_ arguments: [String]) async throws -> ChildProcessResult {
        guard let airflow = Self.airflow else { throw AirflowMissing() }
        return try await ChildProcess.run(airflow, arguments, in: folder.url, environment: environment)
    }

    /// `airflow …`, failing the test with its output unless it exits 0.
    @discardableResult
    func expectSuccess(_ arguments: [String]) async throws -> ChildProcessResult {
        let result = try await run(arguments)
        guard result.status == 0 else {
            throw AirflowFailure(arguments: arguments, result: result)
        }
        return result
    }

    /// The import errors `airflow dags list-import-errors` reports, as file name → error text.
    /// It exits 1 when there are some.
    func importErrors() async throws -> [String: String] {
        let arguments = ["dags", "list-import-errors", "--output", "json"]
        let result = try await run(arguments)
        // Airflow prints warnings on stdout as well; the answer is the line with the JSON array.
        guard result.status <= 1, let line = result.stdout.split(separator: "\n").last(where: { $0.hasPrefix("[") }),
            let rows = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]]
        else { throw AirflowFailure(arguments: arguments, result: result) }
        var errors: [String: String] = [:]
        for row in rows {
            errors[row["filepath"] as? String ?? "?"] = row["error"] as? String ?? ""
        }
        return errors
    }

    func remove() { folder.remove() }

    private var bundleConfigList: String {
        let local = "airflow.dag_processing.bundles.local.LocalDagBundle"
        let entries =
            [#"{"name": "dags-folder", "classpath": "\#(local)", "kwargs": {}}"#]
            + bundles.sorted { $0.key < $1.key }.map { name, url in
                #"{"name": "\#(name)", "classpath": "\#(local)", "kwargs": {"path": "\#(url.path)"}}"#
            }
        return "[" + entries.joined(separator: ", ") + "]"
    }
}

struct AirflowMissing: Error, CustomStringConvertible {
    var description: String { "SLUICE_TEST_AIRFLOW is not set" }
}

struct AirflowFailure: Error, CustomStringConvertible {
    let arguments: [String]
    let result: ChildProcessResult
    var description: String {
        "airflow \(arguments.joined(separator: " ")) exited \(result.status):\n"
            + String(result.stdout.suffix(4000)) + "\n" + String(result.stderr.suffix(4000))
    }
}
