import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct ScalarTests {
    @Test func scalarsCarryTheirType() throws {
        #expect(Scalar.int32(5).dataType == .int32)
        #expect(Scalar.null(.string).isNull)
        #expect(try Scalar.decimal(-125, precision: 5, scale: 2).description == "-1.25")
        #expect(throws: ComputeError.self) { try Scalar.decimal(100_000, precision: 5, scale: 0) }
        #expect(throws: ComputeError.self) { try Scalar(.int64, .bytes([1])) }
        #expect(try Scalar(.fixedSizeBinary(byteWidth: 2), .bytes([1, 2])).payload == .bytes([1, 2]))
    }

    @Test func scalarsBecomeArraysAndBack() throws {
        #expect(try Scalar.int64(7).makeArray(count: 3) as? Int64Array == [7, 7, 7])
        #expect(try Scalar.null(.int32).makeArray(count: 2) as? Int32Array == [nil, nil])
        #expect(try Scalar.string("é").makeArray(count: 2) as? StringArray == ["é", "é"])
        #expect(try Scalar.boolean(true).makeArray(count: 0) as? BooleanArray == [])
        let dates = try #require(try Scalar.date(daysSinceEpoch: 3).makeArray(count: 1) as? Date32Array)
        #expect(dates.dataType == .date32 && dates[0] == 3)
        let strings: StringArray = ["a", nil]
        #expect(try Scalar(strings, at: 0) == .string("a"))
        #expect(try Scalar(strings, at: 1) == .null(.string))
        #expect(
            try Scalar(Decimal128Array([5], dataType: .decimal(precision: 3, scale: 1)), at: 0)
                == Scalar.decimal(5, precision: 3, scale: 1))
        #expect(throws: ComputeError.self) { try Scalar(strings, at: 2) }
    }
}
