import Foundation

/// The Apache parquet-testing corpus: `$PARQUET_TESTING_DATA`, else `../shared/parquet-testing/data`
/// beside the repository.
enum ParquetCorpus {
    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["PARQUET_TESTING_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/parquet-testing/data").standardizedFileURL
    }
}
