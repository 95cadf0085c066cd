import Foundation
import SluiceCore
import SluiceStorage
import Testing

@testable import SluiceParquet

/// `ParquetFileWriter` read back with Sluice's own reader: every type, flat and nested, every
/// codec, row group splitting, dictionary fallback, empty files and bad input.
@Suite struct WriterRoundTripTests {
    typealias Support = WriterTestSupport

    /// Checks that `read` holds the same fields and rows as `written`.
    private func expectSame(_ read: [RecordBatch], _ written: [RecordBatch], _ context: String) {
        guard let schema = written.first?.schema else { return }
        for batch in read {
            #expect(batch.schema.fields.map(\.name) == schema.fields.map(\.name), "\(context)")
            for (actual, expected) in zip(batch.schema.fields, schema.fields) {
                #expect(actual.dataType.isCompatible(with: expected.dataType), "\(context): \(actual) vs \(expected)")
                #expect(actual.nullable == expected.nullable, "\(context): \(actual.name) nullability")
            }
        }
        let readRows = Support.rendered(read)
        let writtenRows = Support.rendered(written)
        #expect(readRows.count == writtenRows.count, "\(context): row count")
        for (index, (actual, expected)) in zip(readRows, writtenRows).enumerated() where actual != expected {
            Issue.record("\(context): row \(index) differs:\n  read    \(actual)\n  written \(expected)")
            return
        }
    }

