import SluiceCore
import Testing

@Suite("PrimitiveArray")
struct PrimitiveArrayTests {
    /// Builds an array of `values` with a builder and checks that values and nulls read back.
    private func roundTrip<T: FixedWidthValue>(_ values: [T?], dataType: DataType = T.defaultDataType) {
        let builder = PrimitiveBuilder<T>(dataType: dataType)
        for value in values {
            builder.append(value)
        }
        #expect(builder.count == values.count)
        let array = builder.finish()
        #expect(array.dataType == dataType)
        #expect(array.count == values.count)
        #expect(array.nullCount == values.filter { $0 == nil }.count)
        #expect(Array(array) == values)
        for (index, value) in values.enumerated() {
            #expect(array.isNull(index) == (value == nil))
            #expect(array[index] == value)
        }
        #expect(builder.count == 0)
    }

    @Test func everyIntegerAndFloatTypeRoundTrips() {
        roundTrip([Int8.min, nil, 0, Int8.max])
        roundTrip([Int16.min, nil, Int16.max])
        roundTrip([Int32.min, 5, nil, Int32.max])
        roundTrip([Int64.min, nil, Int64.max, 0])
        roundTrip([UInt8.max, nil, 0])
        roundTrip([UInt16.max, nil])
        roundTrip([UInt32.max, nil, 1])
        roundTrip([UInt64.max, nil, 1])
        roundTrip([Float(1.5), nil, -Float.infinity])
        roundTrip([Double(2.25), nil, Double.greatestFiniteMagnitude])
    }

    @Test func temporalTypesShareIntegerStorage() {
        roundTrip([Int32(19_000), nil], dataType: .date32)
        roundTrip([Int32(3_600), nil], dataType: .time(.second))
        roundTrip([Int32(86_399_999)], dataType: .time(.millisecond))
        roundTrip([Int64(86_399_999_999), nil], dataType: .time(.microsecond))
        roundTrip([Int64(1), nil], dataType: .time(.nanosecond))
        roundTrip([Int64(1_700_000_000_000_000), nil], dataType: .timestamp(.microsecond, timezone: "UTC"))
        let timestamps = TimestampArray([1, 2], dataType: .timestamp(.millisecond))
        #expect(timestamps.dataType == .timestamp(.millisecond))
    }

    @Test func decimalsStoreUnscaledInt128() {
        let decimals = Decimal128Array([12_345, nil, -1, Int128.max], dataType: .decimal(precision: 38, scale: 2))
        #expect(decimals.dataType.description == "decimal(38,2)")
        #expect(decimals[0] == 12_345)
        #expect(decimals[1] == nil)
        #expect(decimals.value(at: 3) == Int128.max)
        #expect(decimals.values.byteCount == 64)
        roundTrip([Int128(5), nil], dataType: .decimal(precision: 9, scale: 0))
    }

    @Test func float16StoresBits() {
        let halves = Float16Array([HalfFloat.bits(from: 1.5), nil], dataType: .float16)
        #expect(halves.dataType == .float16)
        #expect(halves[0].map(HalfFloat.float(fromBits:)) == 1.5)
    }

    @Test func noBitmapWithoutNulls() {
        let array = Int64Array([1, 2, 3])
        #expect(array.validity == nil)
        #expect(array.nullCount == 0)
        let built: Int64Array = [1, nil, 3]
        #expect(built.validity?.nullCount == 1)
        #expect(built.validity?.bits.buffer.bytes == [0b101])
        // Null slots hold zero.
        #expect(built.value(at: 1) == 0)
    }

    @Test func wrapsDecodedBuffersWithoutCopying() throws {
        let values = Buffer(copying: [Int32(10), 20, 30, 40, 99])
        let validity = ValidityBitmap([true, false, true, true])
        let array = try Int32Array(count: 4, values: values, validity: validity)
        #expect(array.values.sharesStorage(with: values))
        #expect(address(of: array.values) == address(of: values))
        #expect(array.values.byteCount == 16)
        #expect(Array(array) == [10, nil, 30, 40])

        // A bitmap without nulls is dropped, so `validity == nil` means no nulls.
        let allValid = try Int32Array(count: 2, values: values, validity: ValidityBitmap([true, true]))
        #expect(allValid.validity == nil)
    }

