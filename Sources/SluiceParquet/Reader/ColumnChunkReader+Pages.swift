import SluiceCore

extension ColumnChunkReader {
    /// Reads the page whose header starts at `position` and returns the offset just past it.
    func readPage(
        _ bytes: [UInt8], at position: Int, state: inout PageState, into values: inout ChunkValues
    ) throws(ParquetError) -> Int {
        let (header, bodyStart) = try PageHeader.decode(bytes, at: position)
        let compressedSize = Int(header.compressedPageSize)
        guard compressedSize <= bytes.count - bodyStart else {
            throw ParquetError(
                .invalidPage,
                "the page states \(compressedSize) bytes but the chunk has \(bytes.count - bodyStart) left")
        }
        let bodyEnd = bodyStart + compressedSize
        try withBytes(bytes) { (all) throws(ParquetError) in
            let body = UnsafeRawBufferPointer(rebasing: all[bodyStart..<bodyEnd])
            if let crc = header.crc { try PageChecksum.verify(body, expected: crc) }
            switch header.type {
            case .dictionaryPage:
                guard let dictionaryHeader = header.dictionaryPageHeader else {
                    throw ParquetError(.invalidPage, "a dictionary page without its dictionary_page_header")
                }
                try withDecompressed(body, size: Int(header.uncompressedPageSize), state: &state) {
                    (page, state) throws(ParquetError) in
                    state.dictionary = try ColumnDictionary(
                        page: page, header: dictionaryHeader, descriptor: descriptor)
                }
            case .dataPage:
                guard let dataHeader = header.dataPageHeader else {
                    throw ParquetError(.invalidPage, "a data page without its data_page_header")
                }
                try withDecompressed(body, size: Int(header.uncompressedPageSize), state: &state) {
                    (page, state) throws(ParquetError) in
                    try readDataPageV1(page, header: dataHeader, state: &state, into: &values)
                }
            case .dataPageV2:
                guard let dataHeader = header.dataPageHeaderV2 else {
                    throw ParquetError(.invalidPage, "a data page v2 without its data_page_header_v2")
                }
                try readDataPageV2(
                    body, uncompressedSize: Int(header.uncompressedPageSize), header: dataHeader, state: &state,
                    into: &values)
            case .indexPage:
                // Index pages carry no values; nothing writes them, but they are legal.
                break
            }
        }
        return bodyEnd
    }

    /// A v1 data page: levels (each length-prefixed RLE, or BIT_PACKED) and values, all in `page`.
    private func readDataPageV1(
        _ page: UnsafeRawBufferPointer, header: DataPageHeader, state: inout PageState,
        into values: inout ChunkValues
    ) throws(ParquetError) {
        let count = try checkedCount(header.numValues, values: values)
        var cursor = ByteCursor(page)
        if descriptor.maxRepetitionLevel > 0 {
            // Repetition levels come first in a v1 page; only nested leaves have them.
            _ = try decodeV1Levels(
                "repetition", encoding: header.repetitionLevelEncoding, maxLevel: descriptor.maxRepetitionLevel,
                count: count, cursor: &cursor, state: &state, into: &values.repetitionLevels
            )
        }
        let presentCount: Int
        if descriptor.maxDefinitionLevel > 0 {
            presentCount = try decodeV1Levels(
                "definition", encoding: header.definitionLevelEncoding, maxLevel: descriptor.maxDefinitionLevel,
                count: count, cursor: &cursor, state: &state, into: &values.levels
            )
        } else {
            presentCount = count
        }
        values.rowCount += count
        try values.decodeValues(
            count: presentCount, encoding: header.encoding, page: cursor.takeRest(), descriptor: descriptor,
            dictionary: state.dictionary)
    }

