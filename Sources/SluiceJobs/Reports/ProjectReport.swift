import SluiceCore

/// The text `sluice validate` and `sluice jobs` print.
public enum ProjectReport {
    /// `project demo is valid: 2 connections, 1 job, 2 tasks`
    public static func validationSummary(_ project: Project) -> String {
        let tasks = project.jobs.reduce(0) { $0 + $1.tasks.count }
        return "project \(project.name) is valid: "
            + [
                plural(project.connections.count, "connection"), plural(project.jobs.count, "job"),
                plural(tasks, "task"),
            ].joined(separator: ", ") + "\n"
    }

    /// One row per task: job, schedule, task, kind, after, and what it reads and writes.
    public static func jobListing(_ project: Project) -> String {
        guard !project.jobs.isEmpty else { return "no jobs: add a folder jobs/<name>/ with a job.yaml\n" }
        var table = TextTable(header: ["JOB", "SCHEDULE", "TASK", "KIND", "AFTER", "READS", "WRITES"])
        for job in project.jobs {
            for (index, task) in job.executionOrder.enumerated() {
                let reads = task.configured.reads.joined(separator: " ")
                let writes = task.configured.writes.joined(separator: " ")
                table.append([
                    index == 0 ? job.name : "", index == 0 ? job.schedule : "", task.name, task.kind,
                    task.after.isEmpty ? "-" : task.after.joined(separator: ","), reads.isEmpty ? "-" : reads,
                    writes.isEmpty ? "-" : writes,
                ])
            }
        }
        return table.rendered
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
