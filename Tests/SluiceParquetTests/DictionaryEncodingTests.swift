import SluiceCore
import Testing

@testable import SluiceParquet

@Suite("Dictionary encoding")
struct DictionaryEncodingTests {
    @Test("fixed-width: dictionary page and indices round trip through the builder")
    func fixedWidthRoundTrip() throws {
        let values: [Int64] = (0..<5000).map { Int64($0 % 37) * 1_000_000_007 }
        var builder = FixedWidthDictionaryBuilder<UInt64>()
        var indices: [UInt32] = []
        values.withUnsafeBufferPointer { builder.indices(of: $0, into: &indices) }
        #expect(builder.count == 37)
        #expect(builder.encodedSize == 37 * 8)
        let dictionaryPage = builder.dictionaryPage()
        let bitWidth = BitUnpacking.bitWidth(of: UInt64(builder.count - 1))
        var encoder = RLEHybridEncoder(bitWidth: bitWidth)
        encoder.append(contentsOf: indices)
        let dataPage = [UInt8(bitWidth)] + encoder.finish()
        let dictionary = try dictionaryPage.withUnsafeBytes {
            try FixedWidthDictionary<Int64>(plainPage: $0, count: builder.count)
        }
        var decoded = [Int64](repeating: 0, count: values.count)
        try dataPage.withUnsafeBytes { raw in
            var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
            try decoded.withUnsafeMutableBufferPointer { try dictionary.decode(from: &decoder, into: $0) }
        }
        #expect(decoded == values)
    }

    @Test("floats are keyed by bit pattern: NaN and -0.0 keep their own entries")
    func floatKeys() {
        var builder = FixedWidthDictionaryBuilder<UInt32>()
        let values: [Float] = [0.0, -0.0, .nan, .nan, 1]
        var indices: [UInt32] = []
        values.withUnsafeBufferPointer { builder.indices(of: $0, into: &indices) }
        #expect(indices == [0, 1, 2, 2, 3])
    }

    @Test("byte arrays: builder, dictionary page, gather into offsets and data, and indices only")
    func byteArrayRoundTrip() throws {
        let distinct = EncodingTestSupport.strings(3000) + [[]]
        var random = SplitMix64(seed: 7)
        let values = (0..<20_000).map { _ in distinct[Int(random.next() % UInt64(distinct.count))] }
        var builder = ByteArrayDictionaryBuilder()
        let indices = values.map { value in value.withUnsafeBytes { builder.index(of: $0) } }
        #expect(builder.count == Set(values).count)
        #expect(builder.encodedSize == builder.dictionaryPage().count)
        let dictionary = try builder.dictionaryPage().withUnsafeBytes {
            try ByteArrayDictionary(plainPage: $0, count: builder.count)
        }
        let bitWidth = BitUnpacking.bitWidth(of: UInt64(builder.count - 1))
        var encoder = RLEHybridEncoder(bitWidth: bitWidth)
        encoder.append(contentsOf: indices)
        let dataPage = [UInt8(bitWidth)] + encoder.finish()
        let decoded = try dataPage.withUnsafeBytes { raw in
            var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
            return try EncodingTestSupport.decodeByteArrays(count: values.count, batch: 3001) {
                try dictionary.decode(from: &decoder, count: $0, into: &$1)
            }
        }
        #expect(decoded == values)
        var decodedIndices = [UInt32](repeating: 0, count: values.count)
        try dataPage.withUnsafeBytes { raw in
            var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
            try decodedIndices.withUnsafeMutableBufferPointer { try dictionary.decodeIndices(from: &decoder, into: $0) }
        }
        #expect(decodedIndices == indices)
    }

    @Test("an index out of range throws naming the index and the dictionary size")
    func indexOutOfRange() throws {
        let dictionary = FixedWidthDictionary<Int32>(values: [10, 20, 30])
        var encoder = RLEHybridEncoder(bitWidth: 3)
        encoder.append(contentsOf: [0, 1, 2, 5])
        let page = [UInt8(3)] + encoder.finish()
        let error = #expect(throws: ParquetError.self) {
            try page.withUnsafeBytes { raw in
                var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
                var output = [Int32](repeating: 0, count: 4)
                try output.withUnsafeMutableBufferPointer { try dictionary.decode(from: &decoder, into: $0) }
            }
        }
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.description.contains("index 5") == true)
        #expect(error?.description.contains("3 entries") == true)
        let strings = ByteArrayDictionary([[1], [2]])
        #expect(throws: ParquetError.self) {
            try page.withUnsafeBytes { raw in
                var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
                var output = ByteArrayOutput()
                try strings.decode(from: &decoder, count: 4, into: &output)
            }
        }
    }

    @Test("a dictionary page too small for its count throws before allocating")
    func shortDictionaryPage() {
        #expect(throws: ParquetError.self) {
            try [UInt8](repeating: 0, count: 7).withUnsafeBytes {
                _ = try FixedWidthDictionary<Int64>(plainPage: $0, count: 1_000_000_000)
            }
        }
        #expect(throws: ParquetError.self) {
            try [UInt8]([1, 0, 0, 0]).withUnsafeBytes { _ = try ByteArrayDictionary(plainPage: $0, count: 1) }
        }
    }
}
