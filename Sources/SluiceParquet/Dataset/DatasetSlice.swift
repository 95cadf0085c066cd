/// A contiguous part of a dataset's reading: some row groups of some files, in read order. A scan
/// split into slices reads each on its own core; read one after another, the slices give the
/// dataset's batches in the dataset's order.
public struct DatasetSlice: Sendable {
    /// The row groups of one file that belong to the slice.
    public struct FilePart: Sendable {
        public let file: DatasetFile
        let reader: ParquetFileReader
        public internal(set) var rowGroups: [Int]
    }

    public let parts: [FilePart]
    /// The rows of the slice's row groups.
    public let rows: Int64
}

extension ParquetDataset {
    /// The selected row groups (files the predicate keeps, row groups their statistics do not rule
    /// out) cut into at most `count` slices of about equal rows, contiguous in read order. Reads
    /// every selected file's footer; each slice's readers decode `threads` row groups at once.
    ///
    /// - Throws: as `batches()` does when it opens a file.
    public func slices(_ count: Int, threads: Int = 1) async throws -> [DatasetSlice] {
        var units: [(file: DatasetFile, reader: ParquetFileReader, rowGroup: Int, rows: Int64)] = []
        for file in selectedFiles {
            let reader = try await reader(for: file, threads: threads)
            let rowGroups = reader.footer.metadata.rowGroups
            units += reader.selectedRowGroups.map { (file, reader, $0, rowGroups[$0].numRows) }
        }
        // Each row group goes to the slice its middle row falls in, so the slices stay contiguous
        // and within a row group of equal size.
        let total = units.reduce(Int64(0)) { $0 + $1.rows }
        let count = Int64(max(1, count))
        var slices: [DatasetSlice] = []
        var parts: [DatasetSlice.FilePart] = []
        var rows: Int64 = 0
        var currentIndex: Int64 = 0
        var before: Int64 = 0
        for unit in units {
            let index = total == 0 ? 0 : min(count - 1, (2 * before + unit.rows) * count / (2 * total))
            before += unit.rows
            if index != currentIndex, !parts.isEmpty {
                slices.append(DatasetSlice(parts: parts, rows: rows))
                parts = []
                rows = 0
            }
            currentIndex = index
            if let last = parts.last, last.file.key == unit.file.key {
                parts[parts.count - 1].rowGroups.append(unit.rowGroup)
            } else {
                parts.append(.init(file: unit.file, reader: unit.reader, rowGroups: [unit.rowGroup]))
            }
            rows += unit.rows
        }
        if !parts.isEmpty { slices.append(DatasetSlice(parts: parts, rows: rows)) }
        return slices
    }

    /// The batches of `slice`, with the partition columns filled in.
    public func batches(of slice: DatasetSlice) -> DatasetBatchSequence {
        DatasetBatchSequence(dataset: self, slice: slice)
    }
}
