import Testing

@testable import SluiceParquet

/// Every metadata struct survives encode → decode unchanged.
struct MetadataRoundTripTests {
    private func roundTrip<T: ThriftStruct & Equatable>(_ value: T) throws {
        let decoded = try T(thriftBytes: value.thriftBytes())
        #expect(decoded == value)
    }

    @Test func fileMetaData() throws {
        try roundTrip(ParquetTestMetadata.sample)
        try roundTrip(
            FileMetaData(version: 1, schema: [SchemaElement(name: "root", numChildren: 0)], numRows: 0, rowGroups: []))
    }

    @Test(arguments: [
        LogicalType.string, .map, .list, .enum, .decimal(precision: 38, scale: 10), .date,
        .time(isAdjustedToUTC: false, unit: .millis), .time(isAdjustedToUTC: true, unit: .nanos),
        .timestamp(isAdjustedToUTC: true, unit: .micros), .timestamp(isAdjustedToUTC: false, unit: .nanos),
        .integer(bitWidth: 8, isSigned: false), .integer(bitWidth: 64, isSigned: true), .null, .json, .bson, .uuid,
        .float16, .unrecognized(fieldId: 16),
    ])
    func logicalTypes(_ type: LogicalType) throws {
        try roundTrip(type)
        try roundTrip(SchemaElement(name: "c", type: .int64, repetitionType: .optional, logicalType: type))
    }

    @Test func unknownUnionMembersDecodeGracefully() throws {
        // LogicalType field 16 (VARIANT) with a field inside it, as a newer writer would write.
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.writeFieldHeader(16, .struct)
            writer.writeStruct { writer in writer.writeField(1, i8: 1) }
        }
        #expect(try LogicalType(thriftBytes: writer.bytes) == .unrecognized(fieldId: 16))
        // A TIMESTAMP whose unit is a member added later: the annotation becomes unrecognized.
        var timestamp = ThriftCompactWriter()
        timestamp.writeStruct { writer in
            writer.writeFieldHeader(8, .struct)
            writer.writeStruct { writer in
                writer.writeField(1, bool: true)
                writer.writeFieldHeader(2, .struct)
                writer.writeStruct { writer in writer.writeEmptyStruct(9) }
            }
        }
        #expect(try LogicalType(thriftBytes: timestamp.bytes) == .unrecognized(fieldId: 8))
        // Column orders and encryption algorithms likewise.
        var order = ThriftCompactWriter()
        order.writeStruct { writer in writer.writeEmptyStruct(7) }
        #expect(try ColumnOrder(thriftBytes: order.bytes) == .unrecognized(fieldId: 7))
    }

    @Test func columnOrdersAndEncryption() throws {
        for order in [ColumnOrder.typeDefinedOrder, .ieee754TotalOrder, .int96TimestampOrder] {
            try roundTrip(order)
        }
        try roundTrip(EncryptionAlgorithm.aesGcmV1)
        try roundTrip(EncryptionAlgorithm.aesGcmCtrV1)
    }

    @Test func pageHeaders() throws {
        let statistics = Statistics(max: [9], min: [1], nullCount: 0, distinctCount: 5, nanCount: 0)
        try roundTrip(
            PageHeader(
                type: .dataPage, uncompressedPageSize: 1000, compressedPageSize: 600, crc: -12_345,
                dataPageHeader: DataPageHeader(
                    numValues: 100, encoding: .rleDictionary, definitionLevelEncoding: .rle,
                    repetitionLevelEncoding: .bitPacked, statistics: statistics)))
        try roundTrip(
            PageHeader(
                type: .dataPageV2, uncompressedPageSize: 10, compressedPageSize: 10,
                dataPageHeaderV2: DataPageHeaderV2(
                    numValues: 5, numNulls: 1, numRows: 4, encoding: .deltaBinaryPacked, definitionLevelsByteLength: 2,
                    repetitionLevelsByteLength: 0, isCompressed: false, statistics: statistics)))
        try roundTrip(
            PageHeader(
                type: .dictionaryPage, uncompressedPageSize: 64, compressedPageSize: 64,
                dictionaryPageHeader: DictionaryPageHeader(numValues: 8, encoding: .plain, isSorted: true)))
        try roundTrip(
            PageHeader(
                type: .indexPage, uncompressedPageSize: 0, compressedPageSize: 0, indexPageHeader: IndexPageHeader()))
    }

    @Test func pageHeaderDecodeReportsItsEnd() throws {
        let header = PageHeader(
            type: .dictionaryPage, uncompressedPageSize: 3, compressedPageSize: 3,
            dictionaryPageHeader: DictionaryPageHeader(numValues: 3, encoding: .plain))
        let encoded = header.thriftBytes()
        let page = [0xEE] + encoded + [1, 2, 3]
        let (decoded, end) = try PageHeader.decode(page, at: 1)
        #expect(decoded == header)
        #expect(end == 1 + encoded.count)
    }

    @Test func negativePageSizesAreRefused() throws {
        let header = PageHeader(type: .dataPage, uncompressedPageSize: -1, compressedPageSize: 5)
        #expect(throws: ParquetError.self) { try PageHeader(thriftBytes: header.thriftBytes()) }
    }

    @Test func missingRequiredFieldsAreNamed() throws {
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in writer.writeField(1, i32: 1) }
        let error = #expect(throws: ParquetError.self) { try FileMetaData(thriftBytes: writer.bytes) }
        #expect(error?.detail.contains("FileMetaData is missing required field schema") == true)
    }

    @Test func unknownEncodingsInTheChunkListAreDropped() throws {
        var meta = ParquetTestMetadata.sample.rowGroups[0].columns[0].metaData
        meta?.encodings = [.plain]
        var writer = ThriftCompactWriter()
        writer.writeStruct { writer in
            writer.writeField(1, enum: PhysicalType.int64)
            writer.writeField(2, list: [0, 42], elementType: .i32) { writer, value in writer.writeI32(value) }
            writer.writeField(3, strings: ["id"])
            writer.writeField(4, enum: CompressionCodec.zstd)
            writer.writeField(5, i64: 1)
            writer.writeField(6, i64: 2)
            writer.writeField(7, i64: 3)
            writer.writeField(9, i64: 4)
        }
        let decoded = try ColumnMetaData(thriftBytes: writer.bytes)
        #expect(decoded.encodings == [.plain])
        #expect(decoded.codec == .zstd)
    }
}
