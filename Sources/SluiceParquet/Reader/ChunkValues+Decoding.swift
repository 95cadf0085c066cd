extension ChunkValues {
    /// Decodes the `count` non-null values of one data page, stored with `encoding` in `page` (the
    /// values section only), and appends them.
    ///
    /// - Throws: `ParquetError(.invalidEncoding)` for damaged values, `.invalidPage` for a
    ///   dictionary-encoded page without a dictionary page, `.unsupported` for an encoding the
    ///   physical type cannot have.
    mutating func decodeValues(
        count: Int, encoding: Encoding, page: UnsafeRawBufferPointer, descriptor: ColumnDescriptor,
        dictionary: ColumnDictionary?
    ) throws(ParquetError) {
        defer { valueCount = fixedOrByteCount(descriptor) }
        guard count > 0 else { return }
        switch encoding {
        case .plainDictionary, .rleDictionary:
            guard let dictionary else {
                throw ParquetError(.invalidPage, "a \(encoding) data page comes before any dictionary page")
            }
            var indices = try RLEHybridDecoder.dictionaryIndices(page)
            try gather(count: count, from: &indices, dictionary: dictionary)
        case .plain:
            try decodePlain(count: count, page: page, descriptor: descriptor)
        case .rle where descriptor.physicalType == .boolean:
            // RLE booleans carry a 4-byte length prefix in v1 and v2 pages alike.
            var cursor = ByteCursor(page)
            var decoder = try RLEHybridDecoder.lengthPrefixed(bitWidth: 1, page: &cursor)
            try appendTyped(count: count, as: UInt8.self) { (output) throws(ParquetError) in
                try decoder.decode(into: output)
            }
        case .deltaBinaryPacked where descriptor.physicalType == .int32:
            var decoder = try DeltaBinaryPackedDecoder(page)
            try appendTyped(count: count, as: Int32.self) { (output) throws(ParquetError) in
                try decoder.decode(into: output)
            }
        case .deltaBinaryPacked where descriptor.physicalType == .int64:
            var decoder = try DeltaBinaryPackedDecoder(page)
            try appendTyped(count: count, as: Int64.self) { (output) throws(ParquetError) in
                try decoder.decode(into: output)
            }
        case .deltaLengthByteArray where descriptor.physicalType == .byteArray:
            var decoder = try DeltaLengthByteArrayDecoder(page)
            try decoder.decode(count: count, into: &byteArrays)
        case .deltaByteArray where descriptor.physicalType == .byteArray:
            var decoder = try DeltaByteArrayDecoder(page)
            try decoder.decode(count: count, into: &byteArrays)
        case .deltaByteArray where descriptor.physicalType == .fixedLenByteArray:
            try decodeFixedDeltaByteArray(count: count, page: page, width: descriptor.typeLength)
        case .byteStreamSplit:
            let width = try fixedWidth(descriptor)
            guard descriptor.physicalType != .boolean, descriptor.physicalType != .int96 else {
                throw ParquetError(.unsupported, "BYTE_STREAM_SPLIT for \(descriptor.physicalType)")
            }
            var decoder = try ByteStreamSplitDecoder(page, byteWidth: width)
            try appendFixed(count: count, width: width) { (output) throws(ParquetError) in
                try decoder.decode(count: count, into: output)
            }
        default:
            throw ParquetError(.unsupported, "\(encoding) values of a \(descriptor.physicalType) column")
        }
    }

    /// The dense value count, from whichever buffer the physical type uses.
    private func fixedOrByteCount(_ descriptor: ColumnDescriptor) -> Int {
        if descriptor.physicalType == .byteArray { return byteArrays.count }
        guard let width = try? fixedWidth(descriptor), width > 0 else { return 0 }
        return fixed.byteCount / width
    }

    /// The bytes of one value in `fixed`.
    func fixedWidth(_ descriptor: ColumnDescriptor) throws(ParquetError) -> Int {
        switch descriptor.physicalType {
        case .boolean: return 1
        case .int32, .float: return 4
        case .int64, .double: return 8
        case .int96: return 12
        case .fixedLenByteArray:
            guard descriptor.typeLength > 0 else {
                throw ParquetError(.invalidMetadata, "FIXED_LEN_BYTE_ARRAY of width \(descriptor.typeLength)")
            }
            return descriptor.typeLength
        case .byteArray: throw ParquetError(.invalidPage, "BYTE_ARRAY values have no fixed width")
        }
    }

    private mutating func decodePlain(
        count: Int, page: UnsafeRawBufferPointer, descriptor: ColumnDescriptor
    ) throws(ParquetError) {
        var decoder = PlainDecoder(page)
        switch descriptor.physicalType {
        case .boolean:
            // Eight values per byte at most: refuse a count the page cannot hold before allocating.
            guard count <= page.count * 8 else {
                throw ParquetError(.invalidEncoding, "\(count) PLAIN booleans in a page of \(page.count) bytes")
            }
            try appendTyped(count: count, as: Bool.self) { (output) throws(ParquetError) in
                try decoder.decodeBooleans(into: output)
            }
        case .byteArray:
            try decoder.decodeByteArrays(count: count, into: &byteArrays)
        default:
            let width = try fixedWidth(descriptor)
            guard count <= page.count / width else {
                throw ParquetError(
                    .invalidEncoding, "\(count) PLAIN values of \(width) bytes in a page of \(page.count) bytes")
            }
            try appendFixed(count: count, width: width) { (output) throws(ParquetError) in
                try decoder.decodeFixedSize(count: count, byteWidth: width, into: output)
            }
        }
    }

    private mutating func gather(
        count: Int, from indices: inout RLEHybridDecoder, dictionary: ColumnDictionary
    ) throws(ParquetError) {
        switch dictionary {
        case .words32(let entries):
            try appendTyped(count: count, as: UInt32.self) { (output) throws(ParquetError) in
                try entries.decode(from: &indices, into: output)
            }
        case .words64(let entries):
            try appendTyped(count: count, as: UInt64.self) { (output) throws(ParquetError) in
                try entries.decode(from: &indices, into: output)
            }
        case .int96(let entries):
            try appendTyped(count: count, as: Int96Value.self) { (output) throws(ParquetError) in
                try entries.decode(from: &indices, into: output)
            }
        case .byteArrays(let entries):
            try entries.decode(from: &indices, count: count, into: &byteArrays)
        case .fixedBytes(let entries, let width):
            try appendFixed(count: count, width: width) { (output) throws(ParquetError) in
                try Self.gatherFixed(entries, width: width, indices: &indices, into: output)
            }
        }
    }

    /// Copies the FIXED_LEN_BYTE_ARRAY entries the next indices name, one batch of indices at a time.
    private static func gatherFixed(
        _ entries: [UInt8], width: Int, indices: inout RLEHybridDecoder, into output: UnsafeMutableRawBufferPointer
    ) throws(ParquetError) {
        let total = output.count / width
        let size = entries.count / width
        try withBytes(entries) { (source) throws(ParquetError) in
            try withIndexScratch { (scratch) throws(ParquetError) in
                var done = 0
                while done < total {
                    let batch = UnsafeMutableBufferPointer(rebasing: scratch[..<min(scratch.count, total - done)])
                    try indices.decode(into: batch)
                    for (position, index) in batch.enumerated() {
                        guard Int(index) < size else { throw DictionaryIndexError.outOfRange(index, size: size) }
                        let from = UnsafeRawBufferPointer(
                            rebasing: source[(Int(index) * width)..<(Int(index) * width + width)])
                        let to = (done + position) * width
                        UnsafeMutableRawBufferPointer(rebasing: output[to..<(to + width)]).copyMemory(from: from)
                    }
                    done += batch.count
                }
            }
        }
    }

    /// DELTA_BYTE_ARRAY for FIXED_LEN_BYTE_ARRAY: decoded as byte arrays into a page-sized scratch
    /// output, then checked to be `width` bytes each and copied in one piece.
    private mutating func decodeFixedDeltaByteArray(
        count: Int, page: UnsafeRawBufferPointer, width: Int
    ) throws(ParquetError) {
        guard width > 0 else { throw ParquetError(.invalidMetadata, "FIXED_LEN_BYTE_ARRAY of width \(width)") }
        var decoder = try DeltaByteArrayDecoder(page)
        var scratch = ByteArrayOutput(capacity: count, dataCapacity: count * width)
        try decoder.decode(count: count, into: &scratch)
        let wrongLength: Int? = scratch.offsets.withUnsafeBytes { raw in
            let ends = raw.bindMemory(to: Int32.self)
            for index in 0..<count where ends[index + 1] - ends[index] != Int32(width) { return index }
            return nil
        }
        if let wrongLength {
            throw ParquetError(
                .invalidEncoding, "DELTA_BYTE_ARRAY value \(wrongLength) is not \(width) bytes long")
        }
        try appendFixed(count: count, width: width) { (output) throws(ParquetError) in
            scratch.data.withUnsafeBytes { output.copyMemory(from: $0) }
        }
    }
}
