import SluiceCore

/// Maps schema nodes to columnar fields the way pyarrow does: LIST and MAP annotated groups
/// (including the legacy two-level list forms of LogicalTypes.md), repeated fields without an
/// annotation as lists of non-null elements, and other groups as structs.
enum FieldMapping {
    /// The field metadata key pyarrow uses for parquet field ids.
    static let fieldIdKey = "PARQUET:field_id"

    /// The field for `node`.
    static func field(for node: SchemaNode) throws(ParquetError) -> Field {
        do throws(ParquetError) {
            return try mapped(node)
        } catch {
            throw error.at(column: node.path.joined(separator: "."))
        }
    }

    private static func mapped(_ node: SchemaNode) throws(ParquetError) -> Field {
        if node.isLeaf {
            let type = try leafType(node)
            if node.isRepeated {
                // A repeated leaf is a list whose elements are never null.
                return Field(node.name, .list(leafField(node, type, nullable: false)), nullable: false)
            }
            return leafField(node, type, nullable: node.isOptional)
        }
        if node.isListAnnotated {
            return try listField(node)
        }
        if node.isMapAnnotated && !node.isRepeated {
            return try mapField(node)
        }
        let structType = DataType.struct(try childFields(node))
        if node.isRepeated {
            // A repeated group without an annotation is a list of non-null structs.
            return Field(node.name, .list(Field(node.name, structType, nullable: false)), nullable: false)
        }
        return Field(node.name, structType, nullable: node.isOptional, metadata: metadata(node))
    }

    private static func childFields(_ node: SchemaNode) throws(ParquetError) -> [Field] {
        var fields: [Field] = []
        fields.reserveCapacity(node.children.count)
        for child in node.children {
            fields.append(try mapped(child))
        }
        return fields
    }

    private static func leafType(_ node: SchemaNode) throws(ParquetError) -> DataType {
        guard let physicalType = node.element.type else {
            throw ParquetError(.invalidMetadata, "leaf \"\(node.name)\" has no physical type")
        }
        return try LeafTypeMapping.dataType(of: node.element, physicalType: physicalType)
    }

    private static func leafField(_ node: SchemaNode, _ type: DataType, nullable: Bool) -> Field {
        var fieldMetadata = metadata(node)
        if node.element.logicalType == .uuid {
            fieldMetadata[LeafTypeMapping.extensionNameKey] = LeafTypeMapping.uuidExtensionName
        }
        return Field(node.name, type, nullable: nullable, metadata: fieldMetadata)
    }

    private static func metadata(_ node: SchemaNode) -> [String: String] {
        guard let fieldId = node.element.fieldId else { return [:] }
        return [fieldIdKey: String(fieldId)]
    }

    /// A LIST-annotated group: `<list> { repeated <repeated> { <element> } }` in the standard
    /// three-level form, or one of the legacy two-level forms.
    ///
    /// `asElement` maps a repeated LIST group that is itself the element of an outer list (a
    /// legacy form pyarrow accepts): the result is a non-null list.
    private static func listField(_ node: SchemaNode, asElement: Bool = false) throws(ParquetError) -> Field {
        guard node.children.count == 1 else {
            throw ParquetError(
                .invalidMetadata, "LIST-annotated group \"\(node.name)\" has \(node.children.count) children, not 1")
        }
        guard asElement || !node.isRepeated else {
            throw ParquetError(.invalidMetadata, "LIST-annotated group \"\(node.name)\" must not be repeated")
        }
        let repeated = node.children[0]
        guard repeated.isRepeated else {
            throw ParquetError(
                .unsupported, "LIST-annotated group \"\(node.name)\" has a non-repeated child \"\(repeated.name)\"")
        }
        let element: Field
        if repeated.isLeaf {
            // Two-level form: the repeated leaf is the element, never null.
            element = leafField(repeated, try leafType(repeated), nullable: false)
        } else if repeated.isListAnnotated {
            // Two-level form whose element is itself a list (`repeated group array (LIST)`).
            element = try listField(repeated, asElement: true)
        } else if repeated.children.count == 1 && !hasStructListName(repeated) {
            // Three-level form: the single child of the repeated group is the element.
            element = try mapped(repeated.children[0])
        } else {
            // Two-level form with a group element (several fields, or named `array` / `*_tuple`).
            element = Field(repeated.name, .struct(try childFields(repeated)), nullable: false)
        }
        return Field(node.name, .list(element), nullable: node.isOptional && !asElement, metadata: metadata(node))
    }

    /// LogicalTypes.md backward-compatibility rule: a repeated group with one field named `array`
    /// or ending in `_tuple` is the element itself (pyarrow accepts any `_tuple` suffix).
    private static func hasStructListName(_ repeated: SchemaNode) -> Bool {
        repeated.name == "array" || repeated.name.hasSuffix("_tuple")
    }

    /// A MAP-annotated group: `<map> { repeated <key_value> { required <key>; <value> } }`.
    private static func mapField(_ node: SchemaNode) throws(ParquetError) -> Field {
        guard node.children.count == 1 else {
            throw ParquetError(
                .invalidMetadata, "MAP-annotated group \"\(node.name)\" has \(node.children.count) children, not 1")
        }
        let keyValue = node.children[0]
        guard keyValue.isRepeated else {
            throw ParquetError(
                .unsupported, "MAP-annotated group \"\(node.name)\" has a non-repeated key/value child")
        }
        guard !keyValue.isLeaf else {
            throw ParquetError(.invalidMetadata, "the key/value child of map \"\(node.name)\" must be a group")
        }
        guard keyValue.children.count == 1 || keyValue.children.count == 2 else {
            throw ParquetError(
                .invalidMetadata,
                "the key/value group of map \"\(node.name)\" has \(keyValue.children.count) children, not 1 or 2")
        }
        let keyNode = keyValue.children[0]
        guard keyNode.isRequired else {
            throw ParquetError(.invalidMetadata, "the keys of map \"\(node.name)\" must be required")
        }
        if keyValue.children.count == 1 {
            // A map without values is a set: pyarrow reads it as a list of keys.
            let key = try mapped(keyNode)
            return Field(node.name, .list(key), nullable: node.isOptional, metadata: metadata(node))
        }
        let key = try mapped(keyNode)
        let value = try mapped(keyValue.children[1])
        return Field(
            node.name, .map(key: key, value: value, keysSorted: false), nullable: node.isOptional,
            metadata: metadata(node))
    }
}
