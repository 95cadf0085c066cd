import SluiceCore
import Testing

@testable import SluiceParquet

@Suite("Encoding fuzz")
struct EncodingFuzzTests {
    /// Valid pages of every encoding, each with the decoder to run over its mutants.
    private static func seeds() -> [(name: String, page: [UInt8], decode: ([UInt8], Int) throws -> Void)] {
        var random = SplitMix64(seed: 99)
        var rle = RLEHybridEncoder(bitWidth: 5)
        for index in 0..<300 { rle.append(index < 100 ? 7 : UInt32(random.next() % 32)) }
        let strings = EncodingTestSupport.strings(40)
        var plainStrings: [UInt8] = []
        for value in strings { value.withUnsafeBytes { PlainEncoder.encodeByteArray($0, into: &plainStrings) } }
        let deltas = DeltaBinaryPackedEncoder.encode((0..<300).map { _ in Int64(bitPattern: random.next() >> 20) })
        return [
            (
                "RLE", [5] + rle.finish(),
                { page, count in
                    try page.withUnsafeBytes { raw in
                        var decoder = try RLEHybridDecoder.dictionaryIndices(raw)
                        let dictionary = FixedWidthDictionary<Int64>(values: (0..<20).map { Int64($0) })
                        var output = [Int64](repeating: 0, count: count)
                        try output.withUnsafeMutableBufferPointer { try dictionary.decode(from: &decoder, into: $0) }
                    }
                }
            ),
            (
                "PLAIN byte arrays", plainStrings,
                { page, count in
                    try page.withUnsafeBytes { raw in
                        var decoder = PlainDecoder(raw)
                        var output = ByteArrayOutput()
                        try decoder.decodeByteArrays(count: count, into: &output)
                    }
                }
            ),
            (
                "byte array dictionary page", plainStrings,
                { page, count in
                    _ = try page.withUnsafeBytes { try ByteArrayDictionary(plainPage: $0, count: count) }
                }
            ),
            (
                "DELTA_BINARY_PACKED", deltas,
                { page, count in
                    _ = try EncodingTestSupport.decodeDelta64(page, count: count, batch: 37)
                }
            ),
            (
                "DELTA_LENGTH_BYTE_ARRAY", DeltaByteArrayEncoder.encodeLengths(strings),
                { page, count in
                    try page.withUnsafeBytes { raw in
                        var decoder = try DeltaLengthByteArrayDecoder(raw)
                        var output = ByteArrayOutput()
                        try decoder.decode(count: count, into: &output)
                    }
                }
            ),
            (
                "DELTA_BYTE_ARRAY", DeltaByteArrayEncoder.encodeIncremental(strings),
                { page, count in
                    try page.withUnsafeBytes { raw in
                        var decoder = try DeltaByteArrayDecoder(raw)
                        var output = ByteArrayOutput()
                        try decoder.decode(count: count, into: &output)
                    }
                }
            ),
            (
                "BYTE_STREAM_SPLIT", [UInt8](repeating: 3, count: 96),
                { page, count in
                    try page.withUnsafeBytes { raw in
                        var decoder = try ByteStreamSplitDecoder(raw, byteWidth: 8)
                        var output = [Double](repeating: 0, count: count)
                        try output.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
                    }
                }
            ),
        ]
    }

    @Test("mutated and truncated pages throw or decode, never crash")
    func mutations() {
        var random = SplitMix64(seed: 2024)
        var outcomes = (decoded: 0, threw: 0)
        for seed in Self.seeds() {
            for _ in 0..<600 {
                var page = seed.page
                switch random.next() % 4 {
                case 0:
                    page = Array(page.prefix(Int(random.next() % UInt64(page.count + 1))))
                case 1:
                    for _ in 0...(random.next() % 4) where !page.isEmpty {
                        page[Int(random.next() % UInt64(page.count))] ^= UInt8(1 << (random.next() % 8))
                    }
                case 2:
                    for _ in 0...(random.next() % 3) where !page.isEmpty {
                        page[Int(random.next() % UInt64(page.count))] = UInt8(truncatingIfNeeded: random.next())
                    }
                default:
                    page.insert(
                        UInt8(truncatingIfNeeded: random.next()), at: Int(random.next() % UInt64(page.count + 1)))
                }
                let count = Int(random.next() % 400)
                do {
                    try seed.decode(page, count)
                    outcomes.decoded += 1
                } catch is ParquetError {
                    outcomes.threw += 1
                } catch {
                    Issue.record("\(seed.name) threw \(error), not a ParquetError")
                }
            }
        }
        #expect(outcomes.decoded > 0)
        #expect(outcomes.threw > 0)
    }
}
