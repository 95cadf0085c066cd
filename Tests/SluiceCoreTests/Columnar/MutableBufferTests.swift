import SluiceCore
import Testing

@Suite("MutableBuffer")
struct MutableBufferTests {
    @Test func appendsValuesAndFreezesWithoutCopying() {
        var builder = MutableBuffer()
        builder.append(Int32(7))
        builder.append(Int32(-1))
        #expect(builder.byteCount == 8)
        let before = builder.withUnsafeBytes { $0.baseAddress }
        let buffer = builder.freeze()
        #expect(address(of: buffer) == before)
        #expect(buffer.withUnsafeBufferPointer(as: Int32.self) { Array($0) } == [7, -1])
        #expect(buffer.isAligned(to: 64))
    }

    @Test func growsByDoublingAcrossManyAppends() {
        var builder = MutableBuffer()
        var capacities: Set<Int> = []
        for value in 0..<100_000 {
            builder.append(Int64(value))
            capacities.insert(builder.byteCapacity)
        }
        #expect(builder.byteCount == 800_000)
        // Doubling from 64 bytes reaches 800 kB in about 14 steps, not 100k.
        #expect(capacities.count < 20)
        #expect(capacities.allSatisfy { $0 % 64 == 0 })
        let buffer = builder.finish()
        let ok = buffer.withUnsafeBufferPointer(as: Int64.self) { values in
            values.enumerated().allSatisfy { Int64($0.offset) == $0.element }
        }
        #expect(ok)
    }

    @Test func reserveAvoidsReallocation() {
        var builder = MutableBuffer()
        builder.reserve(4_000)
        let capacity = builder.byteCapacity
        let start = builder.withUnsafeBytes { $0.baseAddress }
        for value in 0..<1_000 {
            builder.append(Int32(value))
        }
        #expect(builder.byteCapacity == capacity)
        #expect(builder.withUnsafeBytes { $0.baseAddress } == start)
    }

    @Test func finishResetsForReuse() {
        var builder = MutableBuffer(capacity: 10)
        builder.append(UInt8(1))
        let first = builder.finish()
        #expect(builder.byteCount == 0)
        builder.append(UInt8(2))
        let second = builder.finish()
        #expect(first.bytes == [1])
        #expect(second.bytes == [2])
        #expect(!first.sharesStorage(with: second))
    }

    @Test func resizeZeroFillsAndWritesInPlace() {
        var builder = MutableBuffer(zeroedByteCount: 16)
        #expect(builder.withUnsafeBytes { Array($0) } == [UInt8](repeating: 0, count: 16))
        builder.withUnsafeMutableBufferPointer(as: Int32.self) { values in
            for index in values.indices {
                values[index] = Int32(index * 10)
            }
        }
        builder.resize(byteCount: 8)
        builder.appendZeros(4)
        builder.append(contentsOf: [UInt8(9), 9, 9, 9])
        let buffer = builder.finish()
        #expect(buffer.withUnsafeBufferPointer(as: Int32.self) { Array($0) } == [0, 10, 0, 0x0909_0909])
    }

    @Test func appendsRawBytes() {
        var builder = MutableBuffer()
        let bytes: [UInt8] = [1, 2, 3]
        bytes.withUnsafeBytes { builder.append(bytes: $0) }
        builder.append(bytes: UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(builder.finish().bytes == [1, 2, 3])
    }
}
