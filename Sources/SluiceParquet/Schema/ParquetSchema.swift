import SluiceCore

/// A file's schema: the tree rebuilt from the flat `SchemaElement` list, its leaf columns with
/// their levels, and the equivalent columnar `Schema` (mapped the way pyarrow maps a file without
/// a stored Arrow schema).
public struct ParquetSchema: Sendable {
    /// The deepest nesting accepted; real schemas nest a few levels, a hostile footer could nest
    /// millions and overflow the stack.
    public static let maximumDepth = 128

    /// The root group (its children are the top-level fields).
    public let root: SchemaNode
    /// The leaf columns in schema order (the order of each row group's column chunks).
    public let columns: [ColumnDescriptor]
    /// The columnar schema: one field per top-level node.
    public let schema: Schema

    /// Builds the schema of a file from its metadata; the key/value metadata (without the stored
    /// `ARROW:schema`) becomes the schema's metadata. Checks that every row group has one chunk per
    /// leaf column.
    ///
    /// - Throws: `ParquetError(.invalidMetadata)` for a malformed tree or a row group with the
    ///   wrong number of columns, `.unsupported` for types the columnar model cannot hold.
    public init(metadata: FileMetaData) throws(ParquetError) {
        var keyValues: [String: String] = [:]
        for entry in metadata.keyValueMetadata ?? [] where entry.key != "ARROW:schema" {
            keyValues[entry.key] = entry.value ?? ""
        }
        try self.init(elements: metadata.schema, metadata: keyValues)
        for (index, rowGroup) in metadata.rowGroups.enumerated() where rowGroup.columns.count != columns.count {
            throw ParquetError(
                .invalidMetadata,
                "row group has \(rowGroup.columns.count) column chunks but the schema has \(columns.count) leaf columns",
                rowGroup: index)
        }
    }

    /// Builds the schema from the depth-first list of schema elements (the first is the root).
    public init(elements: [SchemaElement], metadata: [String: String] = [:]) throws(ParquetError) {
        guard let rootElement = elements.first else {
            throw ParquetError(.invalidMetadata, "the schema is empty (no root element)")
        }
        var builder = TreeBuilder(elements: elements)
        root = try builder.build()
        columns = builder.columns
        guard !columns.isEmpty || (rootElement.numChildren ?? 0) == 0 else {
            throw ParquetError(.invalidMetadata, "the schema has no leaf columns")
        }
        var fields: [Field] = []
        fields.reserveCapacity(root.children.count)
        for child in root.children {
            fields.append(try FieldMapping.field(for: child))
        }
        schema = Schema(fields, metadata: metadata)
    }

    /// The leaf column whose dotted path is `path`.
    public func column(named path: String) -> ColumnDescriptor? {
        columns.first { $0.dottedPath == path }
    }
}

/// Rebuilds the tree from the flattened elements, computing levels and leaf descriptors.
private struct TreeBuilder {
    let elements: [SchemaElement]
    var next = 0
    var columns: [ColumnDescriptor] = []

    init(elements: [SchemaElement]) {
        self.elements = elements
    }

    mutating func build() throws(ParquetError) -> SchemaNode {
        let root = try node(path: [], definitionLevel: 0, repetitionLevel: 0, depth: 0, isRoot: true)
        guard next == elements.count else {
            throw ParquetError(
                .invalidMetadata,
                "the schema tree ends after \(next) of its \(elements.count) elements (num_children is wrong)")
        }
        return root
    }

    private mutating func node(path: [String], definitionLevel: Int, repetitionLevel: Int, depth: Int, isRoot: Bool)
        throws(ParquetError) -> SchemaNode
    {
        guard next < elements.count else {
            throw ParquetError(
                .invalidMetadata,
                "the schema ends early: num_children promises more than the \(elements.count) elements")
        }
        guard depth <= ParquetSchema.maximumDepth else {
            throw ParquetError(.unsupported, "the schema nests deeper than \(ParquetSchema.maximumDepth) levels")
        }
        let element = elements[next]
        next += 1
        let repetition = isRoot ? FieldRepetitionType.required : (element.repetitionType ?? .required)
        guard isRoot || element.repetitionType != nil else {
            throw ParquetError(.invalidMetadata, "schema field \"\(element.name)\" has no repetition type")
        }
        if repetition == .vector {
            throw ParquetError(.unsupported, "schema field \"\(element.name)\" is a VECTOR group")
        }
        let nodePath = isRoot ? [] : path + [element.name]
        let definition = definitionLevel + (repetition == .required ? 0 : 1)
        let repetitionLevel = repetitionLevel + (repetition == .repeated ? 1 : 0)
        let childCount = Int(element.numChildren ?? 0)
        guard childCount >= 0 else {
            throw ParquetError(.invalidMetadata, "schema field \"\(element.name)\" has \(childCount) children")
        }
        let firstColumn = columns.count
        if childCount == 0, let physicalType = element.type, !isRoot {
            let dataType: DataType
            do throws(ParquetError) {
                dataType = try LeafTypeMapping.dataType(of: element, physicalType: physicalType)
            } catch {
                throw error.at(column: nodePath.joined(separator: "."))
            }
            columns.append(
                ColumnDescriptor(
                    index: firstColumn,
                    path: nodePath,
                    physicalType: physicalType,
                    typeLength: Int(element.typeLength ?? 0),
                    maxDefinitionLevel: definition,
                    maxRepetitionLevel: repetitionLevel,
                    repetition: repetition,
                    logicalType: element.logicalType,
                    convertedType: element.convertedType,
                    element: element,
                    dataType: dataType
                ))
            return SchemaNode(
                element: element, children: [], path: nodePath, maxDefinitionLevel: definition,
                maxRepetitionLevel: repetitionLevel, firstColumnIndex: firstColumn)
        }
        // Each child takes at least one element, so a count past the rest is malformed.
        guard childCount <= elements.count - next else {
            throw ParquetError(
                .invalidMetadata,
                "schema group \"\(element.name)\" claims \(childCount) children but only \(elements.count - next) elements follow"
            )
        }
        var children: [SchemaNode] = []
        children.reserveCapacity(childCount)
        for _ in 0..<childCount {
            children.append(
                try node(
                    path: nodePath, definitionLevel: definition, repetitionLevel: repetitionLevel, depth: depth + 1,
                    isRoot: false))
        }
        return SchemaNode(
            element: element, children: children, path: nodePath, maxDefinitionLevel: definition,
            maxRepetitionLevel: repetitionLevel, firstColumnIndex: firstColumn)
    }
}
