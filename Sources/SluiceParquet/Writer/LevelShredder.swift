import SluiceCore

/// Computes the repetition and definition levels of every leaf of a top-level column from its
/// nested arrays (Dremel shredding), the inverse of `NestedFieldAssembler`.
///
/// A flat column costs one pass over its validity. A nested one walks down the tree, keeping one
/// entry per level-to-be: either a slot of the current array, or an entry already ended by a null
/// or an empty list above the leaf, whose definition level is then final.
enum LevelShredder {
    /// The shredded leaves of `column` (typed by `field`), in schema order.
    ///
    /// - Throws: `ParquetError(.invalidEncoding)` naming the column when a non-nullable field holds
    ///   a null.
    static func shred(_ column: any ColumnArray, field: Field) throws(ParquetError) -> [ShreddedLeaf] {
        if !field.dataType.isNested {
            return [try flat(column, field: field)]
        }
        var entries = Entries(count: column.count)
        var leaves: [ShreddedLeaf] = []
        try walk(column, field: field, path: field.name, entries: &entries, definition: 0, repetition: 0, into: &leaves)
        return leaves
    }

    private static func flat(_ column: any ColumnArray, field: Field) throws(ParquetError) -> ShreddedLeaf {
        let count = column.count
        guard let validity = column.validity else {
            return ShreddedLeaf(
                values: column, definitionLevels: nil, repetitionLevels: nil, valueIndices: nil,
                levelCount: count, valueCount: count)
        }
        guard field.nullable else { throw nullInRequired(field.name, validity.nullCount) }
        var levels = [UInt16](repeating: 0, count: count)
        var indices: [Int32] = []
        indices.reserveCapacity(count - validity.nullCount)
        for index in 0..<count where validity.isValid(index) {
            levels[index] = 1
            indices.append(Int32(truncatingIfNeeded: index))
        }
        return ShreddedLeaf(
            values: column, definitionLevels: levels, repetitionLevels: nil, valueIndices: indices,
            levelCount: count, valueCount: indices.count)
    }

    /// The levels being built: per entry, the slot in the current array (-1 once ended) and the
    /// definition and repetition levels so far.
    private struct Entries {
        var slots: [Int32]
        var definitions: [UInt16]
        var repetitions: [UInt16]

        init(count: Int) {
            slots = (0..<count).map { Int32(truncatingIfNeeded: $0) }
            definitions = [UInt16](repeating: 0, count: count)
            repetitions = [UInt16](repeating: 0, count: count)
        }

        init(capacity: Int) {
            slots = []
            definitions = []
            repetitions = []
            slots.reserveCapacity(capacity)
            definitions.reserveCapacity(capacity)
            repetitions.reserveCapacity(capacity)
        }

        mutating func append(slot: Int32, definition: UInt16, repetition: UInt16) {
            slots.append(slot)
            definitions.append(definition)
            repetitions.append(repetition)
        }
    }

    /// Descends into `array` (the values of `field`) for the live entries. `definition` is the
    /// level every live entry has reached above `field`, `repetition` the repetition level of the
    /// innermost list around it.
    private static func walk(
        _ array: any ColumnArray, field: Field, path: String, entries: inout Entries, definition: Int, repetition: Int,
        into leaves: inout [ShreddedLeaf]
    ) throws(ParquetError) {
        var definition = definition
        if field.nullable {
            definition += 1
            let level = UInt16(definition)
            let validity = array.validity
            for position in entries.slots.indices where entries.slots[position] >= 0 {
                if let validity, validity.isNull(Int(entries.slots[position])) {
                    entries.slots[position] = -1
                } else {
                    entries.definitions[position] = level
                }
            }
        } else if let validity = array.validity {
            for slot in entries.slots where slot >= 0 && validity.isNull(Int(slot)) {
                throw nullInRequired(path, validity.nullCount)
            }
        }
        // Nullability comes from the writer's field, not the array's: the levels must match the
        // file's schema.
        switch (array, field.dataType) {
        case (let structs as StructArray, .struct(let fields)):
            for (child, childField) in zip(structs.children, fields) {
                var childEntries = entries
                try walk(
                    child, field: childField, path: path + "." + childField.name, entries: &childEntries,
                    definition: definition, repetition: repetition, into: &leaves)
            }
        case (let list as ListArray, .list(let element)):
            var inner = expand(entries, offsets: list.offsets, definition: definition, repetition: repetition)
            try walk(
                list.values, field: element, path: path + ".list.element", entries: &inner,
                definition: definition + 1, repetition: repetition + 1, into: &leaves)
        case (let map as MapArray, .map(let key, let value, _)):
            var inner = expand(entries, offsets: map.offsets, definition: definition, repetition: repetition)
            let entryField = Field("key_value", .struct([key, value]), nullable: false)
            try walk(
                map.entries, field: entryField, path: path + ".key_value", entries: &inner,
                definition: definition + 1, repetition: repetition + 1, into: &leaves)
        case (_, .struct), (_, .list), (_, .map):
            throw ParquetError(
                .unsupported, "the array is \(array.dataType), the writer's schema says \(field.dataType)", column: path
            )
        default:
            leaves.append(leaf(array, entries: entries, definition: definition))
        }
    }

    /// One entry per list element for the live entries (an empty list ends its entry): the first
    /// element keeps the entry's repetition level, the others repeat at this list's level.
    private static func expand(_ entries: Entries, offsets: OffsetBuffer, definition: Int, repetition: Int) -> Entries {
        var inner = Entries(capacity: max(entries.slots.count, offsets.last - offsets.first))
        let elementDefinition = UInt16(definition + 1)
        let repeated = UInt16(repetition + 1)
        offsets.withUnsafeOffsets { offsets in
            for position in entries.slots.indices {
                let slot = Int(entries.slots[position])
                let start = slot >= 0 ? Int(offsets[slot]) : 0
                let end = slot >= 0 ? Int(offsets[slot + 1]) : 0
                if start == end {
                    inner.append(
                        slot: -1, definition: entries.definitions[position], repetition: entries.repetitions[position])
                    continue
                }
                inner.append(
                    slot: Int32(truncatingIfNeeded: start), definition: elementDefinition,
                    repetition: entries.repetitions[position])
                for element in start + 1..<end {
                    inner.append(
                        slot: Int32(truncatingIfNeeded: element), definition: elementDefinition, repetition: repeated)
                }
            }
        }
        return inner
    }

    private static func leaf(_ array: any ColumnArray, entries: Entries, definition: Int) -> ShreddedLeaf {
        var indices: [Int32] = []
        indices.reserveCapacity(entries.slots.count)
        for slot in entries.slots where slot >= 0 { indices.append(slot) }
        return ShreddedLeaf(
            values: array, definitionLevels: definition > 0 ? entries.definitions : nil,
            repetitionLevels: entries.repetitions, valueIndices: indices,
            levelCount: entries.slots.count, valueCount: indices.count)
    }

    private static func nullInRequired(_ path: String, _ nullCount: Int) -> ParquetError {
        ParquetError(
            .invalidEncoding, "the field is not nullable but its array holds \(nullCount) null(s)", column: path)
    }
}
