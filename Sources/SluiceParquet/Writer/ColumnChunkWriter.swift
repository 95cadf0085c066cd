import SluiceCore

/// Writes one leaf column of one row group: levels and values into version 1 data pages of about
/// `dataPageSize` bytes, compressed as they fill, plus a dictionary page.
///
/// Dictionary encoding starts on (for every type but BOOLEAN) and stays on until the dictionary
/// page would pass `dictionaryPageSizeLimit`; then the current page is closed and the rest of the
/// chunk is PLAIN, as parquet-mr and Arrow do. The chunk keeps only encoded pages: the batches it
/// was given are not retained.
///
/// The file writer holds one per leaf column, type-erased as closures made where the encoder's type
/// is concrete: calls through a protocol or a generic class's vtable would run the unspecialized
/// generic code, several times slower in the per-value loops.
struct AnyColumnChunkWriter {
    /// Adds one batch's levels and values.
    let write: (ShreddedLeaf) throws(ParquetError) -> Void
    /// Closes the last page and returns the chunk.
    let finish: () throws(ParquetError) -> EncodedColumnChunk
    /// The bytes buffered so far: compressed pages, the open page and the dictionary.
    let bufferedByteCount: () -> Int

    init<Encoder: LeafValueEncoder>(_ writer: ColumnChunkWriter<Encoder>) {
        write = { (leaf) throws(ParquetError) in try writer.write(leaf) }
        finish = { () throws(ParquetError) in try writer.finish() }
        bufferedByteCount = { writer.bufferedByteCount }
    }
}

/// Makes the chunk writer for `column`.
func makeColumnChunkWriter(for column: ColumnDescriptor, options: ParquetWriteOptions) -> AnyColumnChunkWriter {
    let unsigned: Bool
    if case .integer(_, let isSigned) = column.logicalType {
        unsigned = !isSigned
    } else {
        unsigned = false
    }
    func writer<Encoder: LeafValueEncoder>(_ encoder: Encoder) -> AnyColumnChunkWriter {
        AnyColumnChunkWriter(ColumnChunkWriter(column: column, options: options, encoder: encoder))
    }
    switch column.physicalType {
    case .boolean:
        return writer(BooleanValueEncoder())
    case .int32 where unsigned:
        return writer(FixedWidthValueEncoder<UnsignedInt32Order>())
    case .int32:
        return writer(FixedWidthValueEncoder<SignedInt32Order>())
    case .int64 where unsigned:
        return writer(FixedWidthValueEncoder<UnsignedInt64Order>())
    case .int64, .int96:
        return writer(FixedWidthValueEncoder<SignedInt64Order>())
    case .float:
        return writer(FixedWidthValueEncoder<FloatOrder>())
    case .double:
        return writer(FixedWidthValueEncoder<DoubleOrder>())
    case .byteArray:
        return writer(ByteValueEncoder(fixedWidth: nil, order: .unsigned))
    case .fixedLenByteArray:
        let order: ByteValueEncoder.Order
        switch column.logicalType {
        case .decimal: order = .signedBigEndian
        case .float16: order = .float16
        default: order = .unsigned
        }
        return writer(ByteValueEncoder(fixedWidth: column.typeLength, order: order))
    }
}

/// The chunk writer for values encoded by `Encoder` (see `AnyColumnChunkWriter`).
final class ColumnChunkWriter<Encoder: LeafValueEncoder> {
    /// Levels handled per step; pages close between steps.
    private static var stepLevels: Int { 4096 }

    private let column: ColumnDescriptor
    private let options: ParquetWriteOptions
    private let codec: PageCodec
    private var encoder: Encoder
    private var dictionaryActive: Bool
    private let maxDefinition: Int
    private let maxRepetition: Int

    // The open page.
    private var definitionLevels: RLEHybridEncoder
    private var repetitionLevels: RLEHybridEncoder
    private var pageLevelCount = 0
    private var plainValues: [UInt8] = []
    private var indices: [UInt32] = []

    // The chunk so far.
    private var dataPages: [[UInt8]] = []
    private var dataPageBytes = 0
    private var dictionaryPageCount: Int32 = 0
    private var plainPageCount: Int32 = 0
    private var levelCount: Int64 = 0
    private var valueCount: Int64 = 0
    private var uncompressedSize: Int64 = 0

