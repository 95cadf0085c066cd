import SluiceCore
import Testing

@Suite("StringArray and BinaryArray")
struct StringArrayTests {
    @Test func roundTripsStringsNullsAndEmpties() {
        let values: [String?] = ["héllo", nil, "", "wörld 🌍", nil]
        let builder = StringBuilder()
        for value in values {
            builder.append(value)
        }
        let array = builder.finish()
        #expect(array.dataType == .string)
        #expect(array.count == 5)
        #expect(array.nullCount == 2)
        #expect(Array(array) == values)
        #expect(array.string(at: 3) == "wörld 🌍")
        #expect(array.offsets.withUnsafeOffsets { Array($0) } == [0, 6, 6, 6, 17, 17])
        #expect(array.data.byteCount == 17)
        #expect(array.validity?.bits.buffer.bytes == [0b01101])
    }

    @Test func rawBytesAccessInsideClosures() {
        let array: StringArray = ["ab", "cde"]
        #expect(array.withUnsafeBytes(at: 1) { Array($0) } == Array("cde".utf8))
        #expect(array.byteRange(at: 1) == 2..<5)
        #expect(array.bytes(at: 0) == [97, 98])
        let (span, dataBytes) = array.withUnsafeOffsetsAndData { offsets, data in
            (Int(offsets[offsets.count - 1] - offsets[0]), data.count)
        }
        #expect(span == 5)
        #expect(dataBytes == 5)
    }

    @Test func wrapsDecodedBuffersWithoutCopying() throws {
        let data = Buffer(copying: Array("onetwothree".utf8))
        let offsets = try OffsetBuffer([0, 3, 6, 11])
        let array = try StringArray(offsets: offsets, data: data, validity: ValidityBitmap([true, false, true]))
        #expect(array.data.sharesStorage(with: data))
        #expect(array.offsets.buffer.sharesStorage(with: offsets.buffer))
        #expect(Array(array) == ["one", nil, "three"])
        #expect(throws: ColumnarError.self) {
            try StringArray(offsets: try OffsetBuffer([0, 3, 12]), data: data)
        }
    }

    @Test func invalidUTF8IsRepairedOnRead() throws {
        let array = try StringArray(offsets: try OffsetBuffer([0, 2]), data: Buffer(copying: [UInt8(0xFF), 0x41]))
        #expect(array.string(at: 0) == "\u{FFFD}A")
    }

    @Test func slicesShareOffsetsAndData() {
        let values: [String?] = (0..<30).map { $0 % 4 == 0 ? nil : String(repeating: "x", count: $0) }
        let array = StringArray(values)
        let slice = array.slice(10..<20)
        #expect(slice.data.sharesStorage(with: array.data))
        #expect(address(of: slice.data) == address(of: array.data))
        #expect(slice.offsets.buffer.sharesStorage(with: array.offsets.buffer))
        #expect(address(of: slice.offsets.buffer) == address(of: array.offsets.buffer).map { $0 + 40 })
        #expect(Array(slice) == Array(values[10..<20]))
        // Offsets stay absolute.
        #expect(slice.offsets.first == array.offsets[10])

        let sliceOfSlice = slice.slice(5..<8)
        #expect(Array(sliceOfSlice) == Array(values[15..<18]))
        #expect(sliceOfSlice.data.sharesStorage(with: array.data))
        #expect(sliceOfSlice == StringArray(Array(values[15..<18])))
    }

    @Test func binaryRoundTrips() {
        let builder = BinaryBuilder(capacity: 2, byteCapacity: 8)
        builder.append([0, 1, 2])
        builder.appendNull()
        builder.append(contentsOf: [UInt8]())
        builder.append(contentsOf: (250...255).map { UInt8($0) })
        let array = builder.finish()
        #expect(array.dataType == .binary)
        #expect(Array(array) == [[0, 1, 2], nil, [], [250, 251, 252, 253, 254, 255]])
        #expect(array.value(at: 0) == [0, 1, 2])
        let literal: BinaryArray = [[1], nil]
        #expect(literal.nullCount == 1)
    }

    @Test func growsAcrossManyAppends() {
        let builder = StringBuilder()
        builder.reserve(100)
        builder.reserveBytes(100)
        for index in 0..<100_000 {
            builder.append("value-\(index)")
        }
        #expect(builder.byteCount > 100_000)
        let array = builder.finish()
        #expect(array.count == 100_000)
        #expect(array.validity == nil)
        #expect(array.string(at: 54_321) == "value-54321")
        #expect(array.offsets.last == array.data.byteCount)
    }

    @Test func builderIsReusableAfterFinish() {
        let builder = StringBuilder()
        builder.append("a")
        let first = builder.finish()
        builder.append("b")
        builder.append("c")
        let second = builder.finish()
        #expect(Array(first) == ["a"])
        #expect(Array(second) == ["b", "c"])
        #expect(second.offsets.withUnsafeOffsets { Array($0) } == [0, 1, 2])
    }

    @Test func describes() {
        #expect(StringArray(["a", nil]).description == "string [\"a\", null]")
        #expect(BinaryArray([[1, 2]]).description == "binary [[1, 2]]")
    }
}
