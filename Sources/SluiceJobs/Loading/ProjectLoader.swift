import Foundation
import SluiceCore
import SluiceSQL
import SluiceSpark

/// Loads and validates a project: `sluice.yaml` and every `jobs/<name>/job.yaml`. Every problem
/// found is reported at once, each naming its file, key path and line.
public struct ProjectLoader: Sendable {
    public var kinds: TaskKindRegistry
    public var drivers: ConnectionDriverRegistry
    public var environment: [String: String]

    public init(
        kinds: TaskKindRegistry = .builtIn,
        drivers: ConnectionDriverRegistry = .builtIn,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.kinds = kinds
        self.drivers = drivers
        self.environment = environment
    }

    public static let projectFileName = "sluice.yaml"
    public static let jobFileName = "job.yaml"

    public func load(at root: URL) throws(ConfigError) -> Project {
        let root = root.standardizedFileURL
        let diagnostics = ConfigDiagnostics()
        let interpolation = EnvironmentInterpolation(environment: environment)
        let projectFile = root.appendingPathComponent(Self.projectFileName)
        guard FileManager.default.fileExists(atPath: projectFile.path) else {
            throw ConfigError(
                "not found in \(root.path): create a project with `sluice init DIR` or pass --project DIR",
                at: ConfigLocation(file: Self.projectFileName)
            )
        }
        let settings = YAMLFile.load(
            projectFile,
            displayName: Self.projectFileName,
            diagnostics: diagnostics,
            interpolation: interpolation
        )?.mapping(knownKeys: ["project", "connections", "engine"])
        guard let settings else { throw ConfigError(diagnostics.issues) }

        let name = settings.string("project", required: true) ?? ""
        let connections = settings.value("connections", required: true).map { readConnections($0) } ?? []
        let engine = readEngine(settings.mapping("engine", knownKeys: ["type", "remote", "threads", "memory_limit"]))
        // Jobs are checked against sluice.yaml; with sluice.yaml broken they would only echo it.
        try diagnostics.check()
        let jobs = readJobs(
            root: root,
            connections: connections,
            diagnostics: diagnostics,
            interpolation: interpolation
        )
        try diagnostics.check()
        return Project(root: root, name: name, connections: connections, engine: engine, jobs: jobs)
    }

    // MARK: - sluice.yaml

    private func readConnections(_ node: ConfigNode) -> [ConnectionConfig] {
        guard let entries = node.entries() else { return [] }
        return entries.compactMap { name, value in
            guard Naming.isName(name) else {
                value.report("\"\(name)\" is not a valid connection name: \(Naming.rule)")
                return nil
            }
            return readConnection(name: name, node: value)
        }
    }

    private func readConnection(name: String, node: ConfigNode) -> ConnectionConfig? {
        guard let entries = node.entries() else { return nil }
        guard let typeNode = entries.first(where: { $0.key == "type" })?.value else {
            node.report("type: required (one of: \(drivers.types.joined(separator: ", ")))")
            return nil
        }
        guard let type = typeNode.string() else { return nil }
        guard let driver = drivers.driver(forType: type) else {
            let message = ClosestMatch.unknown("connection type", type, among: drivers.types)
            typeNode.report(message + "; known: " + drivers.types.joined(separator: ", "))
            return nil
        }
        guard let mapping = node.mapping(knownKeys: ["type"] + driver.settings.map(\.name)) else { return nil }
        var values: [String: ConfigValue] = [:]
        for setting in driver.settings {
            guard let valueNode = mapping.value(setting.name, required: setting.required) else { continue }
            let value: ConfigValue?
            switch setting.kind {
            case .string: value = valueNode.string().map(ConfigValue.string)
            case .int: value = valueNode.int().map(ConfigValue.int)
            case .bool: value = valueNode.bool().map(ConfigValue.bool)
            case .stringList: value = valueNode.stringList().map(ConfigValue.stringList)
            case .duration: value = DurationText.interval(valueNode).map(ConfigValue.duration)
            case .byteSize: value = ByteSizeSetting.bytes(valueNode).map(ConfigValue.int)
            }
            values[setting.name] = value
        }
        return ConnectionConfig(name: name, type: type, settings: values, location: node.location)
    }

