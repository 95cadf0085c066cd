import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct ComparisonTests {
    @Test func integersWithNullsAndScalars() throws {
        let left: Int64Array = [1, 2, nil, Int64.min, Int64.max]
        let right: Int64Array = [1, 3, 4, Int64.max, nil]
        #expect(try compare(left, .equal, right) == [true, false, nil, false, nil])
        #expect(try compare(left, .notEqual, right) == [false, true, nil, true, nil])
        #expect(try compare(left, .less, right) == [false, true, nil, true, nil])
        #expect(try compare(left, .lessOrEqual, right) == [true, true, nil, true, nil])
        #expect(try compare(left, .greater, right) == [false, false, nil, false, nil])
        #expect(try compare(left, .greaterOrEqual, right) == [true, false, nil, false, nil])
        #expect(try compare(left, .nullSafeEqual, right) == [true, false, false, false, false])
        #expect(try compare(.array(left), .less, .scalar(.int64(2))) == [true, false, nil, true, false])
        #expect(try compare(.scalar(.int64(2)), .less, .array(left)) == [false, false, nil, false, true])
        #expect(try compare(.array(left), .equal, .scalar(.null(.int64))) == [nil, nil, nil, nil, nil])
        #expect(
            try compare(.array(left), .nullSafeEqual, .scalar(.null(.int64))) == [false, false, true, false, false])
        #expect(try compare(.scalar(.int32(1)), .less, .scalar(.int32(2))) == [true])
    }

    @Test func manyRowsAcrossWordBoundaries() throws {
        let values = (0..<200).map { Int32($0) }
        let array = Int32Array(values).slice(3..<200)
        let result = try compare(.array(array), .less, .scalar(.int32(100)))
        #expect(result == BooleanArray((3..<200).map { $0 < 100 }))
    }

    @Test func floatsFollowSparkNaNSemantics() throws {
        let left: Float64Array = [.nan, .nan, -0.0, 1, .infinity]
        let right: Float64Array = [.nan, 1, 0.0, .nan, .nan]
        #expect(try compare(left, .equal, right) == [true, false, true, false, false])
        #expect(try compare(left, .greater, right) == [false, true, false, false, false])
        #expect(try compare(left, .less, right) == [false, false, false, true, true])
        #expect(try compare(left, .lessOrEqual, right) == [true, false, true, true, true])
    }

    @Test func stringsCompareByUnsignedBytes() throws {
        let left: StringArray = ["a", "ab", "é", "", nil, "Z"]
        let right: StringArray = ["a", "a", "z", "", "x", "a"]
        #expect(try compare(left, .equal, right) == [true, false, false, true, nil, false])
        // "é" (0xC3 0xA9) sorts after "z" (0x7A) by unsigned bytes.
        #expect(try compare(left, .greater, right) == [false, true, true, false, nil, false])
        #expect(try compare(.array(left.slice(1..<4)), .less, .scalar(.string("b"))) == [true, false, true])
        let binary: BinaryArray = [[0x80], [0x7F], []]
        #expect(try compare(.array(binary), .greater, .scalar(.binary([0x7F]))) == [true, false, false])
    }

    @Test func decimalsOfDifferentScales() throws {
        let left = Decimal128Array([150, -1, nil], dataType: .decimal(precision: 5, scale: 2))  // 1.50 -0.01
        let right = Decimal128Array([15, 0, 1], dataType: .decimal(precision: 3, scale: 1))  // 1.5 0.0 0.1
        #expect(try compare(left, .equal, right) == [true, false, nil])
        #expect(try compare(left, .less, right) == [false, true, nil])
        let max38 = Int128(DecimalMath.powerOfTen(38) - 1)
        let wide = Decimal128Array([max38, -max38], dataType: .decimal(precision: 38, scale: 0))
        let narrow = Decimal128Array([1, 1], dataType: .decimal(precision: 38, scale: 10))
        #expect(try compare(wide, .greater, narrow) == [true, false])
    }

    @Test func booleansDatesAndTimestamps() throws {
        #expect(
            try compare(BooleanArray([false, true, nil]), .less, BooleanArray([true, true, false])) == [
                true, false, nil,
            ])
        let dates = Date32Array([1, 2], dataType: .date32)
        #expect(try compare(.array(dates), .equal, .scalar(.date(daysSinceEpoch: 2))) == [false, true])
        let stamps = TimestampArray([1, 2], dataType: .timestamp(.microsecond, timezone: "UTC"))
        #expect(try compare(.array(stamps), .greater, .scalar(.timestamp(1))) == [false, true])
        #expect(throws: ComputeError.self) { try compare(Int64Array([1]), .equal, Float64Array([1])) }
    }
}

@Suite struct LogicTests {
    let left: BooleanArray = [true, true, true, false, false, false, nil, nil, nil]
    let right: BooleanArray = [true, false, nil, true, false, nil, true, false, nil]

    @Test func threeValuedAndOr() throws {
        #expect(try and(.array(left), .array(right)) == [true, false, nil, false, false, false, nil, false, nil])
        #expect(try or(.array(left), .array(right)) == [true, true, true, true, false, nil, true, nil, nil])
        #expect(try and(.array(left), .scalar(.null(.boolean))) == [nil, nil, nil, false, false, false, nil, nil, nil])
        #expect(
            try or(.array(left.slice(2..<9)), .array(right.slice(2..<9))) == [true, true, false, nil, true, nil, nil])
    }

    @Test func notAndNullChecks() throws {
        #expect(try not(left) == [false, false, false, true, true, true, nil, nil, nil])
        #expect(try isNull(right) == [false, false, true, false, false, true, false, false, true])
        #expect(try isNotNull(right.slice(2..<4)) == [false, true])
        #expect(try isNull(Int64Array([1, 2])) == [false, false])
    }
}
