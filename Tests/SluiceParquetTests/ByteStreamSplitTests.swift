import SluiceCore
import Testing

@testable import SluiceParquet

@Suite("BYTE_STREAM_SPLIT")
struct ByteStreamSplitTests {
    @Test("the streams hold byte k of every value")
    func layout() throws {
        let values: [UInt32] = [0x0403_0201, 0x0807_0605]
        var page: [UInt8] = []
        values.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, byteWidth: 4, into: &page) }
        #expect(page == [1, 5, 2, 6, 3, 7, 4, 8])
    }

    @Test("FLOAT, DOUBLE, INT32, INT64 and FIXED_LEN_BYTE_ARRAY round trip in batches")
    func roundTrips() throws {
        try roundTrip((0..<1000).map { Float($0) * 0.37 })
        try roundTrip((0..<1000).map { Double($0) / 7 })
        try roundTrip((0..<1000).map { Int32($0) &* 7_919 })
        try roundTrip((0..<1000).map { Int64($0) << 33 })
        let fixed = (0..<300).flatMap { index in (0..<5).map { UInt8(truncatingIfNeeded: index * 5 + $0) } }
        var page: [UInt8] = []
        fixed.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, byteWidth: 5, into: &page) }
        var decoded = [UInt8](repeating: 0, count: fixed.count)
        try page.withUnsafeBytes { raw in
            var decoder = try ByteStreamSplitDecoder(raw, byteWidth: 5)
            try decoded.withUnsafeMutableBytes { output in
                try decoder.decode(count: 100, into: UnsafeMutableRawBufferPointer(rebasing: output[..<500]))
                try decoder.decode(count: 200, into: UnsafeMutableRawBufferPointer(rebasing: output[500...]))
            }
        }
        #expect(decoded == fixed)
    }

    private func roundTrip<T: BitwiseCopyable & Numeric & Equatable>(_ values: [T]) throws {
        var page: [UInt8] = []
        values.withUnsafeBytes { ByteStreamSplitEncoder.encode($0, byteWidth: MemoryLayout<T>.stride, into: &page) }
        let decoded: [T] = try page.withUnsafeBytes { raw in
            var decoder = try ByteStreamSplitDecoder(raw, byteWidth: MemoryLayout<T>.stride)
            return try EncodingTestSupport.decodeInBatches(count: values.count, batch: 333) {
                try decoder.decode(into: $0)
            }
        }
        #expect(decoded == values)
    }

    @Test("a page that is not whole values, or too few values, throws")
    func damage() {
        #expect(throws: ParquetError.self) {
            try [UInt8](repeating: 0, count: 7).withUnsafeBytes { _ = try ByteStreamSplitDecoder($0, byteWidth: 4) }
        }
        #expect(throws: ParquetError.self) {
            try [UInt8](repeating: 0, count: 8).withUnsafeBytes { raw in
                var decoder = try ByteStreamSplitDecoder(raw, byteWidth: 4)
                var output = [Float](repeating: 0, count: 3)
                try output.withUnsafeMutableBufferPointer { try decoder.decode(into: $0) }
            }
        }
    }
}
