import Foundation
import SluiceStorage

/// The parquet files a local path names: the file itself, or every `*.parquet` object under a
/// folder in key order (UTF-8 byte order, as S3 lists), read through a `LocalObjectStore`.
public struct ParquetLocalSource: Sendable {
    /// The store the keys live in.
    public let store: LocalObjectStore
    /// The parquet objects, in key order.
    public let files: [ObjectInfo]
    /// The path as given, for messages.
    public let path: String
    /// Whether the path is a folder.
    public let isDirectory: Bool

    /// Resolves `path`.
    ///
    /// - Throws: `ParquetError(.invalidFile)` when the path does not exist; `StorageError` when the
    ///   folder cannot be listed.
    public static func resolve(path: String) async throws -> ParquetLocalSource {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ParquetError(.invalidFile, "no such file or folder", file: path)
        }
        if isDirectory.boolValue {
            let store = LocalObjectStore(root: url)
            var files: [ObjectInfo] = []
            for try await object in store.list(prefix: "") where object.key.hasSuffix(".parquet") {
                files.append(object)
            }
            return ParquetLocalSource(store: store, files: files, path: path, isDirectory: true)
        }
        let store = LocalObjectStore(root: url.deletingLastPathComponent())
        guard let info = try await store.head(url.lastPathComponent) else {
            throw ParquetError(.invalidFile, "no such file", file: path)
        }
        return ParquetLocalSource(store: store, files: [info], path: path, isDirectory: false)
    }

    /// How messages name `file`: the path itself for a single file, else the path joined with the key.
    public func displayName(of file: ObjectInfo) -> String {
        guard isDirectory else { return path }
        return path.hasSuffix("/") ? path + file.key : path + "/" + file.key
    }

    /// A reader for `file`.
    public func reader(for file: ObjectInfo, columns: [String]? = nil, threads: Int = ParquetFileReader.defaultThreads)
        async throws -> ParquetFileReader
    {
        try await ParquetFileReader.open(
            store: store, key: file.key, columns: columns, threads: threads, name: displayName(of: file),
            fileSize: file.size)
    }
}
