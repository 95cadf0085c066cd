import SluiceCore
import Testing

@testable import SluiceParquet

@Suite("RLE / bit-packed hybrid")
struct RLEHybridTests {
    @Test("the bit-packed example of Encodings.md: 0…7 at 3 bits")
    func specBitPackedExample() throws {
        // Header (1 group << 1 | 1), then 10001000 11000110 11111010.
        let bytes: [UInt8] = [0x03, 0x88, 0xC6, 0xFA]
        #expect(try EncodingTestSupport.decodeRLE(bytes, bitWidth: 3, count: 8) == Array(0..<8))
    }

    @Test("an RLE run, then a bit-packed run")
    func mixedRuns() throws {
        // 5 × 4 at bit width 3 (one value byte), then 8 packed values 0…7.
        let bytes: [UInt8] = [0x0A, 0x04, 0x03, 0x88, 0xC6, 0xFA]
        #expect(try EncodingTestSupport.decodeRLE(bytes, bitWidth: 3, count: 13) == [4, 4, 4, 4, 4] + Array(0..<8))
    }

    @Test("the deprecated BIT_PACKED example: 0…7 at 3 bits, MSB first")
    func specDeprecatedBitPackedExample() throws {
        let bytes: [UInt8] = [0x05, 0x39, 0x77, 0xEE]
        try bytes.withUnsafeBytes { raw in
            var page = ByteCursor(raw)
            var decoder = try BitPackedLevelDecoder(bitWidth: 3, valueCount: 8, page: &page)
            #expect(page.position == 3)
            var levels = [UInt16](repeating: 0, count: 8)
            try levels.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            #expect(levels == Array(0..<8))
            var more = [UInt16](repeating: 0, count: 1)
            #expect(throws: ParquetError.self) {
                try more.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            }
        }
    }

    @Test("round trips at every bit width 0…32, in batches of several sizes")
    func roundTripEveryWidth() throws {
        var random = SplitMix64(seed: 42)
        for bitWidth in 0...32 {
            let maximum: UInt64 = bitWidth == 0 ? 0 : (1 << UInt64(bitWidth)) - 1
            // Random values, long runs, short runs and a tail that is not a multiple of 8.
            var values: [UInt32] = []
            for _ in 0..<300 { values.append(UInt32(random.next() & maximum)) }
            values += [UInt32](repeating: UInt32(maximum), count: 1000)
            for index in 0..<200 { values.append(UInt32(UInt64(index / 3) & maximum)) }
            values += [UInt32](repeating: 0, count: 13)
            var encoder = RLEHybridEncoder(bitWidth: bitWidth)
            encoder.append(contentsOf: values)
            let bytes = encoder.finish()
            for batch in [1, 7, 8, 13, 1024, Int.max] {
                let decoded = try EncodingTestSupport.decodeRLE(
                    bytes, bitWidth: bitWidth, count: values.count, batch: batch)
                #expect(decoded == values, "bit width \(bitWidth), batch \(batch)")
            }
        }
    }

    @Test("long repeats become one RLE run")
    func repeatsBecomeRuns() throws {
        var encoder = RLEHybridEncoder(bitWidth: 1)
        encoder.append(1, count: 1_000_000)
        let bytes = encoder.finish()
        #expect(bytes.count <= 5)
        #expect(
            try EncodingTestSupport.decodeRLE(bytes, bitWidth: 1, count: 1_000_000)
                == [UInt32](repeating: 1, count: 1_000_000))
    }

    @Test("the length-prefixed form (v1 levels) leaves the cursor at the values")
    func lengthPrefixed() throws {
        var encoder = RLEHybridEncoder(bitWidth: 2)
        encoder.append(contentsOf: [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1])
        let page = encoder.finishLengthPrefixed() + [0xAB, 0xCD]
        try page.withUnsafeBytes { raw in
            var cursor = ByteCursor(raw)
            var decoder = try RLEHybridDecoder.lengthPrefixed(bitWidth: 2, page: &cursor)
            #expect(cursor.remaining == 2)
            var levels = [UInt8](repeating: 0, count: 13)
            try levels.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            #expect(levels == [0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1])
        }
    }

    @Test("dictionary indices: a bit-width byte, then runs; an empty page decodes nothing")
    func dictionaryIndexForm() throws {
        let bytes: [UInt8] = [3, 0x03, 0x88, 0xC6, 0xFA]
        try bytes.withUnsafeBytes { raw in
            var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
            var indices = [UInt32](repeating: 0, count: 8)
            try indices.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            #expect(indices == Array(0..<8))
        }
        try [UInt8]().withUnsafeBytes { raw in
            var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
            var none = [UInt32]()
            try none.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            var one = [UInt32](repeating: 0, count: 1)
            #expect(throws: ParquetError.self) {
                try one.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            }
        }
    }

    @Test("bad input throws: bit width over 32, truncated runs, values too wide, too few values")
    func badInput() throws {
        #expect(throws: ParquetError.self) {
            try [UInt8]().withUnsafeBytes { _ = try RLEHybridDecoder(bitWidth: 33, bytes: $0) }
        }
        #expect(throws: ParquetError.self) {
            try [UInt8]([33, 2, 1]).withUnsafeBytes { _ = try RLEHybridDecoder.dictionaryIndices($0) }
        }
        // An RLE run of 4 at bit width 16 needs 2 value bytes.
        #expect(throws: ParquetError.self) {
            _ = try EncodingTestSupport.decodeRLE([0x08, 0x01], bitWidth: 16, count: 4)
        }
        // A run value of 9 does not fit in 3 bits.
        #expect(throws: ParquetError.self) {
            _ = try EncodingTestSupport.decodeRLE([0x08, 0x09], bitWidth: 3, count: 4)
        }
        // A truncated varint header.
        #expect(throws: ParquetError.self) { _ = try EncodingTestSupport.decodeRLE([0x80], bitWidth: 3, count: 4) }
        // Runs hold 5 values, 6 requested.
        #expect(throws: ParquetError.self) {
            _ = try EncodingTestSupport.decodeRLE([0x0A, 0x01], bitWidth: 1, count: 6)
        }
        // A bit-packed run with no data.
        #expect(throws: ParquetError.self) { _ = try EncodingTestSupport.decodeRLE([0x03], bitWidth: 3, count: 8) }
        // A declared length past the page.
        #expect(throws: ParquetError.self) {
            try [UInt8]([9, 0, 0, 0, 1]).withUnsafeBytes { raw in
                var cursor = ByteCursor(raw)
                _ = try RLEHybridDecoder.lengthPrefixed(bitWidth: 1, page: &cursor)
            }
        }
    }

    @Test("a bit-packed run cut short decodes the values whose bits are present")
    func shortLastRun() throws {
        // Claims 2 groups at 8 bits but holds 10 bytes.
        let bytes: [UInt8] = [0x05] + Array(1...10)
        #expect(try EncodingTestSupport.decodeRLE(bytes, bitWidth: 8, count: 10) == Array(1...10))
        #expect(throws: ParquetError.self) { _ = try EncodingTestSupport.decodeRLE(bytes, bitWidth: 8, count: 11) }
    }
}
