import SluiceCore

/// Assembles one top-level nested field (list, map, struct, nested to any depth) from the decoded
/// chunks of its leaves, Dremel style: repetition levels say where lists start, definition levels
/// which lists and structs are null or empty.
///
/// Every node of the field has "slots": the entries of a leaf below it whose repetition level is at
/// most the node's and whose definition level reaches the level of the node's innermost repeated
/// ancestor (or the node itself when repeated). A list's offsets count its element slots within
/// each of its own slots; a struct's children have one slot per struct slot. The schema is walked
/// the way `FieldMapping` maps it, so the arrays have exactly the types of the file's `Schema`.
struct NestedFieldAssembler {
    /// The field's top-level schema node.
    let node: SchemaNode
    /// The decoded chunks of the field's leaves, in schema order.
    let leaves: [NestedLeafColumn]

    /// The definition level at which each leaf below `node` has a slot (see
    /// `ColumnChunkReader.readNested(_:slotLevel:)`), in schema order.
    static func slotLevels(of node: SchemaNode) -> [Int] {
        var levels: [Int] = []
        collectSlotLevels(node, inherited: 0, into: &levels)
        return levels
    }

    private static func collectSlotLevels(_ node: SchemaNode, inherited: Int, into levels: inout [Int]) {
        let level = node.isRepeated ? node.maxDefinitionLevel : inherited
        if node.isLeaf {
            levels.append(level)
            return
        }
        for child in node.children { collectSlotLevels(child, inherited: level, into: &levels) }
    }

    /// The array of the field, typed `dataType` (the field's type in the file's `Schema`).
    ///
    /// - Throws: `ParquetError(.invalidPage)` when the leaves' levels or values do not fit together.
    func assemble(as dataType: DataType) throws(ParquetError) -> any ColumnArray {
        try mapped(node, dataType, slotLevel: 0)
    }

    // MARK: - The schema walk (mirrors FieldMapping)

    private func mapped(_ node: SchemaNode, _ type: DataType, slotLevel: Int) throws(ParquetError) -> any ColumnArray {
        if node.isLeaf {
            let values = try leaf(of: node).values
            guard node.isRepeated else { return values }
            // A repeated leaf is a non-null list of its values.
            return try list(
                of: node, type, slots: Slots(repetition: node.maxRepetitionLevel - 1, level: slotLevel),
                nullBelow: nil, elements: Slots(repetition: node.maxRepetitionLevel, level: node.maxDefinitionLevel),
                values: values)
        }
        if node.isListAnnotated { return try listField(node, type, slotLevel: slotLevel, asElement: false) }
        if node.isMapAnnotated && !node.isRepeated { return try mapField(node, type, slotLevel: slotLevel) }
        if node.isRepeated {
            // A repeated group without an annotation is a non-null list of non-null structs.
            guard case .list(let element) = type else { throw mismatch(node, type) }
            let structs = try structure(
                node, node.children, element.dataType, slotLevel: node.maxDefinitionLevel, nullable: false)
            return try list(
                of: node, type, slots: Slots(repetition: node.maxRepetitionLevel - 1, level: slotLevel),
                nullBelow: nil, elements: Slots(repetition: node.maxRepetitionLevel, level: node.maxDefinitionLevel),
                values: structs)
        }
        return try structure(node, node.children, type, slotLevel: slotLevel, nullable: node.isOptional)
    }