    @Test func rejectsMismatchedBuffersAndTypes() {
        let values = Buffer(copying: [Int32(1), 2])
        #expect(throws: ColumnarError.self) { try Int32Array(count: 3, values: values) }
        #expect(throws: ColumnarError.self) { try Int32Array(dataType: .int64, count: 2, values: values) }
        #expect(throws: ColumnarError.self) {
            try Int32Array(count: 2, values: values, validity: ValidityBitmap([true, false, true]))
        }
        let misaligned = Buffer(copying: [UInt8](repeating: 0, count: 17)).slice(1..<17)
        #expect(throws: ColumnarError.self) { try Int64Array(count: 2, values: misaligned) }
        #expect(throws: ColumnarError.self) {
            try Int64Array(dataType: .timestamp(.second), count: 1, values: Buffer(copying: [Int32(1)]))
        }
    }

    @Test func hotLoopsReadTheValuesBuffer() {
        let array = Int64Array(Array(Int64(1)...1_000))
        let sum = array.withUnsafeValues { values in values.reduce(0, +) }
        #expect(sum == 500_500)
        let kernelOutput = Float64Array(count: 4) { output in
            for index in output.indices {
                output[index] = Double(index) * 0.5
            }
        }
        #expect(Array(kernelOutput) == [0, 0.5, 1, 1.5])
        let withNulls = Int32Array(count: 2, validity: ValidityBitmap([false, true])) { output in
            output[0] = 0
            output[1] = 7
        }
        #expect(Array(withNulls) == [nil, 7])
    }

    @Test func slicesShareTheValuesBuffer() {
        let array = Int64Array((0..<20).map { $0 % 3 == 0 ? nil : Int64($0) })
        let slice = array.slice(5..<15)
        #expect(slice.count == 10)
        #expect(slice.values.sharesStorage(with: array.values))
        #expect(address(of: slice.values) == address(of: array.values).map { $0 + 5 * 8 })
        #expect(slice.validity?.bits.buffer.sharesStorage(with: array.validity?.bits.buffer ?? Buffer()) == true)
        #expect(slice.validity?.bits.offset == 5)
        #expect(Array(slice) == Array(Array(array)[5..<15]))
        #expect(slice.nullCount == 3)

        let sliceOfSlice = slice.slice(2..<6)
        #expect(address(of: sliceOfSlice.values) == address(of: array.values).map { $0 + 7 * 8 })
        #expect(sliceOfSlice.validity?.bits.offset == 7)
        #expect(Array(sliceOfSlice) == [7, 8, nil, 10])

        // A slice without nulls has no bitmap.
        let noNulls = array.slice(1..<3)
        #expect(noNulls.validity == nil)
        #expect(array.slice(0..<0).count == 0)
    }

    @Test func growsAcrossManyAppends() {
        let builder = Int64Builder()
        for value in 0..<100_000 {
            if value % 1_000 == 999 {
                builder.appendNull()
            } else {
                builder.append(Int64(value))
            }
        }
        let array = builder.finish()
        #expect(array.count == 100_000)
        #expect(array.nullCount == 100)
        #expect(array[99_998] == 99_998)
        #expect(array[999] == nil)
        let sum = array.withUnsafeValues { $0.reduce(0, +) }
        #expect(sum == (0..<100_000).reduce(0, +) - (0..<100).reduce(0) { $0 + $1 * 1_000 + 999 })
    }

    @Test func reserveAndBulkAppend() {
        let builder = Int32Builder(capacity: 4)
        builder.reserve(1_000)
        builder.append(contentsOf: [1, 2, 3])
        builder.appendNulls(2)
        builder.append(contentsOf: Array(repeating: 9, count: 995))
        let array = builder.finish()
        #expect(array.count == 1_000)
        #expect(array.nullCount == 2)
        #expect(Array(array.prefix(6)) == [1, 2, 3, nil, nil, 9])
    }

    @Test func equalityIsLogical() {
        let array: Int32Array = [1, nil, 3, 4]
        #expect(array.slice(1..<3) == [nil, 3])
        #expect(array != [1, nil, 3, 5])
        #expect(array != [1, 2, 3, 4])
        #expect(Date32Array([1], dataType: .date32) != Int32Array([1]))
        #expect(array.isEqual(to: Int32Array([1, nil, 3, 4])))
        #expect(!array.isEqual(to: Int64Array([1, nil, 3, 4])))
    }

    @Test func describesValues() {
        #expect(Int64Array([1, nil, 3]).description == "int64 [1, null, 3]")
        #expect(Int8Array(Array(Int8(0)..<25)).description.hasSuffix("19, ... 5 more]"))
    }

    @Test func arraysAreSendableAcrossTasks() async {
        let array = Int64Array(Array(Int64(0)..<10_000))
        let sums = await withTaskGroup(of: Int64.self) { group in
            for part in 0..<4 {
                let slice = array.slice(part * 2_500..<(part + 1) * 2_500)
                group.addTask { slice.withUnsafeValues { $0.reduce(0, +) } }
            }
            return await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(sums.reduce(0, +) == 49_995_000)
    }

    @Test func outOfRangeIndexTraps() async {
        await #expect(processExitsWith: .failure) {
            let array: Int64Array = [1, 2]
            _ = array.value(at: 2)
        }
    }
}
