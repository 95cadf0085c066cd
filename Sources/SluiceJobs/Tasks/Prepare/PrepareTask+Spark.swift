import Foundation
import SluiceCore
import SluiceParquet
import SluiceSpark
import SluiceStorage

extension PrepareTask {
    /// Runs the SQL on Spark: each source becomes a temporary view of its lake path, Spark writes
    /// the result's parquet parts into a new run folder, and `_SUCCESS` (the manifest of the parts
    /// Spark committed) is written last, here.
    func runOnSpark(_ rendered: String, url: SparkConnectURL, in context: TaskContext) async throws -> TaskMetrics {
        let client = try await context.connections.sparkClient(url)
        // Spark's committer writes its own empty _SUCCESS; only Sluice's manifest may publish a run.
        // Timestamps as the local engine writes them (microseconds, UTC-adjusted), not INT96.
        var settings = [
            "mapreduce.fileoutputcommitter.marksuccessfuljobs": "false",
            "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
        ]
        var views: [(name: String, uri: String)] = []
        var bytesIn: Int64 = 0
        for source in sources {
            // Listed here too: a source without part files fails with the local engine's message
            // before Spark starts, and the part sizes are the task's bytes in.
            let (store, prefix) = try await context.resolve(source.location)
            for part in try await ParquetDataset.partFiles(store: store, prefix: prefix) {
                bytesIn += part.object.size
            }
            let location = try await context.connections.sparkLocation(
                connection: source.location.connection, prefix: try source.location.prefix(for: context.date))
            settings.merge(location.settings) { _, new in new }
            views.append((source.name, location.uri))
        }
        let (store, prefix) = try await context.resolve(output)
        let dataset = ResultDataset(prefix: prefix, runID: context.runID)
        let target = try await context.connections.sparkLocation(
            connection: output.connection, prefix: dataset.runPrefix)
        settings.merge(target.settings) { _, new in new }

        try await client.setConfig(settings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        for view in views {
            context.logger.debug("spark view", metadata: ["view": "\(view.name)", "path": "\(view.uri)"])
            _ = try await client.execute(SparkPlan.parquetView(view.name, path: view.uri))
        }
        let started = ContinuousClock.now
        do {
            _ = try await client.execute(
                SparkPlan.writeParquet(rendered, path: target.uri, options: ["compression": "snappy"]),
                tags: ["sluice-\(context.job.name)-\(context.taskName)"])
        } catch SparkError.server(let error) {
            throw SparkSQLError(file: "jobs/\(context.job.name)/\(sqlFile.lastPathComponent)", error: error)
        }
        let elapsed = ContinuousClock.now - started
        let manifest = try await ResultCatalog.markCompleteAsListed(dataset, in: store)
        // The parts' footers count the rows (a few KiB read per part).
        var rows: Int64 = 0
        for part in manifest.parts {
            rows += try await ParquetFooter.read(
                from: store, key: dataset.runPrefix + part.name, fileSize: part.size
            ).metadata.numRows
        }
        context.logger.info(
            "spark wrote the result",
            metadata: [
                "parts": "\(manifest.parts.count)", "rows": "\(rows)", "bytes": "\(manifest.totalBytes)",
                "seconds": "\(ByteCountText.fixed(elapsed.inSeconds, 2))",
            ])
        return TaskMetrics(rowsIn: 0, rowsOut: rows, bytesIn: bytesIn, bytesOut: manifest.totalBytes)
    }
}

/// Spark's error for a job's SQL, naming the file it came from.
public struct SparkSQLError: SluiceError, Equatable {
    public var file: String
    public var error: SparkError.ServerError

    public var category: FailureCategory { .taskFailed }
    public var description: String { "\(file): \(SparkError.server(error))" }
}
