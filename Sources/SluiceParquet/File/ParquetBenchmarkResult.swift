import SluiceCore

/// What one run of a parquet benchmark measured (`sluice bench parquet-read|parquet-write`).
public struct ParquetBenchmarkResult: Sendable, Equatable {
    public var rows: Int
    public var seconds: Double
    /// The size of the file read or written (the MB/s base, whatever the projection).
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

    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> Double {
        duration.inSeconds
    }
}
