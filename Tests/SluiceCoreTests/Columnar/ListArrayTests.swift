import SluiceCore
import Testing

@Suite("ListArray")
struct ListArrayTests {
    /// [[1, 2], [], null, [3, null]]
    private func sample() -> ListArray {
        let lists = ListBuilder(child: Int64Builder())
        lists.appendList { values in
            values.append(1)
            values.append(2)
        }
        lists.endList()
        lists.appendNull()
        lists.append([3, nil])
        return lists.finish()
    }

    @Test func buildsAndReadsBack() throws {
        let array = sample()
        #expect(array.dataType == .list(Field("item", .int64)))
        #expect(array.count == 4)
        #expect(array.nullCount == 1)
        #expect(array.offsets.withUnsafeOffsets { Array($0) } == [0, 2, 2, 2, 4])
        let child = try #require(array.values as? Int64Array)
        #expect(Array(child) == [1, 2, 3, nil])
        #expect(array.valueRange(at: 3) == 2..<4)
        #expect(array[2] == nil)
        let last = try #require(array[3] as? Int64Array)
        #expect(Array(last) == [3, nil])
        #expect(array.value(at: 1).count == 0)
        #expect(array.description == "list<int64> [[1, 2], [], null, [3, null]]")
    }

    @Test func slicesShareOffsetsAndChild() throws {
        let array = sample()
        let slice = array.slice(1..<4)
        #expect(slice.count == 3)
        #expect(slice.offsets.buffer.sharesStorage(with: array.offsets.buffer))
        #expect(address(of: slice.offsets.buffer) == address(of: array.offsets.buffer).map { $0 + 4 })
        let child = try #require(slice.values as? Int64Array)
        let original = try #require(array.values as? Int64Array)
        #expect(child.values.sharesStorage(with: original.values))
        #expect(child.count == 4)
        #expect(slice.isNull(1))
        let sliceOfSlice = slice.slice(2..<3)
        #expect(Array(try #require(sliceOfSlice.value(at: 0) as? Int64Array)) == [3, nil])
        #expect(sliceOfSlice.offsets.first == 2)
        #expect(slice == array.slice(1..<4))
        #expect(slice != array.slice(0..<3))
    }

    @Test func nestsListsOfStringsAndLists() throws {
        let outer = ListBuilder(child: ListBuilder(child: StringBuilder()), elementName: "element")
        outer.appendList { inner in
            inner.append(["a", "b"])
            inner.append([nil])
        }
        outer.appendList { inner in inner.appendNull() }
        let array = outer.finish()
        #expect(array.dataType.description == "list<list<string>>")
        #expect(array.elementField.name == "element")
        let inner = try #require(array.values as? ListArray)
        #expect(inner.count == 3)
        let strings = try #require(inner.values as? StringArray)
        #expect(Array(strings) == ["a", "b", nil])
        #expect(array.description == "list<list<string>> [[[\"a\", \"b\"], [null]], [null]]")
    }

    @Test func wrapsDecodedBuffers() throws {
        let values = StringArray(["x", "y", "z"])
        let array = try ListArray(
            elementField: Field("element", .string), offsets: try OffsetBuffer([0, 1, 3]), values: values)
        #expect(Array(try #require(array.value(at: 1) as? StringArray)) == ["y", "z"])
        #expect(throws: ColumnarError.self) {
            try ListArray(elementField: Field("item", .int32), offsets: try OffsetBuffer([0, 1]), values: values)
        }
        #expect(throws: ColumnarError.self) {
            try ListArray(elementField: Field("item", .string), offsets: try OffsetBuffer([0, 4]), values: values)
        }
    }

    @Test func booleanElementsAndManyLists() {
        let lists = ListBuilder(child: BooleanBuilder(), capacity: 10)
        lists.reserve(100)
        for index in 0..<10_000 {
            lists.append([index % 2 == 0, nil])
        }
        let array = lists.finish()
        #expect(array.count == 10_000)
        #expect(array.values.count == 20_000)
        #expect(array.values.nullCount == 10_000)
        #expect(lists.count == 0)
    }
}
