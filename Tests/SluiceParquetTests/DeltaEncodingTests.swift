import SluiceCore
import Testing

@testable import SluiceParquet

@Suite("DELTA encodings")
struct DeltaEncodingTests {
    @Test("Example 1 of Encodings.md: 1…5, min delta 1, bit width 0")
    func specExample1() throws {
        // Block size 8, 1 miniblock, 5 values, first value 1 (zigzag 2); min delta 1 (zigzag 2), width 0.
        let bytes: [UInt8] = [8, 1, 5, 2, 2, 0]
        #expect(try EncodingTestSupport.decodeDelta32(bytes, count: 5) == [1, 2, 3, 4, 5])
    }

    @Test("Example 2 of Encodings.md: 7, 5, 3, 1, 2, 3, 4, 5")
    func specExample2() throws {
        // Min delta -2 (zigzag 3), width 2, relative deltas 0 0 0 3 3 3 3 (+ 1 padding) packed LSB first.
        let bytes: [UInt8] = [8, 1, 8, 14, 3, 2, 0b1100_0000, 0b0011_1111]
        #expect(try EncodingTestSupport.decodeDelta64(bytes, count: 8) == [7, 5, 3, 1, 2, 3, 4, 5])
    }

    @Test("INT64 round trips with overflow wraparound, in batches, including 64-bit deltas")
    func roundTripInt64() throws {
        var random = SplitMix64(seed: 1)
        let cases: [[Int64]] = [
            [], [42], [Int64.min, Int64.max, Int64.min, 0, Int64.max],
            (0..<1000).map { Int64($0) },
            (0..<1000).map { _ in Int64(bitPattern: random.next()) },
            (0..<777).map { Int64($0 % 5 == 0 ? 1 << 40 : -$0) },
            [Int64](repeating: 9, count: 300),
        ]
        for values in cases {
            let bytes = DeltaBinaryPackedEncoder.encode(values)
            for batch in [1, 5, 32, 129, Int.max] {
                #expect(try EncodingTestSupport.decodeDelta64(bytes, count: values.count, batch: batch) == values)
            }
        }
    }

    @Test("INT32 round trips; deltas never need more than 32 bits")
    func roundTripInt32() throws {
        var random = SplitMix64(seed: 2)
        let values: [Int32] = [Int32.max, Int32.min] + (0..<2000).map { _ in Int32(truncatingIfNeeded: random.next()) }
        let bytes = DeltaBinaryPackedEncoder.encode(values)
        #expect(try EncodingTestSupport.decodeDelta32(bytes, count: values.count, batch: 100) == values)
        // Header: 128, 4, count (2 bytes), first value (5 bytes); then min delta, then 4 widths.
        try bytes.withUnsafeBytes { raw in
            var cursor = ByteCursor(raw)
            for _ in 0..<5 { _ = try cursor.readULEB128("header") }
            for _ in 0..<4 { #expect(try cursor.readByte("width") <= 32) }
        }
    }

    @Test("miniblocks of bit width 0 and unused miniblocks with garbage widths")
    func zeroWidthAndUnusedMiniblocks() throws {
        // Block of 128 values in 4 miniblocks; 3 values; widths 0, then garbage in unused miniblocks.
        let bytes: [UInt8] = [0x80, 0x01, 4, 3, 20, 2, 0, 0xFF, 0xFF, 0xFF]
        #expect(try EncodingTestSupport.decodeDelta64(bytes, count: 3) == [10, 11, 12])
        try bytes.withUnsafeBytes { raw in
            var decoder = try DeltaBinaryPackedDecoder(raw)
            #expect(try decoder.skipToEnd() == bytes.count)
        }
    }

    @Test("damaged headers, widths over 64, truncation and over-reads throw")
    func badInput() {
        let damaged: [[UInt8]] = [
            [],  // no header
            [0, 4, 3, 0],  // block size 0
            [0x80, 0x01, 3, 3, 0],  // 128 values do not split into 3 miniblocks
            [8, 1, 3, 0, 0, 65],  // width 65
            [8, 1, 9, 0, 0, 8, 1, 2],  // miniblock needs 8 bytes
            [8, 1, 3, 0],  // block header missing
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],  // varint over 64 bits
        ]
        for bytes in damaged {
            #expect(throws: ParquetError.self, "\(bytes)") {
                _ = try EncodingTestSupport.decodeDelta64(bytes, count: 3)
            }
        }
        // More values than the header holds.
        #expect(throws: ParquetError.self) { _ = try EncodingTestSupport.decodeDelta64([8, 1, 1, 2], count: 2) }
    }

    @Test("DELTA_LENGTH_BYTE_ARRAY round trips, in batches")
    func deltaLengthByteArray() throws {
        let values: [[UInt8]] =
            [[], Array("Hello".utf8), Array("World".utf8), [0xFF]] + EncodingTestSupport.strings(1500)
        let page = DeltaByteArrayEncoder.encodeLengths(values)
        for batch in [1, 100, 512, Int.max] {
            let decoded = try page.withUnsafeBytes { raw in
                var decoder = try DeltaLengthByteArrayDecoder(raw)
                #expect(decoder.remaining == values.count)
                return try EncodingTestSupport.decodeByteArrays(count: values.count, batch: batch) {
                    try decoder.decode(count: $0, into: &$1)
                }
            }
            #expect(decoded == values)
        }
        // Lengths past the data throw.
        let short = Array(page.dropLast())
        #expect(throws: ParquetError.self) {
            try short.withUnsafeBytes { raw in
                var decoder = try DeltaLengthByteArrayDecoder(raw)
                var output = ByteArrayOutput()
                try decoder.decode(count: values.count, into: &output)
            }
        }
    }

    @Test("DELTA_BYTE_ARRAY round trips across batches; a prefix longer than the previous value throws")
    func deltaByteArray() throws {
        let values: [[UInt8]] =
            [Array("axis".utf8), Array("axle".utf8), Array("babble".utf8), Array("babyhood".utf8), []]
            + EncodingTestSupport.strings(2000) + [Array("user-".utf8)]
        let page = DeltaByteArrayEncoder.encodeIncremental(values)
        for batch in [1, 3, 512, Int.max] {
            let decoded = try page.withUnsafeBytes { raw in
                var decoder = try DeltaByteArrayDecoder(raw)
                return try EncodingTestSupport.decodeByteArrays(count: values.count, batch: batch) {
                    try decoder.decode(count: $0, into: &$1)
                }
            }
            #expect(decoded == values)
        }
        let bad = DeltaBinaryPackedEncoder.encode([Int32(0), 3]) + DeltaByteArrayEncoder.encodeLengths([[1], [2]])
        #expect(throws: ParquetError.self) {
            try bad.withUnsafeBytes { raw in
                var decoder = try DeltaByteArrayDecoder(raw)
                var output = ByteArrayOutput()
                try decoder.decode(count: 2, into: &output)
            }
        }
    }
}
