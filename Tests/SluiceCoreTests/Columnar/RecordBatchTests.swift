import SluiceCore
import Testing

@Suite("RecordBatch")
struct RecordBatchTests {
    private let schema = Schema([
        Field("id", .int64, nullable: false), Field("name", .string),
        Field("scores", .list(Field("element", .float64))),
    ])

    private func scores(_ lists: [[Double?]?]) -> ListArray {
        let builder = ListBuilder(child: Float64Builder())
        for list in lists {
            builder.append(list)
        }
        return builder.finish()
    }

    private func sample() throws -> RecordBatch {
        try RecordBatch(
            schema: schema,
            columns: [Int64Array([1, 2, 3]), StringArray(["a", nil, "c"]), scores([[1.5], nil, [2, 3]])])
    }

    @Test func validBatchExposesColumns() throws {
        let batch = try sample()
        #expect(batch.numRows == 3)
        #expect(batch.numColumns == 3)
        #expect(batch.column(named: "name")?.nullCount == 1)
        #expect(batch.column(named: "missing") == nil)
        let ids = try #require(batch.column(named: "id", as: Int64Array.self))
        #expect(Array(ids) == [1, 2, 3])
        #expect(batch.column(named: "id", as: StringArray.self) == nil)
        #expect(batch.column(at: 2).dataType == .list(Field("item", .float64)))
    }

    @Test func slicesEveryColumnWithoutCopying() throws {
        let batch = try sample()
        let slice = batch.slice(1..<3)
        #expect(slice.numRows == 2)
        #expect(slice.schema == batch.schema)
        let ids = try #require(slice.column(named: "id", as: Int64Array.self))
        let allIds = try #require(batch.column(named: "id", as: Int64Array.self))
        #expect(address(of: ids.values) == address(of: allIds.values).map { $0 + 8 })
        #expect(Array(try #require(slice.column(named: "name", as: StringArray.self))) == [nil, "c"])
        #expect(slice.slice(1..<2).numRows == 1)
        #expect(slice == batch.slice(1..<3))
        #expect(slice != batch.slice(0..<2))
    }

    @Test func projects() throws {
        let batch = try sample()
        let projected = try batch.project([2, 0])
        #expect(projected.schema.fields.map(\.name) == ["scores", "id"])
        #expect(projected.numRows == 3)
        #expect(try batch.project(names: ["name"]).column(at: 0).isEqual(to: StringArray(["a", nil, "c"])))
        #expect(throws: ColumnarError.columnIndexOutOfRange(index: 5, count: 3)) { try batch.project([5]) }
        #expect(throws: ColumnarError.columnNotFound("nope")) { try batch.project(names: ["nope"]) }
    }

    @Test func rejectsLengthMismatch() {
        #expect(throws: ColumnarError.lengthMismatch(what: "column 'name'", expected: 3, actual: 2)) {
            try RecordBatch(
                schema: schema, columns: [Int64Array([1, 2, 3]), StringArray(["a", "b"]), scores([nil, nil, nil])])
        }
        #expect(throws: ColumnarError.lengthMismatch(what: "column 'id'", expected: 2, actual: 3)) {
            try RecordBatch(
                schema: schema, columns: [Int64Array([1, 2, 3]), StringArray(["a", "b"]), scores([nil, nil])],
                numRows: 2)
        }
    }

    @Test func rejectsTypeMismatchAgainstTheSchema() {
        #expect(throws: ColumnarError.typeMismatch(what: "column 'id'", expected: .int64, actual: .int32)) {
            try RecordBatch(schema: schema, columns: [Int32Array([1]), StringArray(["a"]), scores([nil])])
        }
        let timestamps = Schema([Field("at", .timestamp(.microsecond, timezone: "UTC"))])
        #expect(throws: ColumnarError.self) {
            try RecordBatch(schema: timestamps, columns: [TimestampArray([1], dataType: .timestamp(.microsecond))])
        }
    }

    @Test func rejectsWrongColumnCountAndNullsInNonNullableColumns() {
        #expect(throws: ColumnarError.columnCountMismatch(expected: 3, actual: 1)) {
            try RecordBatch(schema: schema, columns: [Int64Array([1])])
        }
        #expect(throws: ColumnarError.nullsInNonNullableColumn(column: "id", nullCount: 1)) {
            try RecordBatch(
                schema: schema, columns: [Int64Array([1, nil]), StringArray(["a", "b"]), scores([nil, nil])])
        }
    }

    @Test func errorsReadWellAndEndTheTaskWithExitOne() {
        let error = ColumnarError.lengthMismatch(what: "column 'name'", expected: 3, actual: 2)
        #expect(error.description == "column 'name' has 2 values, expected 3")
        #expect(error.category == .taskFailed)
        #expect(
            ColumnarError.typeMismatch(what: "column 'id'", expected: .int64, actual: .int32).description
                == "column 'id' has type int32, expected int64")
    }

    @Test func inferredSchemaAndEmptyBatches() throws {
        let batch = try RecordBatch(columns: ["x": Int32Array([1, 2]), "y": BooleanArray([true, nil])])
        #expect(batch.schema == Schema([Field("x", .int32), Field("y", .boolean)]))
        #expect(batch.description.hasPrefix("RecordBatch(2 rows) schema<x: int32, y: boolean>"))
        let noColumns = try RecordBatch(schema: Schema([]), columns: [], numRows: 7)
        #expect(noColumns.numRows == 7)
        #expect(noColumns.slice(2..<4).numRows == 2)
    }
}
