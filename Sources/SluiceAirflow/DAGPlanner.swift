import SluiceCore
import SluiceJobs

/// Turns a project's jobs into the DAGs of a layout.
enum DAGPlanner {
    /// The start date of a job without `start_date`; with `catchup: false` (the default) it only
    /// has to lie in the past.
    static let defaultStartDate = CivilDate(daysSinceEpoch: 19_723)  // 2024-01-01

    static func dags(for project: Project, layout: AirflowLayout) throws(AirflowExportError) -> [DAGDefinition] {
        let dags = try planned(project, layout: layout)
        try checkNames(dags)
        return dags
    }

    private static func planned(_ project: Project, layout: AirflowLayout) throws(AirflowExportError)
        -> [DAGDefinition]
    {
        switch layout {
        case .perJob:
            return project.jobs.map { job in
                DAGDefinition(
                    id: job.name, fileName: job.name + ".py", description: job.description, schedule: job.schedule,
                    timetable: job.timetable, startDate: job.startDate ?? defaultStartDate, catchup: job.catchup,
                    maxActiveRuns: job.maxActiveRuns, tags: job.tags, sourceFiles: [job.file],
                    tasks: tasks(of: job, where: { _ in true }, id: { $0.name }))
            }
        case .sourcesSinks:
            return try [
                combined(project, id: "sluice_sources", fileName: "dag_sources.py", "Every job's prepare tasks") {
                    $0.kind != "save"
                },
                combined(project, id: "sluice_sinks", fileName: "dag_sinks.py", "Every job's save tasks") {
                    $0.kind == "save"
                },
            ].compactMap { $0 }
        }
    }

    /// One DAG of the chosen tasks of every job; nil when no job has such a task. The jobs must
    /// share a schedule, since the DAG has one.
    private static func combined(
        _ project: Project, id: String, fileName: String, _ description: String, including: (JobTask) -> Bool
    ) throws(AirflowExportError) -> DAGDefinition? {
        let jobs = project.jobs.filter { $0.tasks.contains(where: including) }
        guard let first = jobs.first else { return nil }
        if let other = jobs.first(where: { $0.schedule != first.schedule || $0.timetable != first.timetable }) {
            throw .schedulesDiffer(
                dag: id, first: (first.name, first.schedule, first.timetable),
                other: (other.name, other.schedule, other.timetable))
        }
        return DAGDefinition(
            id: id, fileName: fileName, description: description, schedule: first.schedule,
            timetable: first.timetable,
            startDate: jobs.map { $0.startDate ?? defaultStartDate }.min() ?? defaultStartDate,
            catchup: jobs.allSatisfy(\.catchup), maxActiveRuns: jobs.map(\.maxActiveRuns).min() ?? 1,
            tags: Array(Set(jobs.flatMap(\.tags))).sorted(), sourceFiles: jobs.map(\.file),
            tasks: jobs.flatMap { job in tasks(of: job, where: including, id: { "\(job.name)__\($0.name)" }) })
    }

    /// A DAG file may not take the loader's name, and no two Airflow tasks of a DAG may share an id
    /// (a task named `X-switch` beside a sharded `X`; `a__b` + `c` and `a` + `b__c` combined).
    private static func checkNames(_ dags: [DAGDefinition]) throws(AirflowExportError) {
        if let dag = dags.first(where: { $0.fileName == DAGBagLoaderFile.fileName }) {
            throw .nameCollision("job \(dag.id)'s DAG file would replace \(DAGBagLoaderFile.fileName)")
        }
        for dag in dags {
            var seen: Set<String> = []
            for id in dag.tasks.flatMap({ $0.shards > 1 ? [$0.id, $0.finalID] : [$0.id] })
            where !seen.insert(id).inserted {
                throw .nameCollision("DAG \(dag.id) would have two tasks with the id \(id)")
            }
        }
    }

    /// The chosen tasks of `job` in run order, with their `after:` edges among the chosen ones.
    private static func tasks(of job: Job, where including: (JobTask) -> Bool, id: (JobTask) -> String) -> [DAGTask] {
        let chosen = job.executionOrder.filter(including)
        let finalIDs = Dictionary(
            uniqueKeysWithValues: chosen.map { task in
                (task.name, shardCount(of: task) > 1 ? id(task) + "-switch" : id(task))
            })
        return chosen.map { task in
            DAGTask(
                id: id(task), job: job.name, task: task.name, shards: shardCount(of: task),
                upstream: task.after.compactMap { finalIDs[$0] }, owner: job.owner, retries: job.retries,
                retryDelaySeconds: job.retryDelaySeconds)
        }
    }

    private static func shardCount(of task: JobTask) -> Int {
        (task.configured as? SaveTask)?.shards ?? 1
    }
}
