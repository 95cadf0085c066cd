import SluiceCore
import SluiceStorage

/// `sluice bench parquet-read`: decodes every projected column of every row group of one file
/// into `RecordBatch`es, keeps none of them, and measures the time from opening to the last batch.
public struct ParquetReadBenchmark: Sendable {
    /// What one run measured.
    public struct Result: Sendable, Equatable {
        public var rows: Int
        public var seconds: Double
        /// The size of the whole file (the MB/s base, whatever the projection).
        public var fileBytes: Int64
        public var threads: Int

        public init(rows: Int, seconds: Double, fileBytes: Int64, threads: Int) {
            self.rows = rows
            self.seconds = seconds
            self.fileBytes = fileBytes
            self.threads = threads
        }

        public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
        /// File megabytes (10^6 bytes) per second.
        public var megabytesPerSecond: Double { seconds > 0 ? Double(fileBytes) / 1_000_000 / seconds : 0 }

        /// `rows=20000000 seconds=0.812 rows_per_s=24630541 mb_per_s=230.1 threads=1`.
        public var line: String {
            "rows=\(rows) seconds=\(Self.fixed(seconds, digits: 3)) rows_per_s=\(Int(rowsPerSecond.rounded())) "
                + "mb_per_s=\(Self.fixed(megabytesPerSecond, digits: 1)) threads=\(threads)"
        }

        /// `value` with exactly `digits` digits after the point.
        static func fixed(_ value: Double, digits: Int) -> String {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = Int64((value * scale).rounded())
            let whole = scaled / Int64(scale)
            let fraction = scaled % Int64(scale)
            return digits == 0 ? String(whole) : "\(whole).\(fraction.zeroPadded(width: digits))"
        }
    }

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
    public func run() async throws -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let reader = try await ParquetFileReader.open(
            store: store, key: key, columns: columns, threads: threads, name: name)
        var rows = 0
        for try await batch in reader.batches() {
            rows += batch.numRows
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(rows: rows, seconds: seconds, fileBytes: reader.footer.fileSize, threads: reader.threads)
    }
}
