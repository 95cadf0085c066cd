import Foundation
import SluiceSQL
import SluiceServing
import SluiceSpark
import Testing

@testable import SluiceJobs

@Suite("Loading and validating projects")
struct ProjectLoaderTests {
    static let minimalJob = """
        tasks:
          save-data:
            kind: save
            input: { connection: lake, path: "results/job1/" }
            target: { connection: serving, table: user_scores, key: [user_id], values: [score] }
        """

    @Test("the example project from `sluice init` is valid")
    func exampleProjectIsValid() throws {
        let project = try TestProject.example()
        defer { project.remove() }
        let loaded = try project.load()
        #expect(loaded.connections.map(\.name) == ["lake", "serving"])
        #expect(loaded.engine == .local(QueryOptions()))
        let job = try loaded.job(named: "job1")
        #expect(job.schedule == "0 3 * * *")
        #expect(job.retries == 2)
        #expect(job.retryDelaySeconds == 300)
        #expect(job.executionOrder.map(\.name) == ["prepare-data", "save-data"])
        let prepare = try #require(job.task(named: "prepare-data")?.configured as? PrepareTask)
        #expect(prepare.sources.map(\.name) == ["events", "users"])
        let save = try #require(job.task(named: "save-data")?.configured as? SaveTask)
        #expect(save.target.key == ["user_id"])
        #expect(save.validation == LoadValidation(minRows: 1, maxRowChange: 0.5))
    }

