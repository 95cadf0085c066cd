import SluiceCore
import Testing

@Suite("Schema")
struct SchemaTests {
    let schema = Schema(
        [Field("id", .int64, nullable: false), Field("name", .string), Field("id", .int32)],
        metadata: ["origin": "test"])

    @Test func looksUpFieldsByNameFirstMatchWins() {
        #expect(schema.count == 3)
        #expect(schema.index(of: "name") == 1)
        #expect(schema.field(named: "id")?.dataType == .int64)
        #expect(schema.field(named: "missing") == nil)
        #expect(schema[2].dataType == .int32)
    }

    @Test func equalityIncludesMetadata() {
        #expect(schema == Schema(schema.fields, metadata: ["origin": "test"]))
        #expect(schema != Schema(schema.fields))
        #expect(Set([schema, Schema(schema.fields, metadata: ["origin": "test"])]).count == 1)
    }

    @Test func projects() throws {
        let projected = try schema.project([1, 0])
        #expect(projected.fields.map(\.name) == ["name", "id"])
        #expect(projected.metadata == ["origin": "test"])
        #expect(throws: ColumnarError.columnIndexOutOfRange(index: 3, count: 3)) { try schema.project([3]) }
    }

    @Test func describes() {
        #expect(schema.description == "schema<id: int64 not null, name: string, id: int32>")
    }
}