    @Test(arguments: [CompressionCodec.uncompressed, .snappy, .gzip, .zstd, .lz4Raw, .brotli])
    func flatTypesRoundTripWithEveryCodec(codec: CompressionCodec) async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let batch = try Support.batch(Support.flatFields, rows: 1000, seed: 1)
            let footer = try await Support.write(
                [batch], schema: batch.schema, options: ParquetWriteOptions(codec: codec), to: store,
                key: "flat.parquet")
            #expect(footer.rowGroups.first?.columns.allSatisfy { $0.metaData?.codec == codec } == true)
            let (reader, read) = try await Support.readBack(store, "flat.parquet")
            expectSame(read, [batch], "\(codec)")
            // Types exactly as written, UUID metadata included.
            #expect(reader.schema.fields.map(\.dataType) == batch.schema.fields.map(\.dataType))
            #expect(
                reader.schema.field(named: "uuid")?.metadata[LeafTypeMapping.extensionNameKey]
                    == LeafTypeMapping.uuidExtensionName)
            for (name, column) in zip(batch.schema.fields.map(\.name), batch.columns) {
                #expect(read.first?.column(named: name)?.isEqual(to: column) == true, "\(codec): \(name)")
            }
        }
    }

    @Test func nestedFieldsRoundTripWithNullsAtEveryLevel() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let batches = try (0..<3).map { try Support.batch(Support.nestedFields, rows: 257, seed: UInt64(10 + $0)) }
            // Small row groups and pages: batches split across row groups, rows across pages.
            let options = ParquetWriteOptions(rowGroupRows: 300, dataPageSize: 512)
            let footer = try await Support.write(
                batches, schema: batches[0].schema, options: options, to: store, key: "nested.parquet")
            #expect(footer.rowGroups.map(\.numRows) == [300, 300, 171])
            let (_, read) = try await Support.readBack(store, "nested.parquet")
            expectSame(read, batches, "nested")
            // The rendering shows nulls and empty lists apart; check a row of each kind exists.
            let rows = Support.rendered(batches)
            #expect(rows.contains { $0.contains("\"ints\":null") })
            #expect(rows.contains { $0.contains("\"ints\":[]") })
            #expect(rows.contains { $0.contains("\"record\":null") })
            #expect(rows.contains { $0.contains("\"attributes\":[]") })
        }
    }

    @Test func flatAndNestedTogetherWithManyPagesAndRowGroups() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let fields = Support.flatFields + Support.nestedFields
            let batches = try (0..<4).map { try Support.batch(fields, rows: 700, seed: UInt64(20 + $0)) }
            let options = ParquetWriteOptions(codec: .zstd, rowGroupRows: 1000, dataPageSize: 2048)
            let footer = try await Support.write(
                batches, schema: batches[0].schema, options: options, to: store, key: "all.parquet")
            #expect(footer.numRows == 2800)
            #expect(footer.rowGroups.count == 3)
            // Row groups are laid out back to back after the magic, in order.
            var offset: Int64 = 4
            for (ordinal, group) in footer.rowGroups.enumerated() {
                #expect(group.ordinal == Int16(ordinal))
                #expect(group.fileOffset == offset)
                offset += group.totalCompressedSize ?? 0
                for chunk in group.columns {
                    let metadata = try chunk.requireMetaData()
                    #expect(
                        (metadata.encodingStats?.filter { $0.pageType == .dataPage }.reduce(0) { $0 + $1.count } ?? 0)
                            >= 1)
                }
            }
            let (_, read) = try await Support.readBack(store, "all.parquet")
            expectSame(read, batches, "flat and nested")
        }
    }

    @Test func emptyBatchesAndZeroRowFiles() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let fields = Support.flatFields + Support.nestedFields
            let empty = try Support.batch(fields, rows: 0, seed: 1)
            let footer = try await Support.write([empty, empty], schema: empty.schema, to: store, key: "empty.parquet")
            #expect(footer.numRows == 0)
            #expect(footer.rowGroups.isEmpty)
            let (reader, read) = try await Support.readBack(store, "empty.parquet")
            #expect(read.isEmpty)
            #expect(reader.schema.fields.map(\.dataType) == empty.schema.fields.map(\.dataType))

            // An empty batch between full ones changes nothing.
            let full = try Support.batch(fields, rows: 50, seed: 2)
            try await Support.write([empty, full, empty], schema: full.schema, to: store, key: "mixed.parquet")
            expectSame(try await Support.readBack(store, "mixed.parquet").1, [full], "empty batches")
        }
    }

    @Test func secondsAreStoredAsMilliseconds() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let schema = Schema([
                Field("t", .time(.second)), Field("ts", .timestamp(.second, timezone: "UTC")),
            ])
            let batch = try RecordBatch(
                schema: schema,
                columns: [
                    Time32Array([1, nil, 86_399], dataType: .time(.second)),
                    TimestampArray([-5, 0, 1_700_000_000], dataType: .timestamp(.second, timezone: "UTC")),
                ])
            try await Support.write([batch], schema: schema, to: store, key: "seconds.parquet")
            let read = try #require(try await Support.readBack(store, "seconds.parquet").1.first)
            #expect(
                read.schema.fields.map(\.dataType) == [.time(.millisecond), .timestamp(.millisecond, timezone: "UTC")])
            #expect(read.columns[0].isEqual(to: Time32Array([1000, nil, 86_399_000], dataType: .time(.millisecond))))
            #expect(
                read.columns[1].isEqual(
                    to: TimestampArray(
                        [-5000, 0, 1_700_000_000_000], dataType: .timestamp(.millisecond, timezone: "UTC"))))
        }
    }

    @Test func dictionaryFallsBackToPlainPastTheLimit() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let rows = 50_000
            let schema = Schema([Field("key", .string), Field("value", .int64), Field("repeats", .string)])
            let batch = try RecordBatch(
                schema: schema,
                columns: [
                    StringArray(
                        (0..<rows).map { "user-" + String(repeating: "0", count: 8 - String($0).count) + String($0) }),
                    Int64Array((0..<rows).map { Int64($0) * 3 }),
                    StringArray((0..<rows).map { "v\($0 % 10)" }),
                ])
            let options = ParquetWriteOptions(dataPageSize: 16 * 1024, dictionaryPageSizeLimit: 64 * 1024)
            let footer = try await Support.write(
                [batch], schema: schema, options: options, to: store, key: "dict.parquet")
            let columns = try #require(footer.rowGroups.first?.columns).map { try $0.requireMetaData() }
            for column in columns.prefix(2) {
                let stats = column.encodingStats ?? []
                // Dictionary pages first, then PLAIN for the rest of the chunk.
                #expect(stats.contains { $0.pageType == .dataPage && $0.encoding == .rleDictionary && $0.count >= 1 })
                #expect(stats.contains { $0.pageType == .dataPage && $0.encoding == .plain && $0.count >= 1 })
                #expect(column.encodings == [.plain, .rle, .rleDictionary])
                #expect(column.dictionaryPageOffset != nil)
            }
            // Ten distinct values stay dictionary encoded throughout.
            #expect(columns[2].encodingStats?.contains { $0.pageType == .dataPage && $0.encoding == .plain } == false)
            expectSame(try await Support.readBack(store, "dict.parquet").1, [batch], "fallback")

            // Dictionary off: PLAIN only, no dictionary page.
            let plain = try await Support.write(
                [batch], schema: schema, options: ParquetWriteOptions(dictionary: false), to: store,
                key: "plain.parquet")
            for chunk in plain.rowGroups[0].columns {
                let metadata = try chunk.requireMetaData()
                #expect(metadata.dictionaryPageOffset == nil)
                #expect(metadata.encodings == [.plain, .rle])
            }
            expectSame(try await Support.readBack(store, "plain.parquet").1, [batch], "plain")
        }
    }

    @Test func rowGroupBytesClosesRowGroupsEarly() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let batches = try (0..<10).map { try Support.batch(Support.flatFields, rows: 200, seed: UInt64($0)) }
            let options = ParquetWriteOptions(rowGroupBytes: 20_000)
            let footer = try await Support.write(
                batches, schema: batches[0].schema, options: options, to: store, key: "bytes.parquet")
            #expect(footer.rowGroups.count > 1)
            #expect(footer.numRows == 2000)
            expectSame(try await Support.readBack(store, "bytes.parquet").1, batches, "row group bytes")
        }
    }

    @Test func footerCarriesVersionOrdersAndKeyValueMetadata() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let batch = try Support.batch([Field("a", .int32), Field("s", .string)], rows: 10, seed: 3)
            let options = ParquetWriteOptions(keyValueMetadata: [
                KeyValue(key: "b", value: "2"), KeyValue(key: "a", value: "1"),
            ])
            let written = try await Support.write(
                [batch], schema: batch.schema, options: options, to: store, key: "kv.parquet")
            let (reader, _) = try await Support.readBack(store, "kv.parquet")
            let footer = reader.footer.metadata
            #expect(footer == written)
            #expect(footer.version == 2)
            #expect(footer.createdBy == "sluice version \(SluiceVersion.current)")
            #expect(
                footer.keyValueMetadata == [
                    KeyValue(key: "b", value: "2"), KeyValue(key: "a", value: "1"),
                    KeyValue(key: "ARROW:schema", value: ArrowSchemaMessage.base64Encoded(batch.schema)),
                ])
            #expect(footer.columnOrders == [.typeDefinedOrder, .typeDefinedOrder])

            var plain = options
            plain.storesArrowSchema = false
            let withoutArrowSchema = try await Support.write(
                [batch], schema: batch.schema, options: plain, to: store, key: "plain.parquet")
            #expect(
                withoutArrowSchema.keyValueMetadata == [KeyValue(key: "b", value: "2"), KeyValue(key: "a", value: "1")])
        }
    }

    @Test func statisticsOfIntegersStringsAndNulls() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let schema = Schema([
                Field("i", .int32), Field("u", .uint32), Field("s", .string), Field("d", .float64), Field("n", .int64),
            ])
            let batch = try RecordBatch(
                schema: schema,
                columns: [
                    Int32Array([5, nil, -3, 9]), UInt32Array([1, 4_000_000_000, nil, 2]),
                    StringArray(["b", "a", nil, "ab"]),
                    Float64Array([0.0, .nan, -1.5, nil]), Int64Array([nil, nil, nil, nil]),
                ])
            let footer = try await Support.write([batch], schema: schema, to: store, key: "stats.parquet")
            let stats = try footer.rowGroups[0].columns.map { try #require(try $0.requireMetaData().statistics) }
            func le<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
            #expect(
                stats[0]
                    == Statistics(
                        max: le(Int32(9)), min: le(Int32(-3)), nullCount: 1, maxValue: le(Int32(9)),
                        minValue: le(Int32(-3)), isMaxValueExact: true, isMinValueExact: true))
            // Unsigned order: only the new fields.
            #expect(
                stats[1]
                    == Statistics(
                        nullCount: 1, maxValue: le(UInt32(4_000_000_000)), minValue: le(UInt32(1)),
                        isMaxValueExact: true, isMinValueExact: true))
            #expect(
                stats[2]
                    == Statistics(
                        nullCount: 1, maxValue: Array("b".utf8), minValue: Array("a".utf8), isMaxValueExact: true,
                        isMinValueExact: true))
            // NaN is left out; a zero maximum is written +0.
            #expect(stats[3].minValue == le(-1.5) && stats[3].maxValue == le(0.0))
            #expect(stats[4] == Statistics(nullCount: 4))
        }
    }

    @Test func levelsFollowTheWritersSchemaNotTheBatchs() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            // The writer says the elements may be null; the batch's array says they may not.
            let schema = Schema([Field("l", .list(Field("element", .int32)))])
            let strict = try ListArray(
                elementField: Field("item", .int32, nullable: false), offsets: try OffsetBuffer([0, 2, 2, 3]),
                values: Int32Array([1, 2, 3]))
            let batch = try RecordBatch(
                schema: Schema([Field("l", .list(Field("item", .int32, nullable: false)))]), columns: [strict])
            try await Support.write([batch], schema: schema, to: store, key: "levels.parquet")
            let read = try #require(try await Support.readBack(store, "levels.parquet").1.first)
            #expect(Support.rendered([read]) == Support.rendered([batch]))
        }
    }

    @Test func badInputNamesTheColumn() async throws {
        try await MetadataTestSupport.withTemporaryStore { store in
            let schema = Schema([Field("a", .int32), Field("b", .string, nullable: false)])
            let writer = try await ParquetFileWriter(schema: schema, store: store, key: "bad.parquet")
            let wrongType = try RecordBatch(columns: ["a": Int32Array([1]), "b": Int64Array([2])])
            await #expect(throws: ParquetError.self) { try await writer.write(wrongType) }
            do {
                try await writer.write(wrongType)
            } catch let error as ParquetError {
                #expect(error.column == "b")
            }

            let other = try await ParquetFileWriter(schema: schema, store: store, key: "bad2.parquet")
            let nulls = try RecordBatch(
                schema: Schema([Field("a", .int32), Field("b", .string)]),
                columns: [Int32Array([1, 2]), StringArray(["x", nil])])
            do {
                try await other.write(nulls)
                Issue.record("a null in a non-nullable column was accepted")
            } catch let error as ParquetError {
                #expect(error.column == "b")
            }
            await other.abort()
            await writer.abort()
            // Aborted writers leave nothing behind.
            #expect(try await store.head("bad.parquet") == nil)
            #expect(try await store.head("bad2.parquet") == nil)
        }
    }
}
