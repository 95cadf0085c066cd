import SluiceCore
import Testing

@Suite("StructArray")
struct StructArrayTests {
    private let fields = [
        Field("id", .int32, nullable: false), Field("name", .string), Field("tags", .list(of: .string)),
    ]

    private func sample() -> StructArray {
        let rows = StructBuilder(fields: fields)
        for (id, name) in [(1, "a"), (2, "b"), (3, "c")] {
            rows.child(at: 0, as: Int32Builder.self)?.append(Int32(id))
            rows.child(named: "name", as: StringBuilder.self)?.append(name)
            rows.child(at: 2, as: ListBuilder<StringBuilder>.self)?.append([name, name])
            rows.endStruct()
        }
        rows.appendNull()
        return rows.finish()
    }

    @Test func buildsAndReadsBack() throws {
        let array = sample()
        #expect(array.dataType.description == "struct<id: int32 not null, name: string, tags: list<string>>")
        #expect(array.count == 4)
        #expect(array.nullCount == 1)
        #expect(array.isNull(3))
        let ids = try #require(array.child(at: 0) as? Int32Array)
        #expect(Array(ids) == [1, 2, 3, nil])
        let names = try #require(array.child(named: "name") as? StringArray)
        #expect(Array(names) == ["a", "b", "c", nil])
        #expect(array.child(named: "nope") == nil)
        #expect(
            array.description == "struct<id: int32 not null, name: string, tags: list<string>> "
                + "[{id: 1, name: \"a\", tags: [\"a\", \"a\"]}, {id: 2, name: \"b\", tags: [\"b\", \"b\"]}, "
                + "{id: 3, name: \"c\", tags: [\"c\", \"c\"]}, null]")
    }

    @Test func slicesSliceEveryChildWithoutCopying() throws {
        let array = sample()
        let slice = array.slice(1..<4)
        let ids = try #require(slice.child(at: 0) as? Int32Array)
        let allIds = try #require(array.child(at: 0) as? Int32Array)
        #expect(ids.count == 3)
        #expect(address(of: ids.values) == address(of: allIds.values).map { $0 + 4 })
        #expect(Array(ids) == [2, 3, nil])
        let sliceOfSlice = slice.slice(1..<2)
        #expect(Array(try #require(sliceOfSlice.child(named: "name") as? StringArray)) == ["c"])
        #expect(sliceOfSlice.validity == nil)
        #expect(slice == array.slice(1..<4))
    }

    @Test func wrapsChildrenAndValidatesThem() throws {
        let ids = Int32Array([1, 2])
        let names = StringArray(["a", nil])
        let array = try StructArray(
            fields: [Field("id", .int32), Field("name", .string)], children: [ids, names],
            validity: ValidityBitmap([true, false]))
        #expect(array.count == 2)
        #expect(array.nullCount == 1)
        #expect(throws: ColumnarError.lengthMismatch(what: "struct field 'name'", expected: 2, actual: 1)) {
            try StructArray(
                fields: [Field("id", .int32), Field("name", .string)], children: [ids, StringArray(["a"])])
        }
        #expect(
            throws: ColumnarError.typeMismatch(what: "struct field 'id'", expected: .int64, actual: .int32)
        ) {
            try StructArray(fields: [Field("id", .int64)], children: [ids])
        }
        #expect(throws: ColumnarError.self) { try StructArray(fields: [Field("id", .int32)], children: []) }
        let empty = try StructArray(fields: [], children: [], count: 5)
        #expect(empty.count == 5)
        #expect(empty.slice(1..<3).count == 2)
    }
}
