import SluiceCore
import Testing

@Suite("ValidityBitmap")
struct ValidityBitmapTests {
    @Test func countsNullsAndAnswersPerSlot() {
        let validity = ValidityBitmap([true, false, true, false, false])
        #expect(validity.count == 5)
        #expect(validity.nullCount == 3)
        #expect(validity.isValid(0))
        #expect(validity.isNull(1))
    }

    @Test func slicesRecountNulls() {
        let validity = ValidityBitmap((0..<40).map { $0 % 4 != 0 })
        #expect(validity.nullCount == 10)
        let slice = validity.slice(1..<4)
        #expect(slice.nullCount == 0)
        #expect(slice.bits.buffer.sharesStorage(with: validity.bits.buffer))
        #expect(validity.slice(3..<13).nullCount == 3)
    }

    @Test func wrapsADecodersBuffer() throws {
        let validity = try ValidityBitmap(buffer: Buffer(copying: [UInt8(0b1111_0110)]), offset: 1, count: 6)
        #expect(validity.nullCount == 1)
        #expect(validity.isNull(2))
        #expect(throws: ColumnarError.self) {
            try ValidityBitmap(buffer: Buffer(copying: [UInt8(0)]), offset: 0, count: 9)
        }
    }

    @Test func builderAllocatesNoBitmapWithoutNulls() {
        var builder = ValidityBuilder()
        for _ in 0..<1_000 {
            builder.appendValid()
        }
        #expect(builder.count == 1_000)
        #expect(builder.finish() == nil)
    }

    @Test func builderBackfillsValidSlotsAtTheFirstNull() throws {
        var builder = ValidityBuilder(capacity: 4)
        builder.appendValid(count: 10)
        builder.appendNull()
        builder.append(true)
        builder.appendNulls(2)
        #expect(builder.nullCount == 3)
        let finished = builder.finish()
        let validity = try #require(finished)
        #expect(validity.count == 14)
        #expect(validity.nullCount == 3)
        #expect((0..<14).filter { validity.isNull($0) } == [10, 12, 13])
        // The builder is empty again.
        #expect(builder.count == 0)
        builder.appendValid()
        #expect(builder.finish() == nil)
    }
}
