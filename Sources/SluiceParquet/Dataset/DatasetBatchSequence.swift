import SluiceCore

/// The batches of a `ParquetDataset` (or of one of its slices): its selected files one after another
/// in key order, each read by a `ParquetFileReader` (which decodes up to `threads` row groups at
/// once), with the partition columns added as constant columns. The first error ends the sequence.
public struct DatasetBatchSequence: AsyncSequence, Sendable {
    public typealias Element = RecordBatch

    public let dataset: ParquetDataset
    /// Set when only a slice is read (its files already open); nil reads the whole dataset.
    public let slice: DatasetSlice?

    public init(dataset: ParquetDataset, slice: DatasetSlice? = nil) {
        self.dataset = dataset
        self.slice = slice
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(dataset: dataset, slice: slice)
    }

    /// Opens each file when the previous one is done.
    public struct Iterator: AsyncIteratorProtocol {
        let dataset: ParquetDataset
        let slice: DatasetSlice?
        /// The position in `dataset.selectedFiles` (or the slice's parts) of the next file to open.
        var nextFile = 0
        /// The file being read and its row groups.
        var current: (file: DatasetFile, batches: RowGroupBatchSequence.Iterator)?
        var finished = false

        init(dataset: ParquetDataset, slice: DatasetSlice?) {
            self.dataset = dataset
            self.slice = slice
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
                    if let slice {
                        guard nextFile < slice.parts.count else {
                            finished = true
                            return nil
                        }
                        let part = slice.parts[nextFile]
                        nextFile += 1
                        current = (part.file, part.reader.batches(rowGroups: part.rowGroups).makeAsyncIterator())
                        continue
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