    private func readEngine(_ mapping: ConfigMapping?) -> EngineConfig {
        let local = EngineConfig.local(QueryOptions())
        guard let mapping, let typeNode = mapping.value("type", required: true), let type = typeNode.string() else {
            return local
        }
        switch type {
        case "local":
            if let remote = mapping.value("remote") { remote.report("only an engine of type spark has a remote") }
            var options = QueryOptions()
            if let threads = mapping.int("threads", range: 1...1024) { options.threads = threads }
            if let limit = mapping.value("memory_limit").flatMap(ByteSizeSetting.bytes) {
                options.memoryLimit = Int64(limit)
            }
            return .local(options)
        case "spark":
            for key in ["threads", "memory_limit"] {
                mapping.value(key)?.report("only an engine of type local has \(key)")
            }
            // Spark's own clients read SPARK_REMOTE; `remote:` wins over it.
            guard let remote = mapping.string("remote") ?? environment["SPARK_REMOTE"] else {
                typeNode.report("an engine of type spark needs remote: sc://host:port (or SPARK_REMOTE)")
                return local
            }
            do {
                return .spark(try SparkConnectURL(remote))
            } catch {
                (mapping.value("remote") ?? typeNode).report("\(error)")
                return local
            }
        default:
            typeNode.report("unknown engine type \"\(type)\"; known: local, spark")
            return local
        }
    }

    // MARK: - jobs/*/job.yaml

    private func readJobs(
        root: URL,
        connections: [ConnectionConfig],
        diagnostics: ConfigDiagnostics,
        interpolation: EnvironmentInterpolation
    ) -> [Job] {
        let jobsDirectory = root.appendingPathComponent("jobs", isDirectory: true)
        guard FileManager.default.fileExists(atPath: jobsDirectory.path) else { return [] }
        let folders: [String]
        do {
            folders = try FileManager.default.contentsOfDirectory(atPath: jobsDirectory.path)
        } catch {
            diagnostics.report("cannot list the jobs folder: \(error)", at: ConfigLocation(file: "jobs/"))
            return []
        }
        return folders.sorted().compactMap { folder -> Job? in
            let directory = jobsDirectory.appendingPathComponent(folder, isDirectory: true)
            var isDirectory: ObjCBool = false
            guard !folder.hasPrefix("."),
                FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { return nil }
            let file = "jobs/\(folder)/\(Self.jobFileName)"
            guard Naming.isName(folder) else {
                diagnostics.report(
                    "\"\(folder)\" is not a valid job name: \(Naming.rule)", at: ConfigLocation(file: file))
                return nil
            }
            guard
                let node = YAMLFile.load(
                    directory.appendingPathComponent(Self.jobFileName),
                    displayName: file,
                    diagnostics: diagnostics,
                    interpolation: interpolation
                )
            else { return nil }
            let context = TaskConfigurationContext(
                projectRoot: root,
                jobDirectory: directory,
                connections: connections,
                drivers: drivers
            )
            return readJob(name: folder, directory: directory, file: file, node: node, context: context)
        }
    }

    private static let jobKeys = [
        "description", "schedule", "timetable", "retries", "retry_delay", "owner", "tags", "start_date",
        "catchup", "max_active_runs", "tasks",
    ]

