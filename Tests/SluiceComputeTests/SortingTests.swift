import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct SortingTests {
    @Test func sparkDefaultNullOrdering() throws {
        let values: Int64Array = [3, nil, 1, 2, nil]
        #expect(try sortIndices([SortKey(values)]) == [1, 4, 2, 3, 0])
        #expect(try sortIndices([SortKey(values, ascending: false)]) == [0, 3, 2, 1, 4])
        #expect(try sortIndices([SortKey(values, nullsFirst: false)]) == [2, 3, 0, 1, 4])
        #expect(try sortIndices([SortKey(values, ascending: false, nullsFirst: true)]) == [1, 4, 0, 3, 2])
    }

    @Test func multiKeyStableSort() throws {
        let group: StringArray = ["b", "a", "b", "a", "é", "Z"]
        let value: Float64Array = [1, .nan, -0.0, 2, 5, 0.0]
        let order = try sortIndices([SortKey(group), SortKey(value, ascending: false)])
        // "Z" < "a" < "b" < "é" by bytes; within "a": NaN is largest so first when descending;
        // within "b": 1 then -0.0.
        #expect(order == [5, 1, 3, 0, 2, 4])
        // Equal keys keep input order.
        let ties: Int32Array = [1, 0, 1, 0, 1]
        #expect(try sortIndices([SortKey(ties)]) == [1, 3, 0, 2, 4])
        let zeros: Float64Array = [0.0, -0.0, 0.0]
        #expect(try sortIndices([SortKey(zeros)]) == [0, 1, 2])
    }

    @Test func topNMatchesFullSort() throws {
        var generator = SplitMix64(seed: 42)
        var keys: [Int64?] = []
        var names: [String?] = []
        for index in 0..<2000 {
            keys.append(index % 13 == 0 ? nil : Int64(generator.next() % 50))
            names.append(index % 17 == 0 ? nil : "n\(generator.next() % 30)")
        }
        let sortKeys = [SortKey(Int64Array(keys), ascending: false), SortKey(StringArray(names))]
        let full = try sortIndices(sortKeys)
        for limit in [0, 1, 7, 100, 1999, 2000, 5000] {
            #expect(try topNIndices(sortKeys, limit: limit) == Array(full.prefix(limit)))
        }
        // The full sort really is ordered.
        let ordering = try RowOrdering(sortKeys)
        for (a, b) in zip(full, full.dropFirst()) {
            #expect(ordering.less(a, b))
        }
    }

    @Test func longStringsAndZeroBytesSortByUnsignedBytes() throws {
        var generator = SplitMix64(seed: 5)
        var values: [[UInt8]?] = []
        for index in 0..<600 {
            // Long shared prefixes, zero bytes, bytes >= 0x80 and nulls.
            let length = Int(generator.next() % 24)
            var bytes = Array("common-prefix-1234".utf8.prefix(length))
            if generator.next() % 3 == 0 {
                bytes.append(UInt8(generator.next() % 3 == 0 ? 0 : 0x80 + generator.next() % 4))
            }
            values.append(index % 29 == 0 ? nil : bytes)
        }
        let column = BinaryArray(values)
        let before: ([UInt8], [UInt8]) -> Bool = { $0.lexicographicallyPrecedes($1) }
        for ascending in [true, false] {
            let expected = values.indices.sorted { a, b in
                switch (values[a], values[b]) {
                case (nil, nil): return a < b
                case (nil, _): return ascending
                case (_, nil): return !ascending
                case (let x?, let y?):
                    if x == y { return a < b }
                    return ascending ? before(x, y) : before(y, x)
                }
            }
            #expect(try sortIndices([SortKey(column, ascending: ascending)]) == expected)
            #expect(try topNIndices([SortKey(column, ascending: ascending)], limit: 50) == Array(expected.prefix(50)))
        }
    }

    @Test func sortedBatchAndDecimalKeys() throws {
        let batch = try RecordBatch(columns: [
            "amount": Decimal128Array([500, -1, nil], dataType: .decimal(precision: 38, scale: 2)),
            "flag": BooleanArray([true, false, true]),
        ])
        let amount = try #require(batch.column(named: "amount"))
        let sorted = try batch.sorted(by: [SortKey(amount, ascending: false)])
        #expect(sorted.column(named: "flag") as? BooleanArray == [true, false, true])
        #expect(try sortIndices([SortKey(BooleanArray([true, false, nil]))]) == [2, 1, 0])
        #expect(try sortIndices([]) == [])
    }
}
