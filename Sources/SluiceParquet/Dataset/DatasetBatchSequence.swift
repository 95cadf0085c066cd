import SluiceCore

/// The batches of a `ParquetDataset`: its selected files one after another in key order, each read
/// by a `ParquetFileReader` (which decodes up to `threads` row groups at once), with the partition
/// columns added as constant columns. The first error ends the sequence.
public struct DatasetBatchSequence: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    public let dataset: ParquetDataset

    public init(dataset: ParquetDataset) {
        self.dataset = dataset
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(dataset: dataset)
    }

    /// Opens each file when the previous one is done.
    public struct Iterator: AsyncIteratorProtocol {
        let dataset: ParquetDataset
        /// The position in `dataset.selectedFiles` of the next file to open.
        var nextFile = 0
        /// The file being read and its row groups.
        var current: (file: DatasetFile, batches: RowGroupBatchSequence.Iterator)?
        var finished = false

        init(dataset: ParquetDataset) {
            self.dataset = dataset
        }

        public mutating func next() async throws -> RecordBatch? {
            guard !finished else { return nil }
            do {
                while true {
                    if let (file, iterator) = current {
                        var batches = iterator
                        let batch = try await batches.next()
                        current = (file, batches)
                        if let batch { return try dataset.output(of: batch, from: file) }
                        current = nil
                    }
                    guard nextFile < dataset.selectedFiles.count else {
                        finished = true
                        return nil
                    }
                    let file = dataset.selectedFiles[nextFile]
                    nextFile += 1
                    current = (file, try await dataset.reader(for: file).batches().makeAsyncIterator())
                }
            } catch {
                finished = true
                current = nil
                throw error
            }
        }
    }
}

extension ParquetDataset {
    /// The batch of the dataset's schema made of a file reader's `batch` and `file`'s partition values.
    func output(of batch: RecordBatch, from file: DatasetFile) throws -> RecordBatch {
        let columns = sources.map { source -> any ColumnArray in
            switch source {
            case .file(let position):
                return batch.column(at: position)
            case .partition(let index):
                return PartitionValue.constantArray(
                    file.partitionValues[index], count: batch.numRows, dataType: partitionFields[index].dataType)
            }
        }
        return try RecordBatch(schema: schema, columns: columns, numRows: batch.numRows)
    }
}
