import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct ArithmeticTests {
    @Test func integerAddSubtractMultiply() throws {
        let left: Int64Array = [1, nil, -5, 7]
        let right: Int64Array = [2, 3, nil, -7]
        #expect(try arithmetic(left, .add, right) as? Int64Array == [3, nil, nil, 0])
        #expect(try arithmetic(left, .subtract, right) as? Int64Array == [-1, nil, nil, 14])
        #expect(try arithmetic(left, .multiply, right) as? Int64Array == [2, nil, nil, -49])
        #expect(try arithmetic(.array(left), .add, .scalar(.int64(10))) as? Int64Array == [11, nil, 5, 17])
        #expect(try arithmetic(.scalar(.int64(10)), .subtract, .array(left)) as? Int64Array == [9, nil, 15, 3])
        #expect(try arithmetic(.array(left), .add, .scalar(.null(.int64))) as? Int64Array == [nil, nil, nil, nil])
    }

    @Test func overflowNamesTheOperationAndValues() throws {
        let left: Int64Array = [1, Int64.max]
        do {
            _ = try arithmetic(.array(left), .add, .scalar(.int64(1)))
            Issue.record("expected an overflow")
        } catch let error as ComputeError {
            #expect(error.kind == .arithmeticOverflow)
            #expect(error.description.hasPrefix("[ARITHMETIC_OVERFLOW] long overflow: 9223372036854775807 + 1."))
        }
        #expect(try arithmetic(.array(left), .add, .scalar(.int64(1)), mode: .nullOnError) as? Int64Array == [2, nil])
        let ints: Int32Array = [Int32.min, 3]
        #expect(throws: ComputeError.self) { try arithmetic(ints, .multiply, Int32Array([-1, 1])) }
        #expect(throws: ComputeError.self) { try negate(Int64Array([Int64.min])) }
        #expect(try negate(Int64Array([Int64.min, 5]), mode: .nullOnError) as? Int64Array == [nil, -5])
        // An overflow hidden under a null slot is not an error.
        let hidden = Int64Array([Int64.max, 1]).slice(0..<2)
        let nulls = Int64Array([nil, 1])
        #expect(try arithmetic(hidden, .add, nulls) as? Int64Array == [nil, 2])
        let int8: Int8Array = [127]
        #expect(throws: ComputeError.self) { try arithmetic(int8, .add, Int8Array([1])) }
    }

    @Test func divisionFamily() throws {
        let left: Int32Array = [7, -7, 1, Int32.min]
        let right: Int32Array = [2, 2, 3, -1]
        #expect(try arithmetic(left, .divide, right) as? Float64Array == [3.5, -3.5, 1.0 / 3, 2_147_483_648])
        #expect(try arithmetic(left, .integralDivide, right) as? Int64Array == [3, -3, 0, 2_147_483_648])
        #expect(try arithmetic(left, .remainder, right) as? Int32Array == [1, -1, 1, 0])
        #expect(try arithmetic(left, .positiveModulo, right) as? Int32Array == [1, 1, 1, 0])
        let zero: Int32Array = [0, 1, 0, 1]
        do {
            _ = try arithmetic(left, .divide, zero)
            Issue.record("expected division by zero")
        } catch let error as ComputeError {
            #expect(error.kind == .divideByZero)
            #expect(error.description.contains("7 / 0"))
        }
        #expect(try arithmetic(left, .remainder, zero, mode: .nullOnError) as? Int32Array == [nil, 0, nil, 0])
        #expect(throws: ComputeError.self) {
            try arithmetic(Int64Array([Int64.min]), .integralDivide, Int64Array([-1]))
        }
        #expect(throws: ComputeError.self) { try arithmetic(Float64Array([1]), .divide, Float64Array([-0.0])) }
        #expect(
            try arithmetic(Float64Array([1, 2]), .divide, Float64Array([0, 4]), mode: .nullOnError) as? Float64Array
                == [nil, 0.5])
        let floats = try #require(
            try arithmetic(Float64Array([.nan, 1e308]), .multiply, Float64Array([1, 10])) as? Float64Array)
        #expect(floats.value(at: 0).isNaN && floats.value(at: 1) == .infinity)
        #expect(try arithmetic(Float64Array([-7.5]), .positiveModulo, Float64Array([2])) as? Float64Array == [0.5])
    }

    @Test func decimalResultTypesFollowSpark() throws {
        func type(_ op: ArithmeticOperator, _ p1: Int, _ s1: Int, _ p2: Int, _ s2: Int) throws -> DataType {
            try decimalResultType(op, .decimal(precision: p1, scale: s1), .decimal(precision: p2, scale: s2))
        }
        #expect(try type(.add, 10, 2, 5, 3) == .decimal(precision: 12, scale: 3))
        #expect(try type(.multiply, 10, 2, 5, 3) == .decimal(precision: 16, scale: 5))
        #expect(try type(.divide, 10, 2, 5, 3) == .decimal(precision: 19, scale: 8))
        #expect(try type(.add, 38, 10, 38, 10) == .decimal(precision: 38, scale: 9))
        #expect(try type(.multiply, 38, 10, 38, 10) == .decimal(precision: 38, scale: 6))
        #expect(try type(.divide, 38, 10, 38, 10) == .decimal(precision: 38, scale: 6))
        #expect(try type(.divide, 38, 0, 38, 38) == .decimal(precision: 38, scale: 6))
    }

    @Test func decimalArithmeticRoundsHalfUp() throws {
        let d102 = DataType.decimal(precision: 10, scale: 2)
        let d53 = DataType.decimal(precision: 5, scale: 3)
        let left = Decimal128Array([12345, -100, nil], dataType: d102)  // 123.45 -1.00
        let right = Decimal128Array([1500, 3, 1], dataType: d53)  // 1.500 0.003
        let sum = try #require(try arithmetic(left, .add, right) as? Decimal128Array)
        #expect(sum.dataType == .decimal(precision: 12, scale: 3))
        #expect(sum == Decimal128Array([124_950, -997, nil], dataType: .decimal(precision: 12, scale: 3)))
        let quotient = try #require(try arithmetic(left, .divide, right) as? Decimal128Array)
        #expect(quotient.dataType == .decimal(precision: 19, scale: 8))
        // 123.45 / 1.5 = 82.3; -1.00 / 0.003 = -333.33333333(3)
        #expect(
            quotient
                == Decimal128Array([8_230_000_000, -33_333_333_333, nil], dataType: .decimal(precision: 19, scale: 8)))
        // 2 / 3 at scale 6 rounds up the last digit.
        let two = Decimal128Array([2, -2], dataType: .decimal(precision: 1, scale: 0))
        let three = Decimal128Array([3, 3], dataType: .decimal(precision: 1, scale: 0))
        #expect(
            try arithmetic(two, .divide, three) as? Decimal128Array
                == Decimal128Array([666_667, -666_667], dataType: .decimal(precision: 7, scale: 6)))
    }

    @Test func decimalAtPrecision38() throws {
        let d38 = DataType.decimal(precision: 38, scale: 10)
        let big = Int128(DecimalMath.powerOfTen(37))  // 10^27 at scale 10
        let product = try #require(
            try arithmetic(
                .array(Decimal128Array([big, 15], dataType: d38)), .multiply,
                .scalar(.decimal(1, precision: 38, scale: 10))) as? Decimal128Array)
        // 10^27 * 10^-10 = 10^17 (scale 6); 1.5e-9 * 1e-10 rounds to 0.
        #expect(
            product
                == Decimal128Array(
                    [Int128(DecimalMath.powerOfTen(23)), 0], dataType: .decimal(precision: 38, scale: 6)))
        let max38 = Int128(DecimalMath.powerOfTen(38) - 1)
        let d380 = DataType.decimal(precision: 38, scale: 0)
        do {
            _ = try arithmetic(Decimal128Array([max38], dataType: d380), .add, Decimal128Array([1], dataType: d380))
            Issue.record("expected out of range")
        } catch let error as ComputeError {
            #expect(error.kind == .numericValueOutOfRange)
            #expect(
                error.description.contains(
                    "100000000000000000000000000000000000000 cannot be represented as Decimal(38, 0)"))
        }
        #expect(
            try arithmetic(
                Decimal128Array([max38], dataType: d380), .multiply, Decimal128Array([max38], dataType: d380),
                mode: .nullOnError) as? Decimal128Array
                == Decimal128Array([nil], dataType: .decimal(precision: 38, scale: 0)))
        #expect(throws: ComputeError.self) {
            try arithmetic(Decimal128Array([1], dataType: d380), .divide, Decimal128Array([0], dataType: d380))
        }
    }
}
