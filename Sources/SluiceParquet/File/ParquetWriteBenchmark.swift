import SluiceCore
import SluiceStorage

/// `sluice bench parquet-write`: reads a whole file into memory first (not timed), then measures
/// writing those batches to a new file with `options`, from creating the writer to the commit.
public struct ParquetWriteBenchmark: Sendable {
    public let store: any ObjectStore
    public let inputKey: String
    public let outputKey: String
    public let options: ParquetWriteOptions

    public init(
        store: any ObjectStore, inputKey: String, outputKey: String,
        options: ParquetWriteOptions = ParquetWriteOptions()
    ) {
        self.store = store
        self.inputKey = inputKey
        self.outputKey = outputKey
        self.options = options
    }

    /// Reads the input, writes the output and returns the rows, the time and the output's size.
    public func run() async throws -> ParquetBenchmarkResult {
        let reader = try await ParquetFileReader.open(store: store, key: inputKey)
        var batches: [RecordBatch] = []
        for try await batch in reader.batches() { batches.append(batch) }
        let clock = ContinuousClock()
        let start = clock.now
        let writer = try await ParquetFileWriter(
            schema: reader.schema, options: options, store: store, key: outputKey)
        for batch in batches { try await writer.write(batch) }
        let footer = try await writer.close()
        let seconds = ParquetBenchmarkResult.seconds(start.duration(to: clock.now))
        let size = try await store.head(outputKey)?.size ?? 0
        return ParquetBenchmarkResult(
            rows: Int(footer.numRows), seconds: seconds, fileBytes: size, threads: 1)
    }
}