    /// A LIST-annotated group (three-level or legacy two-level forms, as `FieldMapping.listField`).
    private func listField(_ node: SchemaNode, _ type: DataType, slotLevel: Int, asElement: Bool)
        throws(ParquetError) -> any ColumnArray
    {
        guard case .list(let elementField) = type, let repeated = node.children.first else {
            throw mismatch(node, type)
        }
        let elementLevel = repeated.maxDefinitionLevel
        let values: any ColumnArray
        if repeated.isLeaf {
            values = try leaf(of: repeated).values
        } else if repeated.isListAnnotated {
            values = try listField(repeated, elementField.dataType, slotLevel: elementLevel, asElement: true)
        } else if repeated.children.count == 1 && !(repeated.name == "array" || repeated.name.hasSuffix("_tuple")) {
            values = try mapped(repeated.children[0], elementField.dataType, slotLevel: elementLevel)
        } else {
            values = try structure(
                repeated, repeated.children, elementField.dataType, slotLevel: elementLevel, nullable: false)
        }
        // A repeated LIST group as the element of an outer list is itself the repeated node.
        let slots =
            asElement
            ? Slots(repetition: node.maxRepetitionLevel, level: node.maxDefinitionLevel)
            : Slots(repetition: node.maxRepetitionLevel, level: slotLevel)
        return try list(
            of: node, type, slots: slots,
            nullBelow: node.isOptional && !asElement ? node.maxDefinitionLevel : nil,
            elements: Slots(repetition: repeated.maxRepetitionLevel, level: elementLevel), values: values)
    }

    /// A MAP-annotated group: a map, or a list of keys when the key/value group has no value.
    private func mapField(_ node: SchemaNode, _ type: DataType, slotLevel: Int) throws(ParquetError)
        -> any ColumnArray
    {
        guard let keyValue = node.children.first, let keyNode = keyValue.children.first else {
            throw mismatch(node, type)
        }
        let slots = Slots(repetition: node.maxRepetitionLevel, level: slotLevel)
        let entries = Slots(repetition: keyValue.maxRepetitionLevel, level: keyValue.maxDefinitionLevel)
        let nullBelow = node.isOptional ? node.maxDefinitionLevel : nil
        switch type {
        case .list(let keyField):
            let keys = try mapped(keyNode, keyField.dataType, slotLevel: keyValue.maxDefinitionLevel)
            return try list(of: node, type, slots: slots, nullBelow: nullBelow, elements: entries, values: keys)
        case .map(let keyField, let valueField, let keysSorted) where keyValue.children.count == 2:
            let keys = try mapped(keyNode, keyField.dataType, slotLevel: keyValue.maxDefinitionLevel)
            let values = try mapped(
                keyValue.children[1], valueField.dataType, slotLevel: keyValue.maxDefinitionLevel)
            let (offsets, validity, _) = try self.offsets(
                of: node, slots: slots, nullBelow: nullBelow, elements: entries)
            return try Self.wrap {
                try MapArray(
                    keyField: keyField, valueField: valueField, keysSorted: keysSorted, offsets: offsets, keys: keys,
                    values: values, validity: validity)
            }
        default:
            throw mismatch(node, type)
        }
    }

    /// A struct of `children` (of `node`, or of a repeated group standing for the element).
    private func structure(
        _ node: SchemaNode, _ children: [SchemaNode], _ type: DataType, slotLevel: Int, nullable: Bool
    ) throws(ParquetError) -> StructArray {
        guard case .struct(let fields) = type, fields.count == children.count else { throw mismatch(node, type) }
        var arrays: [any ColumnArray] = []
        arrays.reserveCapacity(children.count)
        for (child, field) in zip(children, fields) {
            arrays.append(try mapped(child, field.dataType, slotLevel: slotLevel))
        }
        // The struct's own slots give its length (a struct of no leaf never occurs: groups have leaves).
        let leaf = try leaf(of: node)
        let repetition = UInt8(clamping: node.maxRepetitionLevel)
        let level = UInt8(clamping: slotLevel)
        let present = UInt8(clamping: node.maxDefinitionLevel)
        var bits = BitBufferBuilder(capacity: nullable ? leaf.definitionLevels.count : 0)
        var count = 0
        var hasNull = false
        for (rep, def) in zip(leaf.repetitionLevels, leaf.definitionLevels) where rep <= repetition && def >= level {
            count += 1
            if nullable {
                bits.append(def >= present)
                hasNull = hasNull || def < present
            }
        }
        let validity = hasNull ? ValidityBitmap(bits.finish()) : nil
        return try Self.wrap { try StructArray(fields: fields, children: arrays, validity: validity, count: count) }
    }

