import SluiceCore
import Testing

@Suite("OffsetBuffer")
struct OffsetBufferTests {
    @Test func rangesFromOffsets() throws {
        let offsets = try OffsetBuffer([0, 3, 3, 7])
        #expect(offsets.count == 3)
        #expect(offsets.range(at: 0) == 0..<3)
        #expect(offsets.range(at: 1) == 3..<3)
        #expect(offsets.range(at: 2) == 3..<7)
        #expect(offsets.first == 0)
        #expect(offsets.last == 7)
    }

    @Test func fromLengths() {
        let offsets = OffsetBuffer(lengths: [2, 0, 5])
        #expect(offsets.withUnsafeOffsets { Array($0) } == [0, 2, 2, 7])
    }

    @Test func slicesKeepAbsoluteOffsetsAndShareTheBuffer() throws {
        let offsets = try OffsetBuffer([0, 2, 5, 9, 14])
        let slice = offsets.slice(1..<3)
        #expect(slice.count == 2)
        #expect(slice.withUnsafeOffsets { Array($0) } == [2, 5, 9])
        #expect(slice.buffer.sharesStorage(with: offsets.buffer))
        #expect(slice.slice(1..<2).withUnsafeOffsets { Array($0) } == [5, 9])
        // Equality compares lengths, not absolute positions.
        #expect(slice == (try OffsetBuffer([0, 3, 7])))
    }

    @Test func emptyBufferMeansZeroRanges() throws {
        let offsets = try OffsetBuffer(Buffer())
        #expect(offsets.count == 0)
        #expect(offsets.last == 0)
    }

    @Test func rejectsInvalidOffsets() {
        #expect(throws: ColumnarError.self) { try OffsetBuffer([0, 5, 4]) }
        #expect(throws: ColumnarError.self) { try OffsetBuffer([-1, 2]) }
        #expect(throws: ColumnarError.self) { try OffsetBuffer(Buffer(copying: [UInt8(0), 0, 0, 0, 0])) }
        // Misaligned: a 4-byte view starting at an odd address.
        let misaligned = Buffer(copying: [UInt8](repeating: 0, count: 9)).slice(1..<9)
        #expect(throws: ColumnarError.self) { try OffsetBuffer(misaligned) }
    }
}
