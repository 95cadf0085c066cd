import SluiceCore
import Testing

@testable import SluiceParquet

@Suite("PLAIN encoding")
struct PlainEncodingTests {
    @Test("INT32, INT64, FLOAT and DOUBLE round trip, with hand-made little-endian bytes")
    func fixedWidth() throws {
        let bytes: [UInt8] = [0x01, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF]
        var int32s = [Int32](repeating: 0, count: 2)
        try bytes.withUnsafeBytes { raw in
            var decoder = PlainDecoder(raw)
            try int32s.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            #expect(decoder.remainingBytes == 0)
        }
        #expect(int32s == [1, -1])
        try roundTrip([Int64.min, -1, 0, 1, .max])
        try roundTrip([Float.nan, -0.0, 1.5, .infinity])
        try roundTrip([Double.pi, -.greatestFiniteMagnitude])
        try roundTrip([Int32]())
    }

    private func roundTrip<T: BitwiseCopyable & Numeric>(_ values: [T]) throws {
        var page: [UInt8] = []
        values.withUnsafeBufferPointer { PlainEncoder.encode($0, into: &page) }
        #expect(page.count == values.count * MemoryLayout<T>.stride)
        var decoded = [T](repeating: 0, count: values.count)
        try page.withUnsafeBytes { raw in
            var decoder = PlainDecoder(raw)
            try decoded.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
        }
        #expect(decoded.withUnsafeBytes { Array($0) } == values.withUnsafeBytes { Array($0) })
    }

    @Test("BOOLEAN: bits lowest first, across byte boundaries and batches")
    func booleans() throws {
        let values = (0..<21).map { $0 % 3 == 0 }
        var page: [UInt8] = []
        values.withUnsafeBufferPointer { PlainEncoder.encode($0, into: &page) }
        #expect(page == [0b0100_1001, 0b1001_0010, 0b0000_0100])
        try page.withUnsafeBytes { raw in
            var decoder = PlainDecoder(raw)
            var first = [Bool](repeating: false, count: 5)
            var rest = [Bool](repeating: false, count: 16)
            try first.withUnsafeMutableBufferPointer { try decoder.decodeBooleans(into: $0) }
            try rest.withUnsafeMutableBufferPointer { try decoder.decodeBooleans(into: $0) }
            #expect(first + rest == values)
            var tooMany = [Bool](repeating: false, count: 4)
            #expect(throws: ParquetError.self) {
                try tooMany.withUnsafeMutableBufferPointer { try decoder.decodeBooleans(into: $0) }
            }
        }
    }

    @Test("INT96 and FIXED_LEN_BYTE_ARRAY copy fixed-size values")
    func fixedSize() throws {
        let page: [UInt8] = Array(0..<36)
        var output = [UInt8](repeating: 0, count: 24)
        try page.withUnsafeBytes { raw in
            var decoder = PlainDecoder(raw)
            try output.withUnsafeMutableBytes { try decoder.decodeFixedSize(count: 2, byteWidth: 12, into: $0) }
            #expect(Array(output) == Array(0..<24))
            #expect(throws: ParquetError.self) {
                try output.withUnsafeMutableBytes { try decoder.decodeFixedSize(count: 2, byteWidth: 12, into: $0) }
            }
        }
    }

    @Test("BYTE_ARRAY: lengths and bytes to offsets and data, across pages and batches")
    func byteArrays() throws {
        let values: [[UInt8]] =
            [[], Array("a".utf8), Array("a string longer than sixteen bytes".utf8), [0, 0xFF]]
            + EncodingTestSupport.strings(100)
        var page: [UInt8] = []
        for value in values { value.withUnsafeBytes { PlainEncoder.encodeByteArray($0, into: &page) } }
        #expect(page.prefix(9) == [0, 0, 0, 0, 1, 0, 0, 0, 0x61])
        for batch in [1, 3, 104] {
            let decoded = try page.withUnsafeBytes { raw in
                var decoder = PlainDecoder(raw)
                return try EncodingTestSupport.decodeByteArrays(count: values.count, batch: batch) {
                    try decoder.decodeByteArrays(count: $0, into: &$1)
                }
            }
            #expect(decoded == values)
        }
    }

    @Test("BYTE_ARRAY: truncated lengths and lengths past the page throw")
    func byteArrayDamage() throws {
        for page: [UInt8] in [[5, 0, 0, 0, 1, 2], [1, 0, 0], [0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4]] {
            #expect(throws: ParquetError.self) {
                try page.withUnsafeBytes { raw in
                    var decoder = PlainDecoder(raw)
                    var output = ByteArrayOutput()
                    try decoder.decodeByteArrays(count: 1, into: &output)
                }
            }
        }
        // A failed batch appends nothing.
        [UInt8]([1, 0, 0, 0, 7, 9, 0, 0, 0]).withUnsafeBytes { raw in
            var decoder = PlainDecoder(raw)
            var output = ByteArrayOutput()
            #expect(throws: ParquetError.self) { try decoder.decodeByteArrays(count: 2, into: &output) }
            #expect(output.count == 0)
            #expect(output.data.byteCount == 0)
        }
    }

    @Test("PLAIN BYTE_ARRAY encoder from offsets and data")
    func byteArrayEncoderFromOffsets() {
        let data = Array("abcde".utf8)
        let offsets: [Int32] = [1, 3, 3, 5]
        var page: [UInt8] = []
        offsets.withUnsafeBufferPointer { offsets in
            data.withUnsafeBytes { PlainEncoder.encodeByteArrays(offsets: offsets, data: $0, into: &page) }
        }
        #expect(page == [2, 0, 0, 0, 0x62, 0x63, 0, 0, 0, 0, 2, 0, 0, 0, 0x64, 0x65])
    }
}
