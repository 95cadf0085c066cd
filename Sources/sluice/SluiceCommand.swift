import ArgumentParser
import SluiceCore

struct SluiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sluice",
        abstract: "Batch data-lake ETL: prepare results with Spark SQL, serve them with a blue/green switch.",
        discussion: """
            Exit codes: 0 ok; 1 a task failed; 2 usage or configuration error; 3 a validation \
            refused to switch the serving table.
            """,
        version: SluiceVersion.current,
        subcommands: [
            InitCommand.self, ValidateCommand.self, JobsCommand.self, RunCommand.self, RunsCommand.self,
            SwitchCommand.self, RollbackCommand.self, StatusCommand.self, GetCommand.self, ServeCommand.self,
            ParquetCommand.self, QueryCommand.self, ListCommand.self, CopyCommand.self, PresignCommand.self,
            MakeBucketCommand.self, AirflowCommand.self,
            BenchCommand.self,
            DemoCommand.self, VersionCommand.self,
        ]
    )
}
