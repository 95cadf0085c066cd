/// One node of the flattened schema tree (parquet.thrift `SchemaElement`): a group when
/// `numChildren` is set, else a leaf with a physical `type`. Nodes are listed depth first.
public struct SchemaElement: ThriftStruct, Hashable {
    /// The physical type of a leaf; nil for a group.
    public var type: PhysicalType?
    /// The byte length of FIXED_LEN_BYTE_ARRAY values.
    public var typeLength: Int32?
    /// Nil only for the root.
    public var repetitionType: FieldRepetitionType?
    public var name: String
    /// The number of children of a group; nil for a leaf.
    public var numChildren: Int32?
    public var convertedType: ConvertedType?
    /// Decimal scale and precision of the legacy DECIMAL annotation.
    public var scale: Int32?
    public var precision: Int32?
    public var fieldId: Int32?
    public var logicalType: LogicalType?

    public init(
        name: String,
        type: PhysicalType? = nil,
        typeLength: Int32? = nil,
        repetitionType: FieldRepetitionType? = nil,
        numChildren: Int32? = nil,
        convertedType: ConvertedType? = nil,
        scale: Int32? = nil,
        precision: Int32? = nil,
        fieldId: Int32? = nil,
        logicalType: LogicalType? = nil
    ) {
        self.type = type
        self.typeLength = typeLength
        self.repetitionType = repetitionType
        self.name = name
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.scale = scale
        self.precision = precision
        self.fieldId = fieldId
        self.logicalType = logicalType
    }

    public init(from reader: inout ThriftCompactReader) throws(ParquetError) {
        var name: String?
        self.init(name: "")
        try reader.readStruct("SchemaElement") { (reader, field) throws(ParquetError) in
            switch field.id {
            case 1: type = try reader.readEnum(field, "Type")
            case 2: typeLength = try reader.readI32(field)
            case 3: repetitionType = try reader.readEnum(field, "FieldRepetitionType")
            case 4: name = try reader.readString(field)
            case 5: numChildren = try reader.readI32(field)
            case 6: convertedType = try reader.readEnum(field, "ConvertedType")
            case 7: scale = try reader.readI32(field)
            case 8: precision = try reader.readI32(field)
            case 9: fieldId = try reader.readI32(field)
            case 10: logicalType = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        self.name = try reader.required(name, "name", in: "SchemaElement")
    }

    public func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in
            writer.writeField(1, enum: type)
            writer.writeField(2, i32: typeLength)
            writer.writeField(3, enum: repetitionType)
            writer.writeField(4, string: name)
            writer.writeField(5, i32: numChildren)
            writer.writeField(6, enum: convertedType)
            writer.writeField(7, i32: scale)
            writer.writeField(8, i32: precision)
            writer.writeField(9, i32: fieldId)
            writer.writeField(10, struct: logicalType)
        }
    }
}