    init(column: ColumnDescriptor, options: ParquetWriteOptions, encoder: Encoder) {
        self.column = column
        self.options = options
        self.codec = PageCodec(options.codec, level: options.compressionLevel)
        self.encoder = encoder
        dictionaryActive = options.dictionary && Encoder.supportsDictionary
        maxDefinition = column.maxDefinitionLevel
        maxRepetition = column.maxRepetitionLevel
        definitionLevels = RLEHybridEncoder(bitWidth: Self.bitWidth(of: maxDefinition))
        repetitionLevels = RLEHybridEncoder(bitWidth: Self.bitWidth(of: maxRepetition))
    }

    var bufferedByteCount: Int {
        dataPageBytes + openPageByteCount + (dictionaryActive ? encoder.dictionaryByteSize : 0)
    }

    /// The open page's size estimate before compression.
    private var openPageByteCount: Int {
        let levels = definitionLevels.bytes.count + repetitionLevels.bytes.count
        if dictionaryActive {
            return levels + (indices.count * Self.bitWidth(of: max(1, encoder.dictionaryCount - 1)) + 7) / 8
        }
        return levels + plainValues.count
    }

    func write(_ leaf: ShreddedLeaf) throws(ParquetError) {
        try encoder.setValues(PhysicalValues(converting: leaf.values))
        if let indices = leaf.valueIndices {
            try indices.withUnsafeBufferPointer { (pointer) throws(ParquetError) in
                try write(leaf, valueIndices: pointer)
            }
        } else {
            try write(leaf, valueIndices: nil)
        }
        levelCount += Int64(leaf.levelCount)
        valueCount += Int64(leaf.valueCount)
    }

    private func write(_ leaf: ShreddedLeaf, valueIndices: UnsafeBufferPointer<Int32>?) throws(ParquetError) {
        var level = 0
        var valueCursor = 0
        while level < leaf.levelCount {
            let end = stepEnd(leaf, from: level)
            let values = appendLevels(leaf, level..<end)
            let positions = ValuePositions(indices: valueIndices, range: valueCursor..<valueCursor + values)
            if options.statistics { encoder.updateStatistics(positions) }
            if dictionaryActive {
                encoder.appendIndices(positions, to: &indices)
            } else {
                encoder.appendPlain(positions, to: &plainValues)
            }
            pageLevelCount += end - level
            valueCursor += values
            level = end
            if dictionaryActive && encoder.dictionaryByteSize > options.dictionaryPageSizeLimit {
                try flushPage()
                dictionaryActive = false
            } else if openPageByteCount >= options.dataPageSize {
                try flushPage()
            }
        }
    }

    /// The end of the step starting at `level`: a row boundary (repetition level 0), so that no row
    /// spans two pages.
    private func stepEnd(_ leaf: ShreddedLeaf, from level: Int) -> Int {
        var end = min(leaf.levelCount, level + Self.stepLevels)
        if maxRepetition > 0, let repetitions = leaf.repetitionLevels {
            while end < leaf.levelCount && repetitions[end] != 0 { end += 1 }
        }
        return end
    }

    /// Appends the levels of `range` to the open page and returns how many of them carry a value.
    private func appendLevels(_ leaf: ShreddedLeaf, _ range: Range<Int>) -> Int {
        if maxRepetition > 0, let repetitions = leaf.repetitionLevels {
            for index in range { repetitionLevels.append(UInt32(repetitions[index])) }
        }
        guard maxDefinition > 0 else { return range.count }
        guard let definitions = leaf.definitionLevels else {
            definitionLevels.append(UInt32(maxDefinition), count: range.count)
            return range.count
        }
        var values = 0
        let top = UInt16(maxDefinition)
        for index in range {
            let level = definitions[index]
            definitionLevels.append(UInt32(level))
            if level == top { values += 1 }
        }
        return values
    }

