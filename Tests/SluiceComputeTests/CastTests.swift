import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct CastTests {
    @Test func integerWidthsAndOverflow() throws {
        let ints: Int32Array = [1, -128, 300, nil]
        #expect(try cast(ints, to: .int8, mode: .nullOnError) as? Int8Array == [1, -128, nil, nil])
        do {
            _ = try cast(ints, to: .int8)
            Issue.record("expected an overflow")
        } catch let error as ComputeError {
            #expect(error.kind == .castOverflow)
            #expect(
                error.description.hasPrefix(
                    "[CAST_OVERFLOW] The value 300 of the type \"INT\" cannot be cast to \"TINYINT\""))
        }
        #expect(try cast(Int64Array([Int64.min]), to: .int32, mode: .nullOnError) as? Int32Array == [nil])
        #expect(try cast(Int8Array([-1, 5]), to: .int64) as? Int64Array == [-1, 5])
        #expect(try cast(Int64Array([3, 0]), to: .boolean) as? BooleanArray == [true, false])
        #expect(try cast(BooleanArray([true, false, nil]), to: .int32) as? Int32Array == [1, 0, nil])
    }

    @Test func floatsToIntegersTruncate() throws {
        let doubles: Float64Array = [1.9, -1.9, .nan, 1e20, 2_147_483_647.5]
        #expect(try cast(doubles, to: .int32, mode: .nullOnError) as? Int32Array == [1, -1, nil, nil, 2_147_483_647])
        #expect(throws: ComputeError.self) { try cast(doubles, to: .int64) }
        #expect(try cast(Int64Array([Int64.max]), to: .float64) as? Float64Array == [9.223372036854775807e18])
    }

    @Test func decimals() throws {
        let d = Decimal128Array([12345, -12355, nil], dataType: .decimal(precision: 10, scale: 3))  // 12.345 -12.355
        #expect(
            try cast(d, to: .decimal(precision: 5, scale: 2)) as? Decimal128Array
                == Decimal128Array([1235, -1236, nil], dataType: .decimal(precision: 5, scale: 2)))
        #expect(throws: ComputeError.self) { try cast(d, to: .decimal(precision: 3, scale: 2)) }
        #expect(try cast(d, to: .int32) as? Int32Array == [12, -12, nil])
        #expect(try cast(d, to: .float64) as? Float64Array == [12.345, -12.355, nil])
        #expect(
            try cast(Int32Array([7, -100]), to: .decimal(precision: 5, scale: 2)) as? Decimal128Array
                == Decimal128Array([700, -10000], dataType: .decimal(precision: 5, scale: 2)))
        do {
            _ = try cast(Int32Array([1000]), to: .decimal(precision: 5, scale: 2))
            Issue.record("expected out of range")
        } catch let error as ComputeError {
            #expect(error.kind == .numericValueOutOfRange)
            #expect(error.description.contains("1000 cannot be represented as Decimal(5, 2)"))
        }
        #expect(
            try cast(Float64Array([0.1, 2.675, -1e-10]), to: .decimal(precision: 10, scale: 2)) as? Decimal128Array
                == Decimal128Array([10, 268, 0], dataType: .decimal(precision: 10, scale: 2)))
        let max38 = Int128(DecimalMath.powerOfTen(38) - 1)
        let wide = Decimal128Array([max38], dataType: .decimal(precision: 38, scale: 0))
        #expect(
            try cast(wide, to: .decimal(precision: 38, scale: 1), mode: .nullOnError) as? Decimal128Array
                == Decimal128Array([nil], dataType: .decimal(precision: 38, scale: 1)))
        #expect(try cast(wide, to: .string) as? StringArray == ["99999999999999999999999999999999999999"])
    }

    @Test func stringsToNumbers() throws {
        let text: StringArray = [" 42 ", "+7", "-2147483648", "1.5", "abc", "", nil, "2147483648"]
        #expect(
            try cast(text, to: .int32, mode: .nullOnError) as? Int32Array == [
                42, 7, Int32.min, nil, nil, nil, nil, nil,
            ])
        do {
            _ = try cast(text, to: .int32)
            Issue.record("expected invalid input")
        } catch let error as ComputeError {
            #expect(error.kind == .castInvalidInput)
            #expect(
                error.description.hasPrefix(
                    "[CAST_INVALID_INPUT] The value '1.5' of the type \"STRING\" cannot be cast to \"INT\" because it is malformed."
                ))
        }
        let doubles: StringArray = ["1e3", " -2.5 ", "inf", "-Infinity", "NaN", "1.5d", "x1", ".5", "1e"]
        let parsed = try #require(try cast(doubles, to: .float64, mode: .nullOnError) as? Float64Array)
        #expect(parsed[0] == 1000 && parsed[1] == -2.5 && parsed[2] == .infinity && parsed[3] == -.infinity)
        #expect(
            parsed[4]?.isNaN == true && parsed[5] == 1.5 && parsed[6] == nil && parsed[7] == 0.5 && parsed[8] == nil)
        let decimals: StringArray = ["1.005", "-0.5e1", "12345.6", "1e-3", "x"]
        #expect(
            try cast(decimals, to: .decimal(precision: 5, scale: 2), mode: .nullOnError) as? Decimal128Array
                == Decimal128Array([101, -500, nil, 0, nil], dataType: .decimal(precision: 5, scale: 2)))
        #expect(throws: ComputeError.self) { try cast(StringArray(["12345.6"]), to: .decimal(precision: 5, scale: 2)) }
        let booleans: StringArray = ["true", "F", " yes ", "n", "1", "0", "maybe"]
        #expect(
            try cast(booleans, to: .boolean, mode: .nullOnError) as? BooleanArray == [
                true, false, true, false, true, false, nil,
            ])
    }

    @Test func stringsToDatesAndTimestamps() throws {
        let dates: StringArray = [
            "2026-11-20", "2026", "2026-2", "2026-02-30", "2026-11-20T10:00", "20261120", " 1970-01-02 ",
        ]
        #expect(
            try cast(dates, to: .date32, mode: .nullOnError) as? Date32Array
                == Date32Array([20777, 20454, 20485, nil, 20777, nil, 1], dataType: .date32))
        let utc = DataType.timestamp(.microsecond, timezone: "UTC")
        let stamps: StringArray = [
            "2026-11-20 10:30:00", "2026-11-20T10:30:00.123456Z", "2026-11-20 10:30:00+01:00", "2026-11-20",
            "1969-12-31 23:59:59.5", "2026-11-20 25:00:00", "2026-11-20 10:30:00.1234567 UTC", "2026-11-20 10:30-0130",
        ]
        let base: Int64 = 20777 * 86_400_000_000 + 37_800_000_000
        #expect(
            try cast(stamps, to: utc, mode: .nullOnError) as? TimestampArray
                == TimestampArray(
                    [
                        base, base + 123_456, base - 3_600_000_000, 20777 * 86_400_000_000, -500_000, nil,
                        base + 123_456,
                        base + 5_400_000_000,
                    ], dataType: utc))
        let wallClock = DataType.timestamp(.microsecond, timezone: nil)
        #expect(
            try cast(StringArray(["2026-11-20 10:30:00+01:00"]), to: wallClock) as? TimestampArray
                == TimestampArray([base], dataType: wallClock))
    }

    @Test func numbersToStringAsSparkPrintsThem() throws {
        let doubles: Float64Array = [
            1, 1e10, 1.2345678e-5, 0.001, 1_234_567, 12_345_678, -0.0, .nan, -.infinity, 0.1 + 0.2, 100, 1e-3, 9.99e-4,
            nil,
        ]
        #expect(
            try cast(doubles, to: .string) as? StringArray == [
                "1.0", "1.0E10", "1.2345678E-5", "0.001", "1234567.0", "1.2345678E7", "-0.0", "NaN", "-Infinity",
                "0.30000000000000004", "100.0", "0.001", "9.99E-4", nil,
            ])
        #expect(try cast(Float32Array([1.1, 3e38]), to: .string) as? StringArray == ["1.1", "3.0E38"])
        #expect(try cast(Int64Array([Int64.min, nil]), to: .string) as? StringArray == ["-9223372036854775808", nil])
        let decimals = Decimal128Array([-5, 0, 123_400], dataType: .decimal(precision: 10, scale: 3))
        #expect(try cast(decimals, to: .string) as? StringArray == ["-0.005", "0.000", "123.400"])
        #expect(try cast(BooleanArray([true, nil]), to: .string) as? StringArray == ["true", nil])
    }

    @Test func temporalToString() throws {
        #expect(
            try cast(Date32Array([0, -1, 20777], dataType: .date32), to: .string) as? StringArray
                == ["1970-01-01", "1969-12-31", "2026-11-20"])
        let utc = DataType.timestamp(.microsecond, timezone: "UTC")
        let stamps = TimestampArray([0, 1_500_000, -1, 20777 * 86_400_000_000 + 123_000], dataType: utc)
        #expect(
            try cast(stamps, to: .string) as? StringArray
                == [
                    "1970-01-01 00:00:00", "1970-01-01 00:00:01.5", "1969-12-31 23:59:59.999999",
                    "2026-11-20 00:00:00.123",
                ])
    }

    @Test func datesAndTimestamps() throws {
        let utc = DataType.timestamp(.microsecond, timezone: "UTC")
        let dates = Date32Array([1, -1, nil], dataType: .date32)
        #expect(
            try cast(dates, to: utc) as? TimestampArray
                == TimestampArray([86_400_000_000, -86_400_000_000, nil], dataType: utc))
        let stamps = TimestampArray([86_400_000_001, -1], dataType: utc)
        #expect(try cast(stamps, to: .date32) as? Date32Array == Date32Array([1, -1], dataType: .date32))
        let nanos = DataType.timestamp(.nanosecond, timezone: "UTC")
        #expect(
            try cast(TimestampArray([-1_500], dataType: nanos), to: utc) as? TimestampArray
                == TimestampArray([-2], dataType: utc))
        #expect(try cast(.int64(5), to: .string) == .string("5"))
        #expect(try cast(.string("x"), to: .int32, mode: .nullOnError) == .null(.int32))
    }
}
