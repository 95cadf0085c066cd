import SluiceCore

/// What a column reader needs to know about one leaf column: how its values are stored, the
/// levels they carry, and the columnar type they decode into.
public struct ColumnDescriptor: Sendable, Hashable {
    /// The position of the column among the leaves (and in each row group's `columns`).
    public var index: Int
    /// Names from the first field below the root down to the leaf.
    public var path: [String]
    public var physicalType: PhysicalType
    /// The byte width of FIXED_LEN_BYTE_ARRAY values (0 for other types).
    public var typeLength: Int
    public var maxDefinitionLevel: Int
    public var maxRepetitionLevel: Int
    public var repetition: FieldRepetitionType
    public var logicalType: LogicalType?
    public var convertedType: ConvertedType?
    /// The leaf's schema element as written.
    public var element: SchemaElement
    /// The columnar type of the leaf's values (a repeated leaf's element type, not the list).
    public var dataType: DataType
    /// Whether the values are UUIDs (stored as fixedSizeBinary(16)).
    public var isUUID: Bool { logicalType == .uuid }

    public init(
        index: Int,
        path: [String],
        physicalType: PhysicalType,
        typeLength: Int,
        maxDefinitionLevel: Int,
        maxRepetitionLevel: Int,
        repetition: FieldRepetitionType,
        logicalType: LogicalType?,
        convertedType: ConvertedType?,
        element: SchemaElement,
        dataType: DataType
    ) {
        self.index = index
        self.path = path
        self.physicalType = physicalType
        self.typeLength = typeLength
        self.maxDefinitionLevel = maxDefinitionLevel
        self.maxRepetitionLevel = maxRepetitionLevel
        self.repetition = repetition
        self.logicalType = logicalType
        self.convertedType = convertedType
        self.element = element
        self.dataType = dataType
    }

    /// The path joined with dots, e.g. `a.b.c` (how errors and `--columns` name a column).
    public var dottedPath: String { path.joined(separator: ".") }
}
