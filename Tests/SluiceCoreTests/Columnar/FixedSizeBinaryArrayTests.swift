import SluiceCore
import Testing

@Suite("FixedSizeBinaryArray")
struct FixedSizeBinaryArrayTests {
    @Test func roundTripsValuesAndNulls() {
        let builder = FixedSizeBinaryBuilder(byteWidth: 4)
        builder.append([1, 2, 3, 4])
        builder.appendNull()
        builder.append([0xFF, 0, 0xFF, 0])
        let array = builder.finish()
        #expect(array.dataType == .fixedSizeBinary(byteWidth: 4))
        #expect(array.count == 3)
        #expect(Array(array) == [[1, 2, 3, 4], nil, [0xFF, 0, 0xFF, 0]])
        #expect(array.data.bytes == [1, 2, 3, 4, 0, 0, 0, 0, 0xFF, 0, 0xFF, 0])
        #expect(array.withUnsafeBytes(at: 2) { $0.count } == 4)
    }

    @Test func wrapsBuffersAndSlicesWithoutCopying() throws {
        let data = Buffer(copying: Array(UInt8(0)..<32))
        let array = try FixedSizeBinaryArray(byteWidth: 8, count: 3, data: data)
        #expect(array.data.byteCount == 24)
        let slice = array.slice(1..<3)
        #expect(slice.data.sharesStorage(with: data))
        #expect(address(of: slice.data) == address(of: data).map { $0 + 8 })
        #expect(slice.value(at: 1) == Array(UInt8(16)..<24))
        #expect(throws: ColumnarError.self) { try FixedSizeBinaryArray(byteWidth: 8, count: 5, data: data) }
        #expect(throws: ColumnarError.self) { try FixedSizeBinaryArray(byteWidth: -1, count: 0, data: data) }
    }

    @Test func convenienceInitAndEquality() {
        let array = FixedSizeBinaryArray(byteWidth: 2, [[1, 2], nil])
        #expect(array == FixedSizeBinaryArray(byteWidth: 2, [[1, 2], nil]))
        #expect(array != FixedSizeBinaryArray(byteWidth: 2, [[1, 3], nil]))
        #expect(array.description == "fixed_size_binary[2] [1 2, null]")
    }
}
