/// Recognises files from parquet-mr versions with known metadata bugs, by `created_by`
/// (`parquet-mr version 1.2.8 (build …)`).
enum ParquetMRVersion {
    /// Whether the writer is parquet-mr before 1.2.9, whose chunk sizes omit the dictionary page
    /// header (PARQUET-816). A parquet-mr `created_by` without a version counts as old, as in pyarrow.
    static func lacksDictionaryHeaderSize(createdBy: String) -> Bool {
        let words = createdBy.split(separator: " ")
        guard words.first == "parquet-mr" else { return false }
        guard words.count >= 3, words[1] == "version" else { return true }
        let numbers = words[2].split(separator: "-")[0].split(separator: ".").map { Int($0) ?? 0 }
        let version = numbers + Array(repeating: 0, count: max(0, 3 - numbers.count))
        return version.lexicographicallyPrecedes([1, 2, 9])
    }
}