    private func flushPage() throws(ParquetError) {
        var body: [UInt8] = []
        if maxRepetition > 0 { body.append(contentsOf: repetitionLevels.finishLengthPrefixed()) }
        if maxDefinition > 0 { body.append(contentsOf: definitionLevels.finishLengthPrefixed()) }
        let encoding: Encoding
        if dictionaryActive {
            let bitWidth = Self.bitWidth(of: max(1, encoder.dictionaryCount - 1))
            body.append(UInt8(bitWidth))
            var runs = RLEHybridEncoder(bitWidth: bitWidth)
            for index in indices { runs.append(index) }
            body.append(contentsOf: runs.finish())
            indices.removeAll(keepingCapacity: true)
            encoding = .rleDictionary
            dictionaryPageCount += 1
        } else {
            encoder.finishPlainPage(into: &plainValues)
            if body.isEmpty {
                // No levels: the values are the body; hand the buffer over instead of copying it.
                swap(&body, &plainValues)
                plainValues.reserveCapacity(body.count)
            } else {
                body.append(contentsOf: plainValues)
                plainValues.removeAll(keepingCapacity: true)
            }
            encoding = .plain
            plainPageCount += 1
        }
        let header = DataPageHeader(
            numValues: Int32(truncatingIfNeeded: pageLevelCount), encoding: encoding, definitionLevelEncoding: .rle,
            repetitionLevelEncoding: .rle)
        let page = try encodePage(body, type: .dataPage) { $0.dataPageHeader = header }
        dataPageBytes += page.reduce(0) { $0 + $1.count }
        dataPages.append(contentsOf: page)
        pageLevelCount = 0
    }

    /// The page: its header and its compressed body, kept apart so that the body is not copied.
    private func encodePage(_ body: [UInt8], type: PageType, _ configure: (inout PageHeader) -> Void)
        throws(ParquetError) -> [[UInt8]]
    {
        guard body.count <= Int(Int32.max) else {
            throw ParquetError(.unsupported, "a page of \(body.count) bytes is larger than parquet allows")
        }
        let compressed = options.codec == .uncompressed ? body : try compress(body)
        var header = PageHeader(
            type: type, uncompressedPageSize: Int32(body.count), compressedPageSize: Int32(compressed.count))
        configure(&header)
        var thrift = ThriftCompactWriter(capacity: 64)
        header.write(to: &thrift)
        uncompressedSize += Int64(thrift.bytes.count + body.count)
        return [thrift.bytes, compressed]
    }

    private func compress(_ body: [UInt8]) throws(ParquetError) -> [UInt8] {
        var result: Result<[UInt8], ParquetError> = .success([])
        body.withUnsafeBytes { bytes in
            do throws(ParquetError) {
                result = .success(try codec.compress(bytes))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }

    func finish() throws(ParquetError) -> EncodedColumnChunk {
        if dictionaryActive && dictionaryPageCount == 0 && encoder.dictionaryCount == 0 {
            // Nothing to put in a dictionary (no rows, or only nulls): write the page PLAIN.
            dictionaryActive = false
        }
        if pageLevelCount > 0 || dictionaryPageCount + plainPageCount == 0 {
            try flushPage()
        }
        var dictionaryPage: [[UInt8]]?
        var encodingStats: [PageEncodingStats] = []
        var encodings: Set<Encoding> = [.rle]
        if dictionaryPageCount > 0 {
            let header = DictionaryPageHeader(
                numValues: Int32(truncatingIfNeeded: encoder.dictionaryCount), encoding: .plain)
            dictionaryPage = try encodePage(encoder.dictionaryPage(), type: .dictionaryPage) {
                $0.dictionaryPageHeader = header
            }
            encodings.formUnion([.plain, .rleDictionary])
            encodingStats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1))
            encodingStats.append(
                PageEncodingStats(pageType: .dataPage, encoding: .rleDictionary, count: dictionaryPageCount))
        }
        if plainPageCount > 0 {
            encodings.insert(.plain)
            encodingStats.append(PageEncodingStats(pageType: .dataPage, encoding: .plain, count: plainPageCount))
        }
        return EncodedColumnChunk(
            dictionaryPage: dictionaryPage, dataPages: dataPages, numValues: levelCount,
            totalUncompressedSize: uncompressedSize, encodings: encodings.sorted { $0.rawValue < $1.rawValue },
            encodingStats: encodingStats, statistics: options.statistics ? statistics() : nil)
    }

    private func statistics() -> Statistics {
        var statistics = Statistics(nullCount: levelCount - valueCount)
        if let (minimum, maximum) = encoder.minMax() {
            statistics.minValue = minimum
            statistics.maxValue = maximum
            statistics.isMinValueExact = true
            statistics.isMaxValueExact = true
            if encoder.isSignedOrder {
                statistics.min = minimum
                statistics.max = maximum
            }
        }
        return statistics
    }

    /// The bits needed for values up to `maximum`.
    private static func bitWidth(of maximum: Int) -> Int {
        maximum == 0 ? 0 : Int.bitWidth - maximum.leadingZeroBitCount
    }
}