    private func readJob(
        name: String,
        directory: URL,
        file: String,
        node: ConfigNode,
        context: TaskConfigurationContext
    ) -> Job? {
        guard let mapping = node.mapping(knownKeys: Self.jobKeys) else { return nil }
        var startDate: CivilDate?
        if let startNode = mapping.value("start_date"), let text = startNode.string() {
            do {
                startDate = try LogicalDate(parsing: text).date
            } catch {
                startNode.report(error.description)
            }
        }
        var timetable = ScheduleTimetable.trigger
        if let node = mapping.value("timetable"), let text = node.string() {
            if let value = ScheduleTimetable(rawValue: text) {
                timetable = value
            } else {
                node.report("timetable must be trigger or interval, not '\(text)'")
            }
        }
        let retryDelay = mapping.value("retry_delay").flatMap { DurationText.seconds($0) }
        let tasks = mapping.value("tasks", required: true).map { readTasks($0, context: context) } ?? []
        let order = executionOrder(of: tasks, tasksNode: mapping.value("tasks"))
        return Job(
            name: name,
            directory: directory,
            file: file,
            description: mapping.string("description"),
            schedule: mapping.string("schedule") ?? "@daily",
            timetable: timetable,
            retries: mapping.int("retries", range: 0...100) ?? 1,
            retryDelaySeconds: retryDelay ?? 300,
            owner: mapping.string("owner") ?? "sluice",
            tags: mapping.stringList("tags") ?? [],
            startDate: startDate,
            catchup: mapping.bool("catchup") ?? false,
            maxActiveRuns: mapping.int("max_active_runs", range: 1...1000) ?? 1,
            tasks: tasks,
            executionOrder: order
        )
    }

    private func readTasks(_ node: ConfigNode, context: TaskConfigurationContext) -> [JobTask] {
        guard let entries = node.entries() else { return [] }
        if entries.isEmpty { node.report("a job needs at least one task") }
        let names = entries.map(\.key)
        return entries.compactMap { name, value in
            guard Naming.isName(name) else {
                value.report("\"\(name)\" is not a valid task name: \(Naming.rule)")
                return nil
            }
            return readTask(name: name, node: value, taskNames: names, context: context)
        }
    }

    private func readTask(name: String, node: ConfigNode, taskNames: [String], context: TaskConfigurationContext)
        -> JobTask?
    {
        guard let entries = node.entries() else { return nil }
        guard let kindNode = entries.first(where: { $0.key == "kind" })?.value else {
            node.report("kind: required (one of: \(kinds.names.joined(separator: ", ")))")
            return nil
        }
        guard let kindName = kindNode.string() else { return nil }
        guard let kind = kinds.kind(named: kindName) else {
            let message = ClosestMatch.unknown("task kind", kindName, among: kinds.names)
            kindNode.report(message + "; known: " + kinds.names.joined(separator: ", "))
            return nil
        }
        guard let mapping = node.mapping(knownKeys: ["kind", "after", "description"] + kind.configurationKeys) else {
            return nil
        }
        let after = readAfter(mapping.value("after"), task: name, taskNames: taskNames)
        let description = mapping.string("description")
        guard let configured = kind.configure(mapping, in: context) else { return nil }
        return JobTask(name: name, kind: kindName, after: after, description: description, configured: configured)
    }

    private func readAfter(_ node: ConfigNode?, task: String, taskNames: [String]) -> [String] {
        guard let node, let elements = node.sequence() else { return [] }
        return elements.compactMap { element in
            guard let dependency = element.string() else { return nil }
            if dependency == task {
                element.report("a task cannot run after itself")
                return nil
            }
            guard taskNames.contains(dependency) else {
                let message = ClosestMatch.unknown("task", dependency, among: taskNames)
                element.report(message + "; this job's tasks: " + taskNames.joined(separator: ", "))
                return nil
            }
            return dependency
        }
    }

    private func executionOrder(of tasks: [JobTask], tasksNode: ConfigNode?) -> [JobTask] {
        switch TaskGraph.order(tasks.map { ($0.name, $0.after) }) {
        case .success(let names):
            return names.compactMap { name in tasks.first { $0.name == name } }
        case .failure(.cycle(let cycle)):
            tasksNode?.report("dependency cycle: " + cycle.joined(separator: " -> "))
            return tasks
        }
    }
}
