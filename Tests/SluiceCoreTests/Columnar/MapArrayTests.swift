import SluiceCore
import Testing

@Suite("MapArray")
struct MapArrayTests {
    private func sample() -> MapArray {
        let maps = MapBuilder(keys: StringBuilder(), values: Int64Builder())
        maps.appendMap { keys, values in
            keys.append("a")
            values.append(1)
            keys.append("b")
            values.append(nil)
        }
        maps.appendNull()
        maps.endMap()
        maps.appendMap { keys, values in
            keys.append("c")
            values.append(3)
        }
        return maps.finish()
    }

    @Test func buildsAndReadsBack() throws {
        let array = sample()
        #expect(array.dataType.description == "map<string, int64>")
        #expect(array.dataType == .map(keys: .string, values: .int64))
        #expect(array.count == 4)
        #expect(array.nullCount == 1)
        #expect(array.offsets.withUnsafeOffsets { Array($0) } == [0, 2, 2, 2, 3])
        #expect(Array(try #require(array.keys as? StringArray)) == ["a", "b", "c"])
        #expect(Array(try #require(array.values as? Int64Array)) == [1, nil, 3])
        #expect(array.entries.fields.map(\.name) == ["key", "value"])
        let first = try #require(array[0])
        #expect(Array(try #require(first.keys as? StringArray)) == ["a", "b"])
        #expect(array[1] == nil)
        #expect(array.value(at: 2).keys.count == 0)
        #expect(array.description == "map<string, int64> [{\"a\": 1, \"b\": null}, null, {}, {\"c\": 3}]")
    }

    @Test func slicesShareEntries() throws {
        let array = sample()
        let slice = array.slice(2..<4)
        #expect(slice.offsets.buffer.sharesStorage(with: array.offsets.buffer))
        #expect(slice.entryRange(at: 1) == 2..<3)
        let keys = try #require(slice.keys as? StringArray)
        let allKeys = try #require(array.keys as? StringArray)
        #expect(keys.data.sharesStorage(with: allKeys.data))
        #expect(Array(try #require(slice.value(at: 1).values as? Int64Array)) == [3])
        #expect(slice.slice(1..<2) == array.slice(3..<4))
    }

    @Test func wrapsKeysAndValuesAndRejectsNullKeys() throws {
        let keyField = Field("key", .int32, nullable: false)
        let valueField = Field("value", .string)
        let array = try MapArray(
            keyField: keyField, valueField: valueField, keysSorted: true, offsets: try OffsetBuffer([0, 1, 2]),
            keys: Int32Array([1, 2]), values: StringArray(["x", nil]))
        #expect(array.dataType.description == "map<int32, string, keys_sorted>")
        #expect(array.keysSorted)
        #expect(throws: ColumnarError.self) {
            try MapArray(
                keyField: keyField, valueField: valueField, offsets: try OffsetBuffer([0, 2]),
                keys: Int32Array([1, nil]), values: StringArray(["x", "y"]))
        }
        #expect(throws: ColumnarError.self) {
            try MapArray(
                keyField: Field("key", .int32), valueField: valueField, offsets: try OffsetBuffer([0, 1]),
                keys: Int32Array([1]), values: StringArray(["x"]))
        }
        #expect(throws: ColumnarError.self) {
            try MapArray(
                keyField: keyField, valueField: valueField, offsets: try OffsetBuffer([0, 1]), keys: Int32Array([1]),
                values: StringArray(["x", "y"]))
        }
    }
}
