/// A Spark Connect plan Sluice sends: a relation whose rows come back, or a command run for its
/// effect.
public struct SparkPlan: Sendable {
    let proto: Spark_Connect_Plan

    /// The rows of a SQL query (`spark.sql(query, args)`); `arguments` fill its `:name` parameters.
    public static func sql(_ query: String, arguments: [String: SparkLiteral] = [:]) -> SparkPlan {
        var plan = Spark_Connect_Plan()
        plan.root = sqlRelation(query, arguments: arguments)
        return SparkPlan(proto: plan)
    }

    static func sqlRelation(_ query: String, arguments: [String: SparkLiteral] = [:]) -> Spark_Connect_Relation {
        var sql = Spark_Connect_SQL()
        sql.query = query
        for (name, value) in arguments {
            var expression = Spark_Connect_Expression()
            expression.literal = value.proto
            sql.namedArguments[name] = expression
        }
        var relation = Spark_Connect_Relation()
        relation.sql = sql
        return relation
    }

    /// A data source read: `spark.read.format(format).options(options).load(paths)`.
    static func read(format: String, paths: [String], options: [String: String] = [:]) -> Spark_Connect_Relation {
        var source = Spark_Connect_Read.DataSource()
        source.format = format
        source.paths = paths
        source.options = options
        var relation = Spark_Connect_Relation()
        relation.read.dataSource = source
        return relation
    }

    /// Registers `input` as the session's temporary view `name`, replacing one of that name.
    static func createTemporaryView(_ name: String, of input: Spark_Connect_Relation) -> SparkPlan {
        var command = Spark_Connect_CreateDataFrameViewCommand()
        command.input = input
        command.name = name
        command.replace = true
        command.isGlobal = false
        var plan = Spark_Connect_Plan()
        plan.command.createDataframeView = command
        return SparkPlan(proto: plan)
    }

    /// Registers the parquet dataset at `path` as the temporary view `name`.
    public static func parquetView(_ name: String, path: String, options: [String: String] = [:]) -> SparkPlan {
        createTemporaryView(name, of: read(format: "parquet", paths: [path], options: options))
    }

    /// Writes the rows of `query` as parquet files into the folder `path`, which must not exist
    /// (`mode(error)`), or is replaced (`overwrite`).
    public static func writeParquet(
        _ query: String, arguments: [String: SparkLiteral] = [:], path: String, overwrite: Bool = false,
        options: [String: String] = [:]
    ) -> SparkPlan {
        var write = Spark_Connect_WriteOperation()
        write.input = sqlRelation(query, arguments: arguments)
        write.source = "parquet"
        write.path = path
        write.mode = overwrite ? .overwrite : .errorIfExists
        write.options = options
        var plan = Spark_Connect_Plan()
        plan.command.writeOperation = write
        return SparkPlan(proto: plan)
    }
}