    // MARK: - Levels to offsets

    /// Which entries start a slot: repetition level at most `repetition`, definition level at
    /// least `level`.
    private struct Slots {
        let repetition: Int
        let level: Int
    }

    /// A list array of `values` whose offsets come from `node`'s first leaf.
    private func list(
        of node: SchemaNode, _ type: DataType, slots: Slots, nullBelow: Int?, elements: Slots,
        values: any ColumnArray
    ) throws(ParquetError) -> ListArray {
        guard case .list(let elementField) = type else { throw mismatch(node, type) }
        let (offsets, validity, _) = try offsets(of: node, slots: slots, nullBelow: nullBelow, elements: elements)
        return try Self.wrap {
            try ListArray(elementField: elementField, offsets: offsets, values: values, validity: validity)
        }
    }

    /// The offsets of a list (or map) at `node`: for each of its slots, where its element slots
    /// start; a slot whose definition level is below `nullBelow` is null.
    private func offsets(of node: SchemaNode, slots: Slots, nullBelow: Int?, elements: Slots)
        throws(ParquetError) -> (OffsetBuffer, ValidityBitmap?, Int)
    {
        let leaf = try leaf(of: node)
        let entries = leaf.definitionLevels.count
        let slotRepetition = UInt8(clamping: max(0, slots.repetition))
        let slotLevel = UInt8(clamping: slots.level)
        let elementRepetition = UInt8(clamping: elements.repetition)
        let elementLevel = UInt8(clamping: elements.level)
        let present = UInt8(clamping: nullBelow ?? 0)
        var offsets = MutableBuffer(capacity: 4 * (entries + 1))
        var bits = BitBufferBuilder(capacity: nullBelow == nil ? 0 : entries)
        var hasNull = false
        var elementCount = 0
        var slotCount = 0
        for (rep, def) in zip(leaf.repetitionLevels, leaf.definitionLevels) {
            if rep <= slotRepetition && def >= slotLevel {
                offsets.append(Int32(truncatingIfNeeded: elementCount))
                slotCount += 1
                if nullBelow != nil {
                    bits.append(def >= present)
                    hasNull = hasNull || def < present
                }
            }
            if rep <= elementRepetition && def >= elementLevel { elementCount += 1 }
        }
        guard elementCount <= Int(Int32.max) else {
            throw ParquetError(.unsupported, "\(elementCount) list elements exceed 32-bit offsets")
        }
        offsets.append(Int32(elementCount))
        let buffer = offsets.finish()
        let offsetBuffer = try Self.wrap { try OffsetBuffer(buffer) }
        return (offsetBuffer, hasNull ? ValidityBitmap(bits.finish()) : nil, slotCount)
    }

    /// The decoded chunk of the first leaf at or below `node` (all leaves below a node agree on
    /// its slots).
    private func leaf(of node: SchemaNode) throws(ParquetError) -> NestedLeafColumn {
        let index = node.firstColumnIndex - self.node.firstColumnIndex
        guard leaves.indices.contains(index) else {
            throw ParquetError(.invalidMetadata, "no decoded leaf for \(node.path.joined(separator: "."))")
        }
        return leaves[index]
    }

    private func mismatch(_ node: SchemaNode, _ type: DataType) -> ParquetError {
        ParquetError(.invalidMetadata, "\(node.path.joined(separator: ".")) does not map to \(type)")
    }

    /// Runs a SluiceCore constructor, turning its error into a `ParquetError`.
    private static func wrap<R>(_ body: () throws -> R) throws(ParquetError) -> R {
        do {
            return try body()
        } catch {
            throw ParquetError(.invalidPage, "the levels do not assemble into an array: \(error)")
        }
    }
}
