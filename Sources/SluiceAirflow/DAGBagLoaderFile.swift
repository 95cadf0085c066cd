/// The loader for Airflow's own dags folder, the way the system Sluice replaces handed DAGs to
/// Airflow: it reads the export folder with a `DagBag` and puts its DAGs in the module's globals.
/// A DAG that fails to import would otherwise just vanish, so the loader raises instead, and
/// `airflow dags list-import-errors` names the file and the error.
enum DAGBagLoaderFile {
    static let fileName = "sluice_dagbag_loader.py"

    static func render(folder: String) -> String {
        """
        \(DAGFileRenderer.marker): copy this file into Airflow's dags folder.
        # It loads the DAGs Sluice wrote into the folder below and fails loudly when one of them fails.
        from __future__ import annotations

        from airflow.dag_processing.dagbag import DagBag

        SLUICE_DAGS = \(PythonLiteral.string(folder))

        _bag = DagBag(dag_folder=SLUICE_DAGS)
        if _bag.import_errors:
            raise ImportError(
                "Sluice DAGs in " + SLUICE_DAGS + " failed to import:\\n"
                + "\\n".join(f"{path}: {error}" for path, error in sorted(_bag.import_errors.items()))
            )
        for _dag_id, _dag in sorted(_bag.dags.items()):
            globals()["sluice_dag_" + _dag_id] = _dag

        """
    }

    /// `.airflowignore` for the export folder: the loader is for the dags folder, and read as a DAG
    /// file inside the export folder it would load the folder into itself.
    static let ignoreFile = "\(fileName)\n"
}
