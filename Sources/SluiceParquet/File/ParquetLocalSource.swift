import Foundation
import SluiceStorage

/// A local path as a person types it: a parquet file, or a folder read as a `ParquetDataset` (its
/// `*.parquet` part files in key order, Hive partition folders as columns).
public struct ParquetLocalSource: Sendable {
    /// The store over the folder, or over the file's parent folder.
    public let store: LocalObjectStore
    /// The path as given, for messages.
    public let path: String
    /// The file the path names; nil when it names a folder.
    public let file: ObjectInfo?

    /// Resolves `path`.
    ///
    /// - Throws: `ParquetError(.invalidFile)` when the path does not exist; `StorageError` when the
    ///   file cannot be read.
    public static func resolve(path: String) async throws -> ParquetLocalSource {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ParquetError(.invalidFile, "no such file or folder", file: path)
        }
        if isDirectory.boolValue {
            return ParquetLocalSource(store: LocalObjectStore(root: url), path: path, file: nil)
        }
        let store = LocalObjectStore(root: url.deletingLastPathComponent())
        guard let info = try await store.head(url.lastPathComponent) else {
            throw ParquetError(.invalidFile, "no such file", file: path)
        }
        return ParquetLocalSource(store: store, path: path, file: info)
    }

    /// The file, or the folder's dataset; files are named by the path as typed.
    ///
    /// - Throws: what `ParquetDataset.open` throws (for a folder without part files, an error
    ///   naming the folder).
    public func dataset(
        columns: [String]? = nil, predicate: ParquetPredicate? = nil, threads: Int = ParquetFileReader.defaultThreads
    ) async throws -> ParquetDataset {
        if let file {
            return try await ParquetDataset.open(
                store: store, file: file, name: path, columns: columns, predicate: predicate, threads: threads)
        }
        return try await ParquetDataset.open(
            store: store, prefix: "", columns: columns, predicate: predicate, threads: threads,
            location: path.hasSuffix("/") ? path : path + "/")
    }
}
