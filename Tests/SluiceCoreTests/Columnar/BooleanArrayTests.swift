import SluiceCore
import Testing

@Suite("BooleanArray")
struct BooleanArrayTests {
    @Test func roundTripsValuesAndNulls() {
        let builder = BooleanBuilder()
        let values: [Bool?] = [true, false, nil, true, nil, false, true, true, false, true]
        for value in values {
            builder.append(value)
        }
        let array = builder.finish()
        #expect(array.dataType == .boolean)
        #expect(array.count == 10)
        #expect(array.nullCount == 2)
        #expect(Array(array) == values)
        #expect(array.trueCount == 5)
        // Bit-packed, null slots hold 0.
        #expect(array.values.buffer.bytes == [0b1100_1001, 0b10])
    }

    @Test func noBitmapWithoutNulls() {
        let array: BooleanArray = [true, false]
        #expect(array.validity == nil)
        #expect(array.trueCount == 1)
    }

    @Test func wrapsBitBuffers() throws {
        let values = BitBuffer([true, true, false])
        let array = try BooleanArray(values: values, validity: ValidityBitmap([true, false, true]))
        #expect(array.values.buffer.sharesStorage(with: values.buffer))
        #expect(Array(array) == [true, nil, false])
        #expect(throws: ColumnarError.self) {
            try BooleanArray(values: values, validity: ValidityBitmap([true]))
        }
    }

    @Test func slicesMoveBitOffsets() {
        let source = (0..<50).map { $0 % 7 == 0 ? nil : $0 % 2 == 0 }
        let array = BooleanArray(source)
        let slice = array.slice(9..<40)
        #expect(slice.values.buffer.sharesStorage(with: array.values.buffer))
        #expect(slice.values.offset == 1)
        #expect(slice.validity?.bits.offset == 1)
        #expect(Array(slice) == Array(source[9..<40]))
        let sliceOfSlice = slice.slice(3..<10)
        #expect(sliceOfSlice.values.offset == 4)
        #expect(Array(sliceOfSlice) == Array(source[12..<19]))
    }

    @Test func growsAcrossManyAppends() {
        let builder = BooleanBuilder()
        builder.reserve(10)
        for index in 0..<100_000 {
            builder.append(index % 3 == 0)
        }
        builder.appendNulls(5)
        let array = builder.finish()
        #expect(array.count == 100_005)
        #expect(array.nullCount == 5)
        #expect(array.trueCount == 33_334)
        #expect(array.value(at: 99_999))
        #expect(array[100_004] == nil)
    }

    @Test func describes() {
        #expect(BooleanArray([true, nil]).description == "boolean [true, null]")
    }
}
