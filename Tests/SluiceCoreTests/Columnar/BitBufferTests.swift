import SluiceCore
import Testing

@Suite("BitBuffer")
struct BitBufferTests {
    @Test func packsLeastSignificantBitFirst() {
        let bits = BitBuffer([true, false, true, true, false, false, false, false, true])
        #expect(bits.count == 9)
        #expect(bits.offset == 0)
        #expect(bits.buffer.bytes == [0b0000_1101, 0b0000_0001])
        #expect((0..<9).map { bits[$0] } == [true, false, true, true, false, false, false, false, true])
    }

    @Test func wrapsExistingBytesAtABitOffset() throws {
        let buffer = Buffer(copying: [UInt8(0b1010_0000), 0b0000_0011])
        let bits = try BitBuffer(buffer: buffer, offset: 5, count: 5)
        #expect((0..<5).map { bits[$0] } == [true, false, true, true, true])
        #expect(bits.countSetBits() == 4)
        #expect(throws: ColumnarError.self) { try BitBuffer(buffer: buffer, offset: 10, count: 7) }
    }

    @Test func slicesShareBytesAndNormaliseTheOffset() {
        let source = (0..<100).map { $0 % 3 == 0 }
        let bits = BitBuffer(source)
        let slice = bits.slice(13..<77)
        #expect(slice.offset == 5)
        #expect(slice.buffer.sharesStorage(with: bits.buffer))
        #expect(address(of: slice.buffer) == address(of: bits.buffer).map { $0 + 1 })
        #expect((0..<slice.count).map { slice[$0] } == Array(source[13..<77]))

        let sliceOfSlice = slice.slice(10..<30)
        #expect(sliceOfSlice.offset == 7)
        #expect(sliceOfSlice.buffer.sharesStorage(with: bits.buffer))
        #expect((0..<sliceOfSlice.count).map { sliceOfSlice[$0] } == Array(source[23..<43]))
    }

    @Test func countsSetBitsAtEveryOffsetAndLength() {
        var random = TestRandom(seed: 7)
        let source = (0..<300).map { _ in Bool.random(using: &random) }
        let bits = BitBuffer(source)
        for start in [0, 1, 3, 7, 8, 9, 63, 64, 65, 130] {
            for length in [0, 1, 5, 8, 17, 64, 65, 129, 300 - start] where start + length <= 300 {
                let expected = source[start..<start + length].filter { $0 }.count
                #expect(
                    bits.slice(start..<start + length).countSetBits() == expected, "start \(start) length \(length)")
            }
        }
    }

    @Test func repeatingFillsWholeBytesAndTails() {
        var builder = BitBufferBuilder()
        builder.append(true)
        builder.append(repeating: false, count: 2)
        builder.append(repeating: true, count: 20)
        builder.append(false)
        let bits = builder.finish()
        #expect(bits.count == 24)
        #expect(bits.countSetBits() == 21)
        #expect(bits.buffer.bytes == [0b1111_1001, 0xFF, 0b0111_1111])
        #expect(BitBuffer(repeating: true, count: 70).countSetBits() == 70)
        #expect(BitBuffer(repeating: false, count: 70).countSetBits() == 0)
    }

    @Test func withZeroOffsetRealignsForWriters() {
        let source = (0..<37).map { $0 % 5 != 1 }
        let slice = BitBuffer(source).slice(3..<37)
        let aligned = slice.withZeroOffset()
        #expect(aligned.offset == 0)
        #expect(aligned == slice)
        #expect(aligned.buffer.byteCount == 5)
        // Bits past the end of the last byte are cleared.
        #expect(aligned.buffer.bytes[4] & 0b1111_1100 == 0)
        let already = BitBuffer(source)
        #expect(already.withZeroOffset().buffer.sharesStorage(with: already.buffer))
    }
}
