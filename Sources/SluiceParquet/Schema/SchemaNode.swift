/// One node of a parquet schema tree: a group with children or a leaf column, with the levels
/// that its values carry.
public struct SchemaNode: Sendable, Hashable {
    public var element: SchemaElement
    public var children: [SchemaNode]
    /// Names from the first field below the root down to this node.
    public var path: [String]
    /// The definition level a value at this node has when it is present.
    public var maxDefinitionLevel: Int
    /// The repetition level of this node's innermost repeated ancestor (or itself).
    public var maxRepetitionLevel: Int
    /// The index of the first leaf column at or below this node.
    public var firstColumnIndex: Int

    public init(
        element: SchemaElement,
        children: [SchemaNode],
        path: [String],
        maxDefinitionLevel: Int,
        maxRepetitionLevel: Int,
        firstColumnIndex: Int
    ) {
        self.element = element
        self.children = children
        self.path = path
        self.maxDefinitionLevel = maxDefinitionLevel
        self.maxRepetitionLevel = maxRepetitionLevel
        self.firstColumnIndex = firstColumnIndex
    }

    public var name: String { element.name }

    /// Whether the node is a leaf column (it has a physical type and no children).
    public var isLeaf: Bool { element.type != nil && (element.numChildren ?? 0) == 0 }

    /// The node's repetition (the root, which has none, counts as required).
    public var repetition: FieldRepetitionType { element.repetitionType ?? .required }

    public var isRepeated: Bool { repetition == .repeated }
    public var isOptional: Bool { repetition == .optional }
    public var isRequired: Bool { repetition == .required }

    /// Whether the group is annotated as a LIST (logical or converted type).
    public var isListAnnotated: Bool {
        element.logicalType == .list || element.convertedType == .list
    }

    /// Whether the group is annotated as a MAP (logical type, or converted MAP / MAP_KEY_VALUE).
    public var isMapAnnotated: Bool {
        element.logicalType == .map || element.convertedType == .map || element.convertedType == .mapKeyValue
    }
}
