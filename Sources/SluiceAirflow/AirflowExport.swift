import Foundation
import SluiceCore
import SluiceJobs

/// `sluice airflow export`: the DAG files for a project's jobs, the dag-bag loader and the DAG bundle
/// setting, written into one folder.
public enum AirflowExport {
    /// A generated file: its name in the export folder and its text.
    public struct File: Sendable, Equatable {
        public var name: String
        public var contents: String
    }

    /// The name of the DAG bundle the printed setting declares.
    public static let bundleName = "sluice"

    /// Every file of an export of `project`, in name order.
    public static func files(for project: Project, options: AirflowExportOptions, folder: String)
        throws(AirflowExportError) -> [File]
    {
        let dags = try DAGPlanner.dags(for: project, layout: options.layout)
        var files = dags.map { File(name: $0.fileName, contents: DAGFileRenderer.render($0, options: options)) }
        files.append(File(name: DAGBagLoaderFile.fileName, contents: DAGBagLoaderFile.render(folder: folder)))
        files.append(File(name: ".airflowignore", contents: DAGBagLoaderFile.ignoreFile))
        return files.sorted { $0.name < $1.name }
    }

    /// Writes the export into `folder` (created if needed) and removes the DAG files an earlier
    /// export wrote for jobs that are gone. Returns the files written.
    @discardableResult
    public static func write(_ project: Project, options: AirflowExportOptions, to folder: URL)
        throws(AirflowExportError) -> [File]
    {
        let files = try files(for: project, options: options, folder: folder.path)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let names = Set(files.map(\.name))
            for stale in try manager.contentsOfDirectory(atPath: folder.path)
            where stale.hasSuffix(".py") && !names.contains(stale) {
                let url = folder.appendingPathComponent(stale)
                let head = (try? String(contentsOf: url, encoding: .utf8))?.prefix(DAGFileRenderer.marker.count)
                if head.map(String.init) == DAGFileRenderer.marker { try manager.removeItem(at: url) }
            }
            for file in files {
                var contents = file.contents
                // An .airflowignore of the folder's own keeps its rules; the loader's line is added.
                if file.name == ".airflowignore",
                    let existing = try? String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8),
                    !existing.isEmpty
                {
                    let lines = existing.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    contents =
                        lines.contains(DAGBagLoaderFile.fileName)
                        ? existing : existing + (existing.hasSuffix("\n") ? "" : "\n") + file.contents
                }
                try Data(contents.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic)
            }
        } catch {
            throw .cannotWrite(path: folder.path, reason: "\(error)")
        }
        return files
    }

    /// The value of `AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST` that adds `folder` as a DAG
    /// bundle beside Airflow's default dags folder.
    public static func bundleConfigList(folder: String) -> String {
        let local = "airflow.dag_processing.bundles.local.LocalDagBundle"
        return "[{\"name\": \"dags-folder\", \"classpath\": \"\(local)\", \"kwargs\": {}}, "
            + "{\"name\": \"\(bundleName)\", \"classpath\": \"\(local)\", \"kwargs\": {\"path\": \(BackslashEscaping.quoted(folder, quote: "\""))}}]"
    }
}
