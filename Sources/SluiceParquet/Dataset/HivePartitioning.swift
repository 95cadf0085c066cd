import SluiceCore

/// The partition columns of a dataset's part files and each file's typed values.
struct HivePartitioning {
    /// The partition columns, in path order: `int64` when every non-null value is an integer, else
    /// `string` (pyarrow's default inference; a column whose values are all null is `string`).
    let fields: [Field]
    /// Per file, one value per field (nil for null).
    let values: [[PartitionValue?]]

    /// The partitioning of `parts` (how messages name each file, and its path below the dataset's
    /// folder).
    ///
    /// - Throws: `ParquetError` naming the first file whose partition folders (names and order)
    ///   differ from the first file's.
    init(parts: [(name: String, relativePath: String)]) throws(ParquetError) {
        let parsed = parts.map { HivePartitionPath.partitions(of: $0.relativePath) }
        let names = parsed.first?.map(\.name) ?? []
        for (part, partitions) in zip(parts, parsed) where partitions.map(\.name) != names {
            let found = partitions.map(\.name).joined(separator: "/")
            let expected = names.joined(separator: "/")
            throw ParquetError(
                .invalidFile,
                "the partition folders are [\(found)] but the first file's are [\(expected)]", file: part.name)
        }
        let isInteger = names.indices.map { column in
            let present = parsed.compactMap { $0[column].value }
            return !present.isEmpty && present.allSatisfy { Int64($0) != nil }
        }
        fields = zip(names, isInteger).map { Field($0, $1 ? .int64 : .string) }
        values = parsed.map { partitions in
            zip(partitions, isInteger).map { partition, isInteger in
                partition.value.map { text in
                    isInteger ? Int64(text).map(PartitionValue.integer) ?? .string(text) : .string(text)
                }
            }
        }
    }
}
