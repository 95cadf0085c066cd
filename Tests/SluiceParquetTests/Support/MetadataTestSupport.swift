import Foundation
import SluiceCore
import SluiceParquet
import SluiceStorage

/// Locates the Apache parquet-testing corpus and the test venv for the metadata tests.
enum MetadataTestSupport {
    /// The repository root, found from this file's real location (symlinks resolved).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // SluiceParquetTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// `$PARQUET_TESTING_DATA`, else `../shared/parquet-testing/data` beside the repository; nil
    /// when it does not exist.
    static var corpusDirectory: URL? {
        let url: URL
        if let override = ProcessInfo.processInfo.environment["PARQUET_TESTING_DATA"], !override.isEmpty {
            url = URL(fileURLWithPath: override)
        } else {
            url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/parquet-testing/data")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return url
    }

    /// The names of every `*.parquet` file in the corpus, sorted.
    static func corpusFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".parquet") }
            .sorted()
    }

    /// `.venv/bin/python` at the repository root, when `scripts/python-env` has made it.
    static var venvPython: URL? {
        let url = repositoryRoot.appendingPathComponent(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    /// Runs `body` with a `LocalObjectStore` over a fresh folder that is removed afterwards.
    static func withTemporaryStore(_ body: (LocalObjectStore) async throws -> Void) async throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluice-parquet-metadata-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try await body(LocalObjectStore(root: url))
    }

    /// A small but complete FileMetaData: nested schema, two row groups, statistics, key/values.
    static func sampleMetadata(rowGroups: Int = 2) -> FileMetaData {
        let schema = [
            SchemaElement(name: "schema", numChildren: 3),
            SchemaElement(name: "id", type: .int64, repetitionType: .required, fieldId: 1),
            SchemaElement(
                name: "name", type: .byteArray, repetitionType: .optional, convertedType: .utf8, logicalType: .string),
            SchemaElement(
                name: "tags", repetitionType: .optional, numChildren: 1, convertedType: .list, logicalType: .list),
            SchemaElement(name: "list", repetitionType: .repeated, numChildren: 1),
            SchemaElement(
                name: "element", type: .fixedLenByteArray, typeLength: 16, repetitionType: .optional,
                logicalType: .uuid),
        ]
        let paths = [["id"], ["name"], ["tags", "list", "element"]]
        let types: [PhysicalType] = [.int64, .byteArray, .fixedLenByteArray]
        var groups: [RowGroup] = []
        for group in 0..<rowGroups {
            var chunks: [ColumnChunk] = []
            for (index, path) in paths.enumerated() {
                let offset = Int64(4 + group * 3000 + index * 1000)
                let meta = ColumnMetaData(
                    type: types[index], encodings: [.plain, .rle, .rleDictionary], pathInSchema: path, codec: .snappy,
                    numValues: 1000, totalUncompressedSize: 12_345, totalCompressedSize: 999,
                    keyValueMetadata: index == 0 ? [KeyValue(key: "k", value: "v")] : nil, dataPageOffset: offset + 20,
                    dictionaryPageOffset: offset,
                    statistics: Statistics(
                        nullCount: 3, maxValue: [1, 2, 3, 4, 5, 6, 7, 8], minValue: [0, 0, 0, 0, 0, 0, 0, 0],
                        isMaxValueExact: true, isMinValueExact: false),
                    encodingStats: [
                        PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1),
                        PageEncodingStats(pageType: .dataPage, encoding: .rleDictionary, count: 2),
                    ],
                    bloomFilterOffset: 77, bloomFilterLength: 32,
                    sizeStatistics: SizeStatistics(
                        unencodedByteArrayDataBytes: 10, repetitionLevelHistogram: [1, 2],
                        definitionLevelHistogram: [3, 4, 5]))
                chunks.append(
                    ColumnChunk(
                        fileOffset: offset, metaData: meta, offsetIndexOffset: 100, offsetIndexLength: 10,
                        columnIndexOffset: 200, columnIndexLength: 20))
            }
            groups.append(
                RowGroup(
                    columns: chunks, totalByteSize: 37_035, numRows: 1000,
                    sortingColumns: [SortingColumn(columnIndex: 0, descending: false, nullsFirst: true)],
                    fileOffset: Int64(4 + group * 3000), totalCompressedSize: 2997, ordinal: Int16(group)))
        }
        return FileMetaData(
            version: 2, schema: schema, numRows: Int64(1000 * rowGroups), rowGroups: groups,
            keyValueMetadata: [KeyValue(key: "writer", value: "sluice"), KeyValue(key: "empty", value: nil)],
            createdBy: "sluice version 0.1",
            columnOrders: [.typeDefinedOrder, .typeDefinedOrder, .ieee754TotalOrder])
    }

    /// A parquet file made of `PAR1`, `body` bytes, the encoded metadata, its length and `PAR1`.
    static func fileBytes(_ metadata: FileMetaData, body: Int = 0) -> [UInt8] {
        let encoded = metadata.thriftBytes()
        var bytes = ParquetFooter.magic + [UInt8](repeating: 0xAB, count: body) + encoded
        let length = UInt32(encoded.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)]
        return bytes + ParquetFooter.magic
    }
}

/// Renders columnar types the way pyarrow prints them (`str(field.type)`), so schemas can be
/// compared with the oracle's output.
enum PyArrowTypeText {
    static func text(of field: Field) -> String {
        text(of: field.dataType, fieldName: field.name)
    }

    /// `fieldName` is the name of the field holding the type: pyarrow names a map's entries after
    /// it and prints that name when it is not `entries`.
    static func text(of type: DataType, fieldName: String) -> String {
        switch type {
        case .boolean: return "bool"
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64: return "\(type)"
        case .float16: return "halffloat"
        case .float32: return "float"
        case .float64: return "double"
        case .decimal(let precision, let scale): return "decimal128(\(precision), \(scale))"
        case .string: return "string"
        case .binary: return "binary"
        case .fixedSizeBinary(let width): return "fixed_size_binary[\(width)]"
        case .date32: return "date32[day]"
        case .time: return "\(type)"
        case .timestamp(let unit, let timezone):
            return "timestamp[\(unit.abbreviation)\(timezone.map { ", tz=\($0)" } ?? "")]"
        case .list(let element): return "list<\(fieldText(element))>"
        case .struct(let fields): return "struct<\(fields.map(fieldText).joined(separator: ", "))>"
        case .map(let key, let value, let keysSorted):
            var text = "map<" + self.text(of: key.dataType, fieldName: key.name)
            if key.name != "key" { text += " ('\(key.name)')" }
            text += ", " + self.text(of: value.dataType, fieldName: value.name)
            if value.name != "value" { text += " ('\(value.name)')" }
            if keysSorted { text += ", keys_sorted" }
            if fieldName != "entries" { text += " ('\(fieldName)')" }
            return text + ">"
        }
    }

    static func fieldText(_ field: Field) -> String {
        "\(field.name): \(text(of: field))\(field.nullable ? "" : " not null")"
    }
}