    @Test("a YAML syntax error names the file and line")
    func yamlSyntaxError() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": "schedule: daily\ntasks:\n  prepare-data: {kind: prepare\n  other: 1\n"
        ])
        defer { project.remove() }
        let issues = project.issues()
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.location.file == "jobs/job1/job.yaml")
        #expect(issue.location.line == 4)
        #expect(issue.description.hasPrefix("jobs/job1/job.yaml:4:"))
        #expect(issue.message.contains("YAML syntax error"))
    }

    @Test("an unknown key is reported with a did-you-mean hint")
    func unknownKey() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": Self.minimalJob.replacingOccurrences(of: "key: [user_id]", with: "kee: [user_id]")
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(
            issues.contains {
                $0.contains("jobs/job1/job.yaml:5:") && $0.contains("tasks.save-data.target.kee: unknown key \"kee\"")
                    && $0.contains("did you mean \"key\"?")
            }
        )
        // The typo is the one problem: "key: required" would only repeat it.
        #expect(issues.count == 1)
    }

    @Test("a value of the wrong type names the key and the value")
    func wrongType() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": "retries: two\n"
                + Self.minimalJob.replacingOccurrences(of: "[user_id]", with: "user_id")
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(
            issues.contains {
                $0.hasPrefix("jobs/job1/job.yaml:1:") && $0.contains("retries: expected an integer, got \"two\"")
            })
        #expect(issues.contains { $0.contains("tasks.save-data.target.key: expected a list, got \"user_id\"") })
    }

    @Test("a missing environment variable is named, with the key that uses it")
    func missingEnvironmentVariable() throws {
        let project = try TestProject.example(overriding: [
            "sluice.yaml": """
            project: demo
            connections:
              lake: { type: file, root: "${LAKE_ROOT}" }
              serving: { type: sqlite, path: ./serving.db }
            """
        ])
        defer { project.remove() }
        let issues = project.issues()
        #expect(
            issues.map(\.description) == [
                "sluice.yaml:3:23: connections.lake.root: environment variable LAKE_ROOT is not set (referenced as ${LAKE_ROOT})"
            ])
        #expect(project.issues(environment: ["LAKE_ROOT": "/tmp/lake"]).isEmpty)
    }

    @Test("a value from the environment is never echoed in an error: the reference is")
    func secretsStayHidden() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": "retries: ${DB_PASSWORD}\n" + Self.minimalJob
        ])
        defer { project.remove() }
        let issues = project.issues(environment: ["DB_PASSWORD": "hunter2"]).map(\.description)
        #expect(issues == ["jobs/job1/job.yaml:1:1: retries: expected an integer, got \"${DB_PASSWORD}\""])
    }

    @Test("a Spark Connect token never shows in plans or messages")
    func sparkTokenRedacted() throws {
        #expect(SparkConnectURL.redacted("sc://spark:15002/;token=abc;use_ssl=true") == "sc://spark:15002")
        #expect(SparkConnectURL.redacted("sc://spark:15002") == "sc://spark:15002")
        #expect(EngineConfig.spark(try SparkConnectURL("sc://h:1/;token=abc")).description == "spark at sc://h:1")
    }

    @Test("S3 paths follow the same key rules as local ones")
    func s3PathRules() throws {
        let project = try TestProject.example(overriding: [
            "sluice.yaml":
                "project: p\nconnections:\n  lake: { type: s3, bucket: b }\n  serving: { type: sqlite, path: s.db }\n",
            "jobs/job1/job.yaml": Self.minimalJob.replacingOccurrences(
                of: "path: \"results/job1/\"", with: "path: \"/abs/\""),
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(issues.count == 1)
        #expect(issues.first?.contains("tasks.save-data.input.path: \"/abs/\"") == true)
    }

    @Test("a dependency cycle is rejected with its path")
    func taskCycle() throws {
        let job = """
            tasks:
              a: { kind: save, after: [c], input: { connection: lake, path: r/ }, target: { connection: serving, table: t, key: [k], values: [v] } }
              b: { kind: save, after: [a], input: { connection: lake, path: r/ }, target: { connection: serving, table: t, key: [k], values: [v] } }
              c: { kind: save, after: [b], input: { connection: lake, path: r/ }, target: { connection: serving, table: t, key: [k], values: [v] } }
            """
        let project = try TestProject.example(overriding: ["jobs/job1/job.yaml": job])
        defer { project.remove() }
        #expect(
            project.issues().map(\.description) == ["jobs/job1/job.yaml:1:1: tasks: dependency cycle: a -> c -> b -> a"]
        )
    }

    @Test("an unknown connection is named, with the ones that exist")
    func unknownConnection() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": Self.minimalJob.replacingOccurrences(
                of: "connection: serving", with: "connection: servng")
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(issues.count == 1)
        #expect(issues.first?.contains("jobs/job1/job.yaml:5:") == true)
        #expect(
            issues.first?.contains(
                "tasks.save-data.target.connection: unknown connection \"servng\" (did you mean \"serving\"?)") == true)
    }

    @Test("a path escaping the lake's root is rejected before anything runs")
    func pathEscapingRoot() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": Self.minimalJob.replacingOccurrences(
                of: "path: \"results/job1/\"", with: "path: \"../outside/\"")
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(issues.count == 1)
        #expect(issues.first?.hasPrefix("jobs/job1/job.yaml:4:") == true)
        #expect(issues.first?.contains("tasks.save-data.input.path: \"../outside/\"") == true)
    }

    @Test("a lake location must name a lake connection, a target a serving one")
    func connectionRoles() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": Self.minimalJob.replacingOccurrences(
                of: "{ connection: lake", with: "{ connection: serving")
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(issues.count == 1)
        #expect(
            issues.first?.contains("tasks.save-data.input.connection: connection \"serving\" is a serving connection")
                == true)
    }

    @Test("every problem in a file is reported at once")
    func allIssuesAtOnce() throws {
        let project = try TestProject.example(overriding: [
            "sluice.yaml":
                "project: demo\nconnections:\n  lake: { type: fil, root: ./lake }\n  serving: { type: sqlite }\nengin: {}\n"
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(
            issues.contains {
                $0.contains("connections.lake.type: unknown connection type \"fil\" (did you mean \"file\"?)")
            })
        #expect(issues.contains { $0.contains("connections.serving.path: required") })
        #expect(issues.contains { $0.contains("engin: unknown key \"engin\" (did you mean \"engine\"?)") })
    }

    @Test("the local engine takes its cores and memory limit from sluice.yaml")
    func localEngineSettings() throws {
        let settings =
            "project: demo\nconnections:\n  lake: { type: file, root: ./lake }\n  serving: { type: sqlite, path: s.db }\n"
        let project = try TestProject.example(overriding: [
            "sluice.yaml": settings + "engine: { type: local, threads: 3, memory_limit: 2GiB }\n"
        ])
        defer { project.remove() }
        #expect(try project.load().engine == .local(QueryOptions(threads: 3, memoryLimit: 2 << 30)))
        let bad = try TestProject.example(overriding: [
            "sluice.yaml": settings + "engine: { type: local, threads: 0, memory_limit: lots }\n"
        ])
        defer { bad.remove() }
        let issues = bad.issues().map(\.description)
        #expect(issues.contains { $0.contains("engine.memory_limit") && $0.contains("\"lots\"") }, "\(issues)")
        #expect(issues.contains { $0.contains("engine.threads") }, "\(issues)")
    }

    @Test("templates may only use the logical date's variables")
    func unknownTemplateVariable() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/prepare.sql": "SELECT * FROM events WHERE dt = '{{ dss }}'"
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(
            issues == [
                "jobs/job1/job.yaml:13:5: tasks.prepare-data.sql: unknown template variable \"dss\" (did you mean \"ds\"?); "
                    + "known: ds, ds_nodash, data_interval_start, data_interval_end"
            ])
    }

    @Test("duplicate keys are errors, not silently overwritten")
    func duplicateKeys() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": "retries: 1\nretries: 2\n" + Self.minimalJob
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(issues.count == 1)
        #expect(issues.first?.contains("duplicate key \"retries\"") == true)
    }

    @Test("a folder without sluice.yaml says how to create a project")
    func noProject() throws {
        let project = try TestProject()
        defer { project.remove() }
        #expect(project.issues().first?.description.contains("sluice.yaml: not found in") == true)
    }

    @Test("an unknown task kind and a missing sql file are reported")
    func unknownKindAndMissingFile() throws {
        let project = try TestProject.example(overriding: [
            "jobs/job1/job.yaml": """
            tasks:
              a: { kind: prepar }
              b: { kind: prepare, sources: {}, sql: missing.sql, output: { connection: lake, path: out/ } }
            """
        ])
        defer { project.remove() }
        let issues = project.issues().map(\.description)
        #expect(
            issues.contains { $0.contains("tasks.a.kind: unknown task kind \"prepar\" (did you mean \"prepare\"?)") })
        #expect(issues.contains { $0.contains("tasks.b.sql: file \"missing.sql\" not found in job1/") })
    }
}
