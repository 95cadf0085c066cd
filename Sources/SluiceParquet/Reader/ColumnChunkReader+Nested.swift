import SluiceCore

extension ColumnChunkReader {
    /// A reader for one chunk of a leaf inside a list, map or struct (any levels).
    ///
    /// - Throws: `ParquetError(.invalidMetadata)` when the chunk's physical type contradicts the
    ///   schema.
    static func nested(
        descriptor: ColumnDescriptor, metadata: ColumnMetaData, file: String? = nil, rowGroup: Int? = nil
    ) throws(ParquetError) -> ColumnChunkReader {
        try ColumnChunkReader(descriptor: descriptor, metadata: metadata, file: file, rowGroup: rowGroup, nested: true)
    }

    /// Decodes every page of the chunk keeping all levels, for `NestedFieldAssembler`.
    ///
    /// `slotLevel` is the definition level at which the leaf has a slot: that of its innermost
    /// repeated ancestor (or itself when repeated), 0 outside lists. Entries below it belong to an
    /// empty or null list and get no slot in the leaf's array.
    func readNested(_ bytes: [UInt8], slotLevel: Int) throws(ParquetError) -> NestedLeafColumn {
        var values = try decodePages(bytes)
        let entries = values.rowCount
        let repetition: [UInt8] =
            descriptor.maxRepetitionLevel > 0
            ? values.repetitionLevels.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }
            : [UInt8](repeating: 0, count: entries)
        let definition: [UInt8] =
            descriptor.maxDefinitionLevel > 0
            ? values.levels.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }
            : [UInt8](repeating: 0, count: entries)
        // The flat array builder spreads the dense values over rows by definition level; handing it
        // only the slot entries makes it build the leaf's array as the assembler needs it.
        let threshold = UInt8(clamping: slotLevel)
        var slotLevels = MutableBuffer(capacity: entries)
        var slots = 0
        for level in definition where level >= threshold {
            slotLevels.append(level)
            slots += 1
        }
        guard values.valueCount <= slots else {
            throw place(ParquetError(.invalidPage, "\(values.valueCount) values for \(slots) slots"))
        }
        values.levels = slotLevels
        values.rowCount = slots
        do throws(ParquetError) {
            let array = try ChunkArrayBuilder.makeArray(from: values, descriptor: descriptor)
            return NestedLeafColumn(
                descriptor: descriptor, repetitionLevels: repetition, definitionLevels: definition, values: array)
        } catch {
            throw place(error)
        }
    }
}
