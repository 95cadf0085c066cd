import SluiceCore

/// Which file and partition columns a `ParquetDataset` reads, in which order.
struct DatasetProjection {
    /// The fields of the batches.
    let fields: [Field]
    /// The file columns the readers project.
    let fileColumns: [String]
    /// Where each field's column comes from.
    let sources: [ParquetDataset.ColumnSource]

    /// - Parameter columns: the names to read in order; nil for every file column followed by the
    ///   partition columns.
    /// - Throws: `ParquetError` for a name that is neither a file nor a partition column (the
    ///   message lists the dataset's columns).
    init(columns: [String]?, fileSchema: Schema, partitionFields: [Field], dataset: String) throws(ParquetError) {
        let names = columns ?? (fileSchema.fields.map(\.name) + partitionFields.map(\.name))
        var fields: [Field] = []
        var fileColumns: [String] = []
        var sources: [ParquetDataset.ColumnSource] = []
        for name in names {
            if let field = fileSchema.field(named: name) {
                fields.append(field)
                if let position = fileColumns.firstIndex(of: name) {
                    sources.append(.file(position))
                } else {
                    sources.append(.file(fileColumns.count))
                    fileColumns.append(name)
                }
            } else if let index = partitionFields.firstIndex(where: { $0.name == name }) {
                fields.append(partitionFields[index])
                sources.append(.partition(index))
            } else {
                let known = fileSchema.fields.map(\.name) + partitionFields.map(\.name)
                throw ParquetError(
                    .invalidMetadata, "no column \"\(name)\"; the dataset has: \(known.joined(separator: ", "))",
                    file: dataset, column: name)
            }
        }
        self.fields = fields
        self.fileColumns = fileColumns
        self.sources = sources
    }
}
