/// What `sluice airflow export` prints: the files written and the two ways to hand them to Airflow.
public enum AirflowExportText {
    public static func summary(_ files: [AirflowExport.File], folder: String) -> String {
        let dagFiles = files.filter { $0.name.hasSuffix(".py") && $0.name != DAGBagLoaderFile.fileName }
        var lines = [
            "wrote \(dagFiles.count) DAG file(s) to \(folder): " + dagFiles.map(\.name).joined(separator: ", ")
        ]
        lines += [
            "",
            "Hand them to Airflow 3 in one of two ways:",
            "- as a DAG bundle (Airflow reads the folder itself and reports errors per file):",
            "    export AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST="
                + ShellWord.quoted(AirflowExport.bundleConfigList(folder: folder)),
            "  then, e.g., airflow dags test JOB YYYY-MM-DD -B \(AirflowExport.bundleName)",
            "- or through Airflow's dags folder: copy \(folder)/\(DAGBagLoaderFile.fileName) into it;",
            "  it loads this folder and raises (see `airflow dags list-import-errors`) when a DAG fails.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
