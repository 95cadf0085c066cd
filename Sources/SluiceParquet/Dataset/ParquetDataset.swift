import SluiceCore
import SluiceStorage

/// The part files under a key prefix read as one table: a folder written by Spark, pyarrow or
/// Sluice, with Hive partition folders (`dt=2026-11-20/`) becoming columns.
///
/// `open` lists the prefix recursively in key order and takes the `*.parquet` files, skipping any
/// file or folder whose name starts with `_` or `.` (`_SUCCESS`, `_temporary/`), as Spark and
/// pyarrow do. The `name=value` folders of each file's path are its partition values; they become
/// columns after the file's columns, typed as pyarrow infers them by default (`int64` when every
/// value is an integer, else `string`), with values percent-decoded and
/// `__HIVE_DEFAULT_PARTITION__` read as null.
///
/// The schema comes from the first file's footer. Every other file is checked when `batches()`
/// reaches it: a file whose columns differ (name, type or nullability) ends the stream with an
/// error naming the file and the field.
///
/// A predicate skips the files whose partition values rule it out and the row groups whose
/// statistics do (see `ParquetPredicate`); it does not filter rows.
public struct ParquetDataset: Sendable {
    public let store: any ObjectStore
    /// How messages name the dataset (the prefix, or the path a person typed).
    public let name: String
    /// Every part file, in key order.
    public let files: [DatasetFile]
    /// The files the predicate's partition conditions do not rule out, in key order.
    public let selectedFiles: [DatasetFile]
    /// The columns of the files (the first file's top-level fields).
    public let fileSchema: Schema
    /// The partition columns, in path order.
    public let partitionFields: [Field]
    /// The schema of the batches: the projected columns, in projection order.
    public let schema: Schema
    /// The file columns the readers project, in the order they first appear in `schema`.
    let fileColumns: [String]
    /// For each field of `schema`: where its column comes from.
    let sources: [ColumnSource]
    /// The conditions on file columns, handed to each file's reader.
    public let filePredicate: ParquetPredicate?
    public let threads: Int
    /// The first file's footer, read by `open`, so reading that file does not fetch it again.
    let firstFooter: FooterBox

    /// Holds a footer by reference: the dataset is copied into every batch iterator.
    final class FooterBox: Sendable {
        let footer: ParquetFooter
        init(_ footer: ParquetFooter) { self.footer = footer }
    }

    /// Where a column of the batches comes from.
    enum ColumnSource: Sendable {
        /// This column of the file reader's batches.
        case file(Int)
        /// This partition column (index into `partitionFields`).
        case partition(Int)
    }

    /// Lists the part files under `prefix` and reads the first one's footer.
    ///
    /// - Parameters:
    ///   - prefix: a folder (`events/`) or any key prefix (`events/dt=2026-11`); partition folders
    ///     are read from the path below the prefix's last `/`.
    ///   - columns: file and partition columns to read, in that order; nil reads every file column
    ///     followed by the partition columns.
    ///   - predicate: skips files by partition values and row groups by statistics.
    ///   - location: how messages name the store's root (file names are `location` + key); the
    ///     store's display location and `/` by default.
    /// - Throws: `StorageError.invalidKey` for an invalid prefix; `ParquetError` naming the prefix
    ///   when it holds no part file, naming a file whose partition folders differ from the first
    ///   file's, or for an unknown column; `ParquetPredicateError` for a predicate that does not fit the
    ///   columns; `StorageError` when listing or reading fails.
    public static func open(
        store: any ObjectStore, prefix: String, columns: [String]? = nil, predicate: ParquetPredicate? = nil,
        threads: Int = ParquetFileReader.defaultThreads, location: String? = nil
    ) async throws -> ParquetDataset {
        let location = location ?? store.displayLocation + "/"
        let parts = try await partFiles(store: store, prefix: prefix, location: location)
        return try await open(
            store: store, name: location + prefix,
            parts: parts.map { ($0.object, location + $0.object.key, $0.relativePath) }, columns: columns,
            predicate: predicate, threads: threads)
    }

    /// The part files under `prefix` in key order, with their paths below the prefix's folder: what
    /// `open` reads, and what another engine given the same prefix reads.
    ///
    /// - Throws: `StorageError.invalidKey` for an invalid prefix; `ParquetError` naming the prefix
    ///   (as `location` + prefix) when it holds no part file; `StorageError` when listing fails.
    public static func partFiles(
        store: any ObjectStore, prefix: String, location: String? = nil
    ) async throws -> [(object: ObjectInfo, relativePath: String)] {
        try ObjectKeyRules.validate(keyPrefix: prefix)
        let folder = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        var parts: [(object: ObjectInfo, relativePath: String)] = []
        for try await object in store.list(prefix: prefix) {
            let relativePath = String(object.key.dropFirst(folder.count))
            if HivePartitionPath.isPartFile(relativePath) { parts.append((object, relativePath)) }
        }
        guard !parts.isEmpty else {
            throw ParquetError(
                .invalidFile, "no part files (*.parquet, not starting with _ or .) under this prefix",
                file: (location ?? store.displayLocation + "/") + prefix)
        }
        return parts
    }

