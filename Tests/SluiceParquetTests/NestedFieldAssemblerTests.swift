import SluiceCore
import Testing

@testable import SluiceParquet

/// Record assembly from hand-written levels: null versus empty lists, nulls at every depth, null
/// structs with list children, maps with list values.
struct NestedFieldAssemblerTests {
    private func leaf(
        _ name: String, _ type: PhysicalType, _ repetition: FieldRepetitionType, converted: ConvertedType? = nil
    ) -> SchemaElement {
        SchemaElement(name: name, type: type, repetitionType: repetition, convertedType: converted)
    }

    private func group(
        _ name: String, _ repetition: FieldRepetitionType, children: Int, converted: ConvertedType? = nil
    ) -> SchemaElement {
        SchemaElement(name: name, repetitionType: repetition, numChildren: Int32(children), convertedType: converted)
    }

    /// The JSON lines of the single top-level field of `elements`, assembled from `leaves`
    /// (repetition levels, definition levels, slot values per leaf).
    private func assemble(
        _ elements: [SchemaElement], _ leaves: [([UInt8], [UInt8], any ColumnArray)]
    ) throws -> [String] {
        let schema = try ParquetSchema(elements: [SchemaElement(name: "schema", numChildren: 1)] + elements)
        let node = try #require(schema.root.children.first)
        let decoded = zip(schema.columns, leaves).map { column, leaf in
            NestedLeafColumn(descriptor: column, repetitionLevels: leaf.0, definitionLevels: leaf.1, values: leaf.2)
        }
        let field = schema.schema.fields[0]
        let array = try NestedFieldAssembler(node: node, leaves: decoded).assemble(as: field.dataType)
        let batch = try RecordBatch(schema: Schema([field]), columns: [array], numRows: array.count)
        return (0..<batch.numRows).map { RecordBatchJSONLines.line(batch, row: $0) }
    }

    @Test func listOfListsKeepsNullsAndEmptiesApart() throws {
        let elements = [
            group("a", .optional, children: 1, converted: .list),
            group("list", .repeated, children: 1),
            group("element", .optional, children: 1, converted: .list),
            group("list", .repeated, children: 1),
            leaf("element", .int32, .optional),
        ]
        #expect(
            NestedFieldAssembler.slotLevels(
                of: try ParquetSchema(
                    elements: [
                        SchemaElement(name: "schema", numChildren: 1)
                    ] + elements
                ).root.children[0]) == [4])
        let lines = try assemble(elements, [([0, 0, 0, 1, 1, 2, 0], [0, 1, 2, 3, 5, 4, 5], Int32Array([1, nil, 2]))])
        #expect(lines == [#"{"a":null}"#, #"{"a":[]}"#, #"{"a":[null,[],[1,null]]}"#, #"{"a":[[2]]}"#])
    }

    @Test func nullStructsStillHaveChildSlots() throws {
        let elements = [
            group("s", .optional, children: 2),
            group("l", .optional, children: 1, converted: .list),
            group("list", .repeated, children: 1),
            leaf("element", .int32, .required),
            leaf("x", .int32, .optional),
        ]
        let lines = try assemble(
            elements,
            [
                ([0, 0, 0, 1], [0, 1, 3, 3], Int32Array([7, 8])),
                ([0, 0, 0], [0, 2, 1], Int32Array([nil, 5, nil])),
            ])
        #expect(lines == [#"{"s":null}"#, #"{"s":{"l":null,"x":5}}"#, #"{"s":{"l":[7,8],"x":null}}"#])
    }

    @Test func mapWithListValues() throws {
        let elements = [
            group("m", .optional, children: 1, converted: .map),
            group("key_value", .repeated, children: 2),
            leaf("key", .byteArray, .required, converted: .utf8),
            group("value", .optional, children: 1, converted: .list),
            group("list", .repeated, children: 1),
            leaf("element", .int32, .optional),
        ]
        let lines = try assemble(
            elements,
            [
                ([0, 1, 0, 0], [2, 2, 0, 1], StringArray(["a", "b"])),
                ([0, 1, 0, 0], [5, 2, 0, 1], Int32Array([1])),
            ])
        #expect(lines == [#"{"m":[{"key":"a","value":[1]},{"key":"b","value":null}]}"#, #"{"m":null}"#, #"{"m":[]}"#])
    }

    @Test func repeatedPrimitiveIsANonNullList() throws {
        let lines = try assemble(
            [leaf("r", .int32, .repeated)], [([0, 0, 1, 1, 0], [0, 1, 1, 1, 1], Int32Array([1, 2, 3, 4]))])
        #expect(lines == [#"{"r":[]}"#, #"{"r":[1,2,3]}"#, #"{"r":[4]}"#])
    }
}
