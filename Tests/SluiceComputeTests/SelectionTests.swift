import SluiceCore
import Testing

@testable import SluiceCompute

@Suite struct SelectionTests {
    let mask: BooleanArray = [true, false, nil, true, true]

    @Test func filterDropsFalseAndNullRows() throws {
        let ints: Int64Array = [1, nil, 3, 4, Int64.min]
        #expect(try filter(ints, by: mask) as? Int64Array == [1, 4, Int64.min])
        let strings: StringArray = ["a", "é", nil, "", "zz"]
        #expect(try filter(strings, by: mask) as? StringArray == ["a", "", "zz"])
        let bools: BooleanArray = [true, true, false, nil, false]
        #expect(try filter(bools, by: mask) as? BooleanArray == [true, nil, false])
        let fixed = FixedSizeBinaryArray(byteWidth: 2, [[1, 2], [3, 4], nil, [5, 6], nil])
        #expect(
            try filter(fixed, by: mask) as? FixedSizeBinaryArray
                == FixedSizeBinaryArray(byteWidth: 2, [[1, 2], [5, 6], nil]))
    }

    @Test func filterOfSlicesAndEmptyArrays() throws {
        let ints: Int32Array = [9, 9, 9, 1, nil, 3, 4, 5]
        let sliced = ints.slice(3..<8)
        let slicedMask = BooleanArray([false, true, false, true, true, nil, true, true]).slice(3..<8)
        #expect(try filter(sliced, by: slicedMask) as? Int32Array == [1, nil, 4, 5])
        #expect(try filter(Int64Array([]), by: BooleanArray([])) as? Int64Array == [])
        #expect(try filter(ints, by: BooleanArray(Array(repeating: false, count: 8))) as? Int32Array == [])
        #expect(throws: ComputeError.self) { try filter(ints, by: mask) }
    }

    @Test func takeOfOnlyNullRowsFromEmptyArrays() throws {
        // An outer join against an empty side pads every row with index -1.
        #expect(try take(Int64Array([]), [-1, -1]) as? Int64Array == [nil, nil])
        #expect(try take(StringArray([]), [-1]) as? StringArray == [nil])
        #expect(try take(BooleanArray([]), [-1, -1, -1]) as? BooleanArray == [nil, nil, nil])
    }

    /// The copies go through an integer of each value width: 1, 2, 4, 8 and 16 bytes.
    @Test func takeAndFilterCopyEveryValueWidth() throws {
        let mask: BooleanArray = [false, true, true, nil, true]
        let indices = [4, -1, 0, 2, 2]
        #expect(try take(Int8Array([1, -2, 3, nil, 5]), indices) as? Int8Array == [5, nil, 1, 3, 3])
        #expect(try filter(Int8Array([1, -2, 3, nil, 5]), by: mask) as? Int8Array == [-2, 3, 5])
        #expect(try take(Int16Array([300, -2, 3, nil, 5]), indices) as? Int16Array == [5, nil, 300, 3, 3])
        #expect(try filter(Int16Array([300, -2, 3, nil, 5]), by: mask) as? Int16Array == [-2, 3, 5])
        #expect(try take(Float32Array([1.5, 2, 3, nil, -0.5]), indices) as? Float32Array == [-0.5, nil, 1.5, 3, 3])
        #expect(try filter(Float32Array([1.5, 2, 3, nil, -0.5]), by: mask) as? Float32Array == [2, 3, -0.5])
        #expect(try take(Float64Array([1.5, 2, 3, nil, -0.5]), indices) as? Float64Array == [-0.5, nil, 1.5, 3, 3])
        #expect(try filter(Float64Array([1.5, 2, 3, nil, -0.5]), by: mask) as? Float64Array == [2, 3, -0.5])
        let big = Int128(Int64.max) * 1000
        let decimals = Decimal128Array([big, -big, 7, nil, 1], dataType: .decimal(precision: 38, scale: 2))
        let takenDecimals = try #require(try take(decimals, indices) as? Decimal128Array)
        #expect(takenDecimals == Decimal128Array([1, nil, big, 7, 7], dataType: .decimal(precision: 38, scale: 2)))
        let filteredDecimals = try #require(try filter(decimals, by: mask) as? Decimal128Array)
        #expect(filteredDecimals == Decimal128Array([-big, 7, 1], dataType: .decimal(precision: 38, scale: 2)))
        // A filter whose last selected row is not the last row, and one selecting nothing.
        #expect(try filter(Int64Array([1, 2, 3]), by: [true, true, false]) as? Int64Array == [1, 2])
        #expect(try filter(Int64Array([1, 2, 3]), by: [false, false, false]) as? Int64Array == [])
    }

    @Test func takeGathersEveryLayout() throws {
        let ints: Int64Array = [10, nil, 30]
        #expect(try take(ints, [2, 0, 1, 2, -1]) as? Int64Array == [30, 10, nil, 30, nil])
        let strings: StringArray = ["x", "\u{00ff}y", nil]
        #expect(try take(strings, [1, 1, 2, 0]) as? StringArray == ["\u{00ff}y", "\u{00ff}y", nil, "x"])
        #expect(throws: ComputeError.self) { try take(ints, [3]) }

        let lists = ListBuilder(child: Int64Builder())
        lists.append([1, 2] as [Int64?])
        lists.appendNull()
        lists.append([nil, 4] as [Int64?])
        let listArray = lists.finish().slice(1..<3)
        let takenLists = try #require(try take(listArray, [1, 0, 1]) as? ListArray)
        let expectedLists = ListBuilder(child: Int64Builder())
        expectedLists.append([nil, 4] as [Int64?])
        expectedLists.appendNull()
        expectedLists.append([nil, 4] as [Int64?])
        #expect(takenLists == expectedLists.finish())

        let structs = try StructArray(
            fields: [Field("a", .int64), Field("b", .string)],
            children: [Int64Array([1, 2, 3]), StringArray(["p", nil, "r"])],
            validity: ValidityBitmap([true, false, true]))
        let takenStructs = try #require(try take(structs, [2, 1, 0]) as? StructArray)
        #expect(takenStructs.isNull(1))
        #expect(takenStructs.children[0] as? Int64Array == [3, 2, 1])
        #expect(takenStructs.children[1] as? StringArray == ["r", nil, "p"])

        let maps = MapBuilder(keys: StringBuilder(), values: Int64Builder())
        maps.appendMap { keys, values in
            keys.append("a")
            values.append(1)
            keys.append("b")
            values.append(nil)
        }
        maps.appendNull()
        maps.appendMap { keys, values in
            keys.append("c")
            values.append(3)
        }
        let mapArray = maps.finish()
        let takenMaps = try #require(try take(mapArray, [2, 0]) as? MapArray)
        #expect(takenMaps.keys as? StringArray == ["c", "a", "b"])
        #expect(takenMaps.values as? Int64Array == [3, 1, nil])
        #expect(try filter(mapArray, by: [false, true, true]) as? MapArray == mapArray.slice(1..<3))
    }

    @Test func concatenateJoinsRowsOfEveryLayout() throws {
        let first: StringArray = ["a", nil]
        let second = StringArray(["skip", "b", "c"]).slice(1..<3)
        #expect(try concatenate([first, second]) as? StringArray == ["a", nil, "b", "c"])
        let ints: [any ColumnArray] = [Int64Array([1]), Int64Array([nil, 3]).slice(1..<2), Int64Array([])]
        #expect(try concatenate(ints) as? Int64Array == [1, 3])
        #expect(
            try concatenate([BooleanArray([true]), BooleanArray([nil, false])]) as? BooleanArray == [true, nil, false])
        let lists = ListBuilder(child: StringBuilder())
        lists.append(["x"] as [String?])
        lists.append(["y", nil] as [String?])
        let listArray = lists.finish()
        let joined = try #require(try concatenate([listArray.slice(1..<2), listArray]) as? ListArray)
        #expect(joined.count == 3)
        #expect(joined.value(at: 0).isEqual(to: StringArray(["y", nil])))
        #expect(joined.value(at: 1).isEqual(to: StringArray(["x"])))
        #expect(throws: ComputeError.self) { try concatenate([Int64Array([1]), Int32Array([1])]) }
    }

    @Test func recordBatchSelection() throws {
        let batch = try RecordBatch(columns: ["id": Int64Array([1, 2, 3]), "name": StringArray(["a", "b", nil])])
        let filtered = try batch.filter(by: [true, nil, true])
        #expect(filtered.numRows == 2)
        #expect(filtered.column(named: "name") as? StringArray == ["a", nil])
        let taken = try batch.take([2, -1])
        #expect(taken.column(named: "id") as? Int64Array == [3, nil])
        let both = try RecordBatch.concatenate([batch, filtered])
        #expect(both.column(named: "id") as? Int64Array == [1, 2, 3, 1, 3])
    }

    @Test func largeFilterMatchesScalarLoop() throws {
        var values: [Int64?] = []
        var bits: [Bool?] = []
        var generator = SplitMix64(seed: 7)
        for index in 0..<1000 {
            values.append(index % 7 == 0 ? nil : Int64(bitPattern: generator.next()))
            bits.append(index % 11 == 0 ? nil : generator.next() % 3 == 0)
        }
        let expected = zip(values, bits).filter { $0.1 == true }.map(\.0)
        #expect(try filter(Int64Array(values), by: BooleanArray(bits)) as? Int64Array == Int64Array(expected))
    }
}