    /// A dataset of the single file `object`, without partition columns.
    ///
    /// - Parameter name: how messages name the file; the key by default.
    /// - Throws: as `open(store:prefix:…)`, without the listing errors.
    public static func open(
        store: any ObjectStore, file object: ObjectInfo, name: String? = nil, columns: [String]? = nil,
        predicate: ParquetPredicate? = nil, threads: Int = ParquetFileReader.defaultThreads
    ) async throws -> ParquetDataset {
        let name = name ?? object.key
        // Only the file name counts as its path: a single file has no partition folders.
        let fileName = String(object.key.split(separator: "/").last ?? "")
        return try await open(
            store: store, name: name, parts: [(object, name, fileName)], columns: columns, predicate: predicate,
            threads: threads)
    }

    private static func open(
        store: any ObjectStore, name: String, parts: [(object: ObjectInfo, name: String, relativePath: String)],
        columns: [String]?, predicate: ParquetPredicate?, threads: Int
    ) async throws -> ParquetDataset {
        let partitioning = try HivePartitioning(parts: parts.map { ($0.name, $0.relativePath) })
        let files = zip(parts, partitioning.values).map { part, values in
            DatasetFile(object: part.object, name: part.name, partitionValues: values)
        }
        // The first file's schema is the dataset's; the others are checked as they are read.
        guard let first = files.first else {
            throw ParquetError(.invalidFile, "the dataset has no part files", file: name)
        }
        let parquetSchema: ParquetSchema
        let firstFooter: ParquetFooter
        do {
            firstFooter = try await Self.footer(of: first, in: store)
            parquetSchema = try ParquetSchema(metadata: firstFooter.metadata)
        } catch let error as ParquetError {
            throw error.at(file: first.name)
        }
        let fileSchema = parquetSchema.schema
        let partitionFields = partitioning.fields
        for field in partitionFields where fileSchema.index(of: field.name) != nil {
            throw ParquetError(
                .invalidMetadata, "the partition folders' column is also a column of the files", file: first.name,
                column: field.name)
        }
        let projection = try DatasetProjection(
            columns: columns, fileSchema: fileSchema, partitionFields: partitionFields, dataset: name)
        let split = try PartitionConditions(
            predicate: predicate, fileSchema: fileSchema, partitionFields: partitionFields, dataset: name)
        if let filePredicate = split.filePredicate {
            // Bound now so that a literal that does not fit fails at open, not at the first batch.
            do throws(ParquetPredicateError) {
                _ = try RowGroupPruner(predicate: filePredicate, schema: parquetSchema)
            } catch {
                var named = error
                named.file = name
                throw named
            }
        }
        return ParquetDataset(
            store: store, name: name, files: files, selectedFiles: files.filter(split.mayMatch),
            fileSchema: fileSchema, partitionFields: partitionFields,
            schema: Schema(projection.fields, metadata: fileSchema.metadata), fileColumns: projection.fileColumns,
            sources: projection.sources, filePredicate: split.filePredicate, threads: max(1, threads),
            firstFooter: FooterBox(firstFooter))
    }

    /// The batches of the selected files, file after file in key order, each file's selected row
    /// groups in file order, with the partition columns filled in.
    public func batches() -> DatasetBatchSequence {
        DatasetBatchSequence(dataset: self)
    }

    /// A reader of `file`'s projected columns and selected row groups.
    ///
    /// - Throws: `ParquetError` naming the file when its columns differ from the first file's,
    ///   plus what `ParquetFileReader` throws.
    func reader(for file: DatasetFile, threads: Int? = nil) async throws -> ParquetFileReader {
        let footer =
            file.key == files[0].key ? firstFooter.footer : try await Self.footer(of: file, in: store)
        // Checked before projecting, so a missing column is reported as a schema difference.
        let schema: Schema
        do throws(ParquetError) {
            schema = try ParquetSchema(metadata: footer.metadata).schema
        } catch {
            throw error.at(file: file.name)
        }
        try SchemaAgreement.check(schema, against: fileSchema, file: file.name, first: files[0].name)
        return try ParquetFileReader(
            store: store, key: file.key, footer: footer, columns: fileColumns, threads: threads ?? self.threads,
            name: file.name, predicate: filePredicate)
    }

    /// The footer of `file`, errors naming the file as messages do.
    private static func footer(of file: DatasetFile, in store: any ObjectStore) async throws -> ParquetFooter {
        do {
            return try await ParquetFooter.read(from: store, key: file.key, fileSize: file.object.size)
        } catch var error as ParquetError {
            error.file = file.name
            throw error
        }
    }
}
