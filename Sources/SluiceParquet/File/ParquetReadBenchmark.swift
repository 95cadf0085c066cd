import SluiceCore
import SluiceStorage

/// `sluice bench parquet-read`: decodes every projected column of every row group of one file
/// into `RecordBatch`es, keeps none of them, and measures the time from opening to the last batch.
public struct ParquetReadBenchmark: Sendable {
    public let store: any ObjectStore
    public let key: String
    public let columns: [String]?
    public let threads: Int
    /// How errors name the file.
    public let name: String?

    public init(
        store: any ObjectStore, key: String, columns: [String]? = nil,
        threads: Int = ParquetFileReader.defaultThreads, name: String? = nil
    ) {
        self.store = store
        self.key = key
        self.columns = columns
        self.threads = threads
        self.name = name
    }

    /// Opens the file, reads every row group and returns the counts and the elapsed time.
    public func run() async throws -> ParquetBenchmarkResult {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try await ParquetFileReader.open(
            store: store, key: key, columns: columns, threads: threads, name: name)
        var rows = 0
        for try await batch in reader.batches() {
            rows += batch.numRows
        }
        let seconds = ParquetBenchmarkResult.seconds(start.duration(to: clock.now))
        return ParquetBenchmarkResult(
            rows: rows, seconds: seconds, fileBytes: reader.footer.fileSize, threads: reader.threads)
    }
}
