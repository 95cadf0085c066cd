import SluiceCore

/// Reads an Arrow `Schema` message (Schema.fbs) into a Sluice `Schema` and the layout of each
/// column's buffers.
enum ArrowSchemaDecoder {
    /// Slots of the Schema table.
    private enum SchemaSlot {
        static let endianness = 0
        static let fields = 1
        static let customMetadata = 2
    }

    /// Slots of the Field table (`type` is a union: its type byte, then the table).
    private enum FieldSlot {
        static let name = 0
        static let nullable = 1
        static let typeType = 2
        static let type = 3
        static let dictionary = 4
        static let children = 5
        static let customMetadata = 6
    }

    static func decode(_ schema: FlatBufferTable) throws(ArrowIPCError) -> (Schema, [ArrowColumnLayout]) {
        guard try schema.scalar(SchemaSlot.endianness, default: Int16(0)) == 0 else {
            throw ArrowIPCError("the stream is big-endian; Sluice reads little-endian Arrow only")
        }
        let tables = try schema.tables(SchemaSlot.fields) { "field \($0) of the schema" }
        var fields: [Field] = []
        var layouts: [ArrowColumnLayout] = []
        for table in tables {
            let (field, layout) = try decodeField(table, path: nil)
            fields.append(field)
            layouts.append(layout)
        }
        return (Schema(fields, metadata: try metadata(schema, slot: SchemaSlot.customMetadata)), layouts)
    }

    private static func metadata(_ table: FlatBufferTable, slot: Int) throws(ArrowIPCError) -> [String: String] {
        var metadata: [String: String] = [:]
        for pair in try table.tables(slot, what: { "metadata entry \($0)" }) {
            if let key = try pair.string(0) { metadata[key] = try pair.string(1) ?? "" }
        }
        return metadata
    }

    private static func decodeField(
        _ table: FlatBufferTable, path parent: String?
    ) throws(ArrowIPCError) -> (Field, ArrowColumnLayout) {
        let name = try table.string(FieldSlot.name) ?? ""
        let path = parent.map { "\($0).\(name)" } ?? name
        let children = try table.tables(FieldSlot.children) { "child \($0) of column '\(path)'" }
        var childFields: [Field] = []
        var childLayouts: [ArrowColumnLayout] = []
        for child in children {
            let (field, layout) = try decodeField(child, path: path)
            childFields.append(field)
            childLayouts.append(layout)
        }
        let typeCode = try table.scalar(FieldSlot.typeType, default: UInt8(0))
        let type = try table.table(FieldSlot.type, what: "type of column '\(path)'")
        let (dataType, valueLayout) = try ArrowTypeDecoder.decode(
            typeCode: typeCode, type: type, children: childFields, childLayouts: childLayouts, column: path)
        var layout = valueLayout
        if let dictionary = try table.table(FieldSlot.dictionary, what: "dictionary of column '\(path)'") {
            let id = try dictionary.scalar(0, default: Int64(0))
            let indexType = try dictionary.table(1, what: "dictionary index type of column '\(path)'")
            let bitWidth = Int(try indexType?.scalar(0, default: Int32(32)) ?? 32)
            guard [8, 16, 32, 64].contains(bitWidth), try indexType?.bool(1, default: true) ?? true else {
                throw ArrowIPCError("column '\(path)': dictionary indices must be signed 8 to 64-bit integers")
            }
            layout = .dictionary(id: id, indexBitWidth: bitWidth, values: valueLayout)
        }
        let field = Field(
            name, dataType, nullable: try table.bool(FieldSlot.nullable),
            metadata: try metadata(table, slot: FieldSlot.customMetadata))
        return (field, layout)
    }
}
