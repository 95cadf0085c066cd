import Foundation
import SluiceCore
import SluiceStorage
import SluiceTestSupport
import Testing

@testable import SluiceParquet

/// A read-only `ObjectStore` over one object held in memory, so damaged variants of a file cost no
/// disk writes. Ranged reads clamp to the object as `LocalObjectStore`'s do.
struct SingleObjectStore: ObjectStore {
    let key: String
    let bytes: [UInt8]

    var displayLocation: String { "memory" }

    func listPage(prefix: String, delimiter: String?, continuationToken: String?) async throws -> ObjectListPage {
        ObjectListPage(objects: key.hasPrefix(prefix) ? [info] : [])
    }

    func head(_ key: String) async throws -> ObjectInfo? { key == self.key ? info : nil }

    func get(_ key: String, range: Range<Int64>?) async throws -> [UInt8] {
        guard key == self.key else { throw StorageError.notFound(location: displayLocation, key: key) }
        let size = Int64(bytes.count)
        let lower = min(max(range?.lowerBound ?? 0, 0), size)
        let upper = min(max(range?.upperBound ?? size, lower), size)
        return Array(bytes[Int(lower)..<Int(upper)])
    }

    func makeWriter(for key: String) async throws -> any ObjectWriter {
        throw StorageError.io(operation: "write", location: displayLocation, key: key, reason: "read-only")
    }

    func delete(_ key: String) async throws {
        throw StorageError.io(operation: "delete", location: displayLocation, key: key, reason: "read-only")
    }

    func shutdown() async throws {}

    private var info: ObjectInfo { ObjectInfo(key: key, size: Int64(bytes.count), lastModified: Date()) }
}

/// Valid small files from `Oracles/conformance_files.py` and ways to damage them.
enum CorruptFileTestSupport {
    /// The generator's small cases: flat and nested, several codecs and encodings, no checksums.
    static let smallFiles = [
        "small_plain", "small_types", "small_dictionary_snappy_v2", "small_delta_zstd", "small_nested_gzip",
        "small_nested_plain_v2",
        "small_single_dictionary", "small_duckdb_snappy",
    ]

    /// Runs `body` with the bytes of every small file by name, or skips (with a message) without the venv.
    static func withSmallFiles(_ body: ([String: [UInt8]]) async throws -> Void) async throws {
        guard let files = try await generatedSmallFiles.value() else {
            print("skipped: .venv missing; run scripts/python-env to generate the conformance files")
            return
        }
        try await body(files)
    }

    /// The small files, generated once per test process and held in memory (nil without the venv).
    private static let generatedSmallFiles = AsyncOnce { () async throws -> [String: [UInt8]]? in
        guard MetadataTestSupport.venvPython != nil else { return nil }
        var files: [String: [UInt8]] = [:]
        try await ConformanceTestSupport.generate(smallFiles) { directory in
            for name in smallFiles {
                files[name] = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".parquet")))
            }
        }
        return files
    }

    /// Opens `bytes` as `key` and reads every row group; returns the number of rows.
    @discardableResult
    static func readAll(_ bytes: [UInt8], key: String, threads: Int = 1) async throws -> Int {
        let store = SingleObjectStore(key: key, bytes: bytes)
        let reader = try await ParquetFileReader.open(store: store, key: key, threads: threads)
        var rows = 0
        for try await batch in reader.batches() { rows += batch.numRows }
        return rows
    }

    /// The footer of a whole file held in memory.
    static func footer(_ bytes: [UInt8], key: String = "file") throws -> ParquetFooter {
        try ParquetFooter.decode(tail: bytes, fileSize: Int64(bytes.count), key: key)
    }

    /// The offset of each page header of chunk `column` of row group `rowGroup`, with the header.
    static func pages(_ bytes: [UInt8], rowGroup: Int = 0, column: Int = 0) throws -> [(
        offset: Int, header: PageHeader
    )] {
        let footer = try footer(bytes)
        let metadata = try #require(footer.metadata.rowGroups[rowGroup].columns[column].metaData)
        let range = ColumnChunkReader.byteRange(of: metadata)
        var offset = Int(range.lowerBound)
        var pages: [(Int, PageHeader)] = []
        while offset < Int(range.upperBound) {
            let (header, end) = try PageHeader.decode(bytes, at: offset)
            pages.append((offset, header))
            offset = end + Int(header.compressedPageSize)
        }
        return pages
    }

    /// `bytes` with the header of page `page` of chunk `column` of row group `rowGroup` replaced by
    /// `change(header)` (re-encoded, so its length may change), and the footer's sizes and offsets
    /// of everything after it moved to match.
    static func replacingPageHeader(
        _ bytes: [UInt8], rowGroup: Int = 0, column: Int = 0, page: Int, _ change: (inout PageHeader) -> Void
    ) throws -> [UInt8] {
        let decoded = try footer(bytes)
        var footer = decoded.metadata
        let (offset, original) = try pages(bytes, rowGroup: rowGroup, column: column)[page]
        let oldLength = original.thriftBytes().count
        var header = original
        change(&header)
        let encoded = header.thriftBytes()
        let growth = Int64(encoded.count - oldLength)
        var body = Array(bytes[..<offset]) + encoded + Array(bytes[(offset + oldLength)..<Int(decoded.metadataOffset)])
        func moved(_ value: Int64) -> Int64 { value > Int64(offset) ? value + growth : value }
        for group in footer.rowGroups.indices {
            for chunk in footer.rowGroups[group].columns.indices {
                guard var metadata = footer.rowGroups[group].columns[chunk].metaData else { continue }
                if group == rowGroup && chunk == column { metadata.totalCompressedSize += growth }
                metadata.dataPageOffset = moved(metadata.dataPageOffset)
                metadata.dictionaryPageOffset = metadata.dictionaryPageOffset.map(moved)
                footer.rowGroups[group].columns[chunk].metaData = metadata
            }
        }
        let encodedFooter = footer.thriftBytes()
        body += encodedFooter
        let length = UInt32(encodedFooter.count)
        body += [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)]
        return body + ParquetFooter.magic
    }

    /// Expects reading `bytes` (as `key`) to throw a `ParquetError` naming the file and, when
    /// given, the row group and column.
    static func expectParquetError(
        _ bytes: [UInt8], key: String, rowGroup: Int? = nil, column: String? = nil, kind: ParquetError.Kind? = nil,
        _ comment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            let rows = try await readAll(bytes, key: key)
            Issue.record("\(comment): read \(rows) rows instead of failing", sourceLocation: sourceLocation)
        } catch let error as ParquetError {
            #expect(error.file == key, "\(comment): \(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains(key), "\(comment): \(error)", sourceLocation: sourceLocation)
            if let rowGroup {
                #expect(error.rowGroup == rowGroup, "\(comment): \(error)", sourceLocation: sourceLocation)
            }
            if let column {
                // A nested field's error names its leaf (`list.list.element` for `list`).
                let named = error.column == column || error.column?.hasPrefix(column + ".") == true
                #expect(named, "\(comment): \(error)", sourceLocation: sourceLocation)
            }
            if let kind { #expect(error.kind == kind, "\(comment): \(error)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("\(comment): not a ParquetError: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The peak resident memory of this process so far, in bytes.
    static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }
}
