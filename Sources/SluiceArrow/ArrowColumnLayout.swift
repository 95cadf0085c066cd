import SluiceCore

/// How one column's buffers lie in an Arrow record batch, and the Sluice type they become: what the
/// schema message says, kept for decoding each batch. Most layouts are Sluice's own (Sluice's
/// columnar model is Arrow's); the others name a conversion.
indirect enum ArrowColumnLayout: Sendable {
    /// Arrow's Null type: no buffers. Read as an all-null int32 column, the type the local engine
    /// gives a bare NULL.
    case null
    case boolean
    /// Validity and values of a fixed-width type stored as Sluice stores it.
    case fixedWidth(DataType)
    /// Arrow date64 (milliseconds since the epoch), read as date32 days.
    case dateMilliseconds
    /// Validity, offsets and bytes of `string` or `binary`; `largeOffsets` for Arrow's 64-bit
    /// offset variants, narrowed to Sluice's 32-bit offsets.
    case bytes(DataType, largeOffsets: Bool)
    case fixedSizeBinary(byteWidth: Int)
    case list(element: Field, ArrowColumnLayout)
    case structure([Field], [ArrowColumnLayout])
    /// Validity and offsets of the map, then the entries struct's validity, keys and values.
    case map(key: Field, value: Field, keysSorted: Bool, keys: ArrowColumnLayout, values: ArrowColumnLayout)
    /// Codes of `indexBitWidth` bits into the dictionary with `id`, whose values have `values`' layout.
    case dictionary(id: Int64, indexBitWidth: Int, values: ArrowColumnLayout)
}