    /// A v2 data page: repetition and definition levels uncompressed at the front of `body`, then
    /// the values, compressed when `is_compressed` says so.
    private func readDataPageV2(
        _ body: UnsafeRawBufferPointer, uncompressedSize: Int, header: DataPageHeaderV2, state: inout PageState,
        into values: inout ChunkValues
    ) throws(ParquetError) {
        let count = try checkedCount(header.numValues, values: values)
        let repetitionLength = Int(header.repetitionLevelsByteLength)
        let definitionLength = Int(header.definitionLevelsByteLength)
        guard repetitionLength >= 0, definitionLength >= 0, repetitionLength + definitionLength <= body.count,
            repetitionLength + definitionLength <= uncompressedSize
        else {
            throw ParquetError(
                .invalidPage,
                "levels of \(repetitionLength) + \(definitionLength) bytes do not fit a page of \(body.count) bytes")
        }
        let levelsEnd = repetitionLength + definitionLength
        if descriptor.maxRepetitionLevel > 0 {
            let bitWidth = RLEHybridDecoder.bitWidth(forMaxLevel: descriptor.maxRepetitionLevel)
            let levelBytes = UnsafeRawBufferPointer(rebasing: body[0..<repetitionLength])
            _ = try decodeLevels(
                count: count, maxLevel: descriptor.maxRepetitionLevel, state: &state,
                into: &values.repetitionLevels
            ) { (output) throws(ParquetError) in
                var decoder = try RLEHybridDecoder(bitWidth: bitWidth, bytes: levelBytes)
                try decoder.decode(into: output)
            }
        }
        let presentCount: Int
        if descriptor.maxDefinitionLevel > 0 {
            let bitWidth = RLEHybridDecoder.bitWidth(forMaxLevel: descriptor.maxDefinitionLevel)
            let levelBytes = UnsafeRawBufferPointer(rebasing: body[repetitionLength..<levelsEnd])
            presentCount = try decodeLevels(
                count: count, maxLevel: descriptor.maxDefinitionLevel, state: &state, into: &values.levels
            ) { (output) throws(ParquetError) in
                var decoder = try RLEHybridDecoder(bitWidth: bitWidth, bytes: levelBytes)
                try decoder.decode(into: output)
            }
        } else {
            presentCount = count
        }
        values.rowCount += count
        let stored = UnsafeRawBufferPointer(rebasing: body[levelsEnd...])
        let valuesSize = uncompressedSize - levelsEnd
        if header.isCompressed && state.codec.codec != .uncompressed {
            try withDecompressed(stored, size: valuesSize, state: &state) { (page, state) throws(ParquetError) in
                try values.decodeValues(
                    count: presentCount, encoding: header.encoding, page: page, descriptor: descriptor,
                    dictionary: state.dictionary)
            }
        } else {
            try values.decodeValues(
                count: presentCount, encoding: header.encoding, page: stored, descriptor: descriptor,
                dictionary: state.dictionary)
        }
    }

    /// The page's value count, checked against what the chunk still owes (which also bounds the
    /// level buffer a damaged header could ask for).
    private func checkedCount(_ numValues: Int32, values: borrowing ChunkValues) throws(ParquetError) -> Int {
        let count = Int(numValues)
        let left = Int(clamping: metadata.numValues) - values.rowCount
        guard count >= 0, count <= left else {
            throw ParquetError(
                .invalidPage, "the page states \(count) values but the chunk has only \(left) left")
        }
        return count
    }

