import Foundation

/// The Hive partition segments (`name=value` folders) of a part file's path, as Spark and pyarrow
/// write them: values are percent-encoded, and `__HIVE_DEFAULT_PARTITION__` stands for null.
enum HivePartitionPath {
    /// The value Hive, Spark and pyarrow write for a null partition value.
    static let nullValue = "__HIVE_DEFAULT_PARTITION__"

    /// The `name=value` folders of `relativePath` (the path below the dataset's folder; the last
    /// segment, the file name, is not a folder), in path order, values decoded. Folders without `=`
    /// are not partitions and are left out.
    static func partitions(of relativePath: String) -> [(name: String, value: String?)] {
        let folders = relativePath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        return folders.compactMap { segment in
            guard let equals = segment.firstIndex(of: "=") else { return nil }
            let name = String(segment[..<equals])
            let raw = String(segment[segment.index(after: equals)...])
            // A value that is not valid percent-encoding is taken as written.
            let value = raw.removingPercentEncoding ?? raw
            return (name, value == nullValue ? nil : value)
        }
    }

    /// Whether the path below the dataset's folder is a part file: a `*.parquet` file with no
    /// segment starting with `_` or `.` (`_SUCCESS`, `_metadata`, `_temporary/`, `.hidden`, the
    /// `.crc` files of Hadoop), which Spark and pyarrow skip too.
    static func isPartFile(_ relativePath: String) -> Bool {
        guard relativePath.hasSuffix(".parquet") else { return false }
        return !relativePath.split(separator: "/").contains { $0.hasPrefix("_") || $0.hasPrefix(".") }
    }
}
