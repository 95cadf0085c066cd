import Foundation
import SluiceCore
import Testing

@testable import SluiceParquet

/// Small checks of the column reader's helpers and error places, independent of the corpus.
@Suite struct ColumnReaderUnitTests {
    @Test func int96ConvertsToNanoseconds() {
        // 1970-01-02T00:00:01: Julian day 2440589, one second into the day.
        let nanos: UInt64 = 1_000_000_000
        let value = Int96Value(
            word0: UInt32(truncatingIfNeeded: nanos), word1: UInt32(truncatingIfNeeded: nanos >> 32), word2: 2_440_589)
        #expect(value.nanosecondsSinceEpoch == 86_400_000_000_000 + 1_000_000_000)
    }

    @Test func bigEndianDecimals() throws {
        func decode(_ bytes: [UInt8]) throws -> Int128 {
            try bytes.withUnsafeBytes { try BigEndianDecimal.value($0) }
        }
        #expect(try decode([0x01, 0x00]) == 256)
        #expect(try decode([0xFF, 0xFE]) == -2)
        #expect(try decode([]) == 0)
        #expect(try decode([UInt8](repeating: 0xFF, count: 20)) == -1)
        #expect(throws: ParquetError.self) { try decode([0x01] + [UInt8](repeating: 0, count: 16)) }
    }

    @Test func parquetMRVersions() {
        #expect(ParquetMRVersion.lacksDictionaryHeaderSize(createdBy: "parquet-mr"))
        #expect(ParquetMRVersion.lacksDictionaryHeaderSize(createdBy: "parquet-mr version 1.2.8 (build abc)"))
        #expect(!ParquetMRVersion.lacksDictionaryHeaderSize(createdBy: "parquet-mr version 1.2.9 (build abc)"))
        #expect(!ParquetMRVersion.lacksDictionaryHeaderSize(createdBy: "parquet-mr version 1.10.0"))
        #expect(!ParquetMRVersion.lacksDictionaryHeaderSize(createdBy: "parquet-cpp-arrow version 14.0.0"))
    }

    @Test func truncatedChunkNamesItsPlace() throws {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return
        }
        let file = try ColumnReaderTestSupport.LoadedFile(directory: directory, name: "alltypes_plain.parquet")
        let column = try #require(file.schema.columns.first)
        let metadata = try #require(file.footer.metadata.rowGroups[0].columns[column.index].metaData)
        let range = ColumnChunkReader.byteRange(of: metadata)
        let chunk = Array(file.bytes[Int(range.lowerBound)..<Int(range.upperBound)])
        let reader = try ColumnChunkReader(descriptor: column, metadata: metadata, file: "f.parquet", rowGroup: 0)
        for length in [0, 5, chunk.count / 2, chunk.count - 1] {
            do {
                _ = try reader.read(Array(chunk.prefix(length)))
                Issue.record("a chunk cut to \(length) bytes was read")
            } catch {
                #expect(error.file == "f.parquet" && error.rowGroup == 0 && error.column == column.dottedPath)
                #expect(error.page != nil)
            }
        }
    }

    @Test func nestedColumnsAreRefused() throws {
        guard let directory = MetadataTestSupport.corpusDirectory else {
            print("skipped: parquet-testing corpus not found (set PARQUET_TESTING_DATA)")
            return
        }
        let file = try ColumnReaderTestSupport.LoadedFile(directory: directory, name: "list_columns.parquet")
        let column = try #require(file.schema.columns.first { $0.maxRepetitionLevel > 0 })
        let metadata = try #require(file.footer.metadata.rowGroups[0].columns[column.index].metaData)
        #expect(throws: ParquetError.self) {
            _ = try ColumnChunkReader(descriptor: column, metadata: metadata)
        }
    }
}