    /// Decodes `count` levels with `decode`, appends them to `target` (`levels` or
    /// `repetitionLevels` of the chunk's values) and returns how many equal `maxLevel` (for
    /// definition levels: how many entries hold a value).
    /// Decodes one kind of data page v1 levels from the page: length-prefixed RLE, or the
    /// deprecated BIT_PACKED form. Returns how many levels equal `maxLevel`.
    private func decodeV1Levels(
        _ kind: String, encoding: Encoding, maxLevel: Int, count: Int,
        cursor: inout ByteCursor, state: inout PageState, into target: inout MutableBuffer
    ) throws(ParquetError) -> Int {
        let bitWidth = RLEHybridDecoder.bitWidth(forMaxLevel: maxLevel)
        return try decodeLevels(count: count, maxLevel: maxLevel, state: &state, into: &target) {
            (output) throws(ParquetError) in
            switch encoding {
            case .rle:
                var decoder = try RLEHybridDecoder.lengthPrefixed(bitWidth: bitWidth, page: &cursor)
                try decoder.decode(into: output)
            case .bitPacked:
                var decoder = try BitPackedLevelDecoder(bitWidth: bitWidth, valueCount: count, page: &cursor)
                try decoder.decode(into: output)
            default:
                throw ParquetError(.unsupported, "\(kind) levels encoded \(encoding)")
            }
        }
    }

    private func decodeLevels(
        count: Int, maxLevel: Int, state: inout PageState, into target: inout MutableBuffer,
        _ decode: (UnsafeMutableBufferPointer<UInt8>) throws(ParquetError) -> Void
    ) throws(ParquetError) -> Int {
        state.reserveLevels(count)
        let maxLevel = UInt8(clamping: maxLevel)
        var present = 0
        var tooHigh = false
        try withMutableBytes(&state.levelBuffer) { (buffer) throws(ParquetError) in
            let levels = UnsafeMutableBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[0..<count])
            try decode(levels)
            for level in levels {
                present &+= level == maxLevel ? 1 : 0
                tooHigh = tooHigh || level > maxLevel
            }
            target.append(contentsOf: UnsafeBufferPointer(levels))
        }
        guard !tooHigh else {
            throw ParquetError(.invalidEncoding, "a level exceeds the column's maximum \(maxLevel)")
        }
        return present
    }

    /// Calls `body` with the page's decompressed bytes: `stored` itself when uncompressed, else the
    /// reused page buffer. Refuses stated sizes past the sanity caps before allocating.
    private func withDecompressed(
        _ stored: UnsafeRawBufferPointer, size: Int, state: inout PageState,
        _ body: (UnsafeRawBufferPointer, inout PageState) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        if state.codec.codec == .uncompressed {
            try body(stored, &state)
            return
        }
        guard size >= 0, size <= Self.maxUncompressedPageSize else {
            throw ParquetError(.invalidPage, "the page states an uncompressed size of \(size) bytes")
        }
        if size > Self.ratioCheckThreshold, size / Self.maxCompressionRatio > stored.count {
            throw ParquetError(
                .invalidPage,
                "the page states \(size) bytes uncompressed from \(stored.count): more than \(Self.maxCompressionRatio)× is taken as damage"
            )
        }
        state.reservePage(size)
        // Move the buffer out of `state` so `body` may use `state` while the page is borrowed.
        var buffer = state.pageBuffer
        state.pageBuffer = []
        defer { state.pageBuffer = buffer }
        try withMutableBytes(&buffer) { (raw) throws(ParquetError) in
            try state.codec.decompress(stored, uncompressedSize: size, into: raw)
            try body(UnsafeRawBufferPointer(rebasing: raw[0..<size]), &state)
        }
    }
}

/// `Array.withUnsafeBytes` with a typed-throws body (the standard one rethrows untyped).
func withBytes<R>(
    _ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(ParquetError) -> R
) throws(ParquetError) -> R {
    let result: Result<R, ParquetError> = array.withUnsafeBytes { raw in
        do throws(ParquetError) { return .success(try body(raw)) } catch { return .failure(error) }
    }
    return try result.get()
}

/// `Array.withUnsafeMutableBytes` with a typed-throws body.
func withMutableBytes<R>(
    _ array: inout [UInt8], _ body: (UnsafeMutableRawBufferPointer) throws(ParquetError) -> R
) throws(ParquetError) -> R {
    let result: Result<R, ParquetError> = array.withUnsafeMutableBytes { raw in
        do throws(ParquetError) { return .success(try body(raw)) } catch { return .failure(error) }
    }
    return try result.get()
}
