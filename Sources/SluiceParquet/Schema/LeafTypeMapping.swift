import SluiceCore

/// Maps a leaf column's physical type and annotation to a columnar `DataType`, the way pyarrow
/// does when a file has no stored Arrow schema: the logical type first, then the legacy converted
/// type, then the physical type.
enum LeafTypeMapping {
    /// The field metadata key that marks a UUID column (Arrow's canonical extension name).
    static let extensionNameKey = "ARROW:extension:name"
    static let uuidExtensionName = "arrow.uuid"

    /// The type of the values of `element` (a leaf).
    ///
    /// - Throws: `ParquetError(.unsupported)` for annotations the columnar model cannot hold
    ///   (decimal precision above 38) and `.invalidMetadata` for annotations that contradict the
    ///   physical type.
    static func dataType(of element: SchemaElement, physicalType: PhysicalType) throws(ParquetError) -> DataType {
        switch element.logicalType {
        case .some(.unrecognized), .none:
            // An annotation this reader does not know falls back to the legacy one, like a reader
            // that predates it.
            if let converted = element.convertedType {
                return try dataType(converted: converted, element: element, physicalType: physicalType)
            }
            return try plain(physicalType, element)
        case .some(let logical):
            return try dataType(logical: logical, element: element, physicalType: physicalType)
        }
    }

    private static func dataType(logical: LogicalType, element: SchemaElement, physicalType: PhysicalType)
        throws(ParquetError) -> DataType
    {
        switch logical {
        case .string, .enum, .json:
            try require(physicalType == .byteArray, logical, physicalType, element)
            return .string
        case .bson:
            try require(physicalType == .byteArray, logical, physicalType, element)
            return .binary
        case .decimal(let precision, let scale):
            return try decimal(Int(precision), Int(scale), physicalType, element)
        case .date:
            try require(physicalType == .int32, logical, physicalType, element)
            return .date32
        case .time(_, let unit):
            switch (unit, physicalType) {
            case (.millis, .int32), (.micros, .int64), (.nanos, .int64): return .time(unit.timeUnit)
            default: throw mismatch(logical, physicalType, element)
            }
        case .timestamp(let isAdjustedToUTC, let unit):
            try require(physicalType == .int64, logical, physicalType, element)
            return .timestamp(unit.timeUnit, timezone: isAdjustedToUTC ? "UTC" : nil)
        case .integer(let bitWidth, let isSigned):
            return try integer(Int(bitWidth), isSigned, logical, physicalType, element)
        case .uuid:
            try require(physicalType == .fixedLenByteArray && element.typeLength == 16, logical, physicalType, element)
            return .fixedSizeBinary(byteWidth: 16)
        case .float16:
            try require(physicalType == .fixedLenByteArray && element.typeLength == 2, logical, physicalType, element)
            return .float16
        case .null, .unrecognized:
            // There is no null type in the columnar model: read the (all-null) values as stored.
            return try plain(physicalType, element)
        case .map, .list:
            throw ParquetError(
                .invalidMetadata, "leaf column \"\(element.name)\" is annotated \(logical), which needs a group")
        }
    }

    private static func dataType(converted: ConvertedType, element: SchemaElement, physicalType: PhysicalType)
        throws(ParquetError) -> DataType
    {
        let logical: LogicalType
        switch converted {
        case .utf8: logical = .string
        case .enum: logical = .enum
        case .json: logical = .json
        case .bson: logical = .bson
        case .decimal:
            guard let precision = element.precision else {
                throw ParquetError(
                    .invalidMetadata, "column \"\(element.name)\" is annotated DECIMAL without a precision")
            }
            logical = .decimal(precision: precision, scale: element.scale ?? 0)
        case .date: logical = .date
        // Legacy time and timestamp annotations are UTC-adjusted by definition.
        case .timeMillis: logical = .time(isAdjustedToUTC: true, unit: .millis)
        case .timeMicros: logical = .time(isAdjustedToUTC: true, unit: .micros)
        case .timestampMillis: logical = .timestamp(isAdjustedToUTC: true, unit: .millis)
        case .timestampMicros: logical = .timestamp(isAdjustedToUTC: true, unit: .micros)
        case .int8: logical = .integer(bitWidth: 8, isSigned: true)
        case .int16: logical = .integer(bitWidth: 16, isSigned: true)
        case .int32: logical = .integer(bitWidth: 32, isSigned: true)
        case .int64: logical = .integer(bitWidth: 64, isSigned: true)
        case .uint8: logical = .integer(bitWidth: 8, isSigned: false)
        case .uint16: logical = .integer(bitWidth: 16, isSigned: false)
        case .uint32: logical = .integer(bitWidth: 32, isSigned: false)
        case .uint64: logical = .integer(bitWidth: 64, isSigned: false)
        case .interval:
            // Months, days and milliseconds: kept as the 12 raw bytes, as pyarrow does.
            guard physicalType == .fixedLenByteArray, element.typeLength == 12 else {
                throw ParquetError(
                    .invalidMetadata,
                    "column \"\(element.name)\" is annotated INTERVAL but is not FIXED_LEN_BYTE_ARRAY(12)")
            }
            return .fixedSizeBinary(byteWidth: 12)
        case .map, .list, .mapKeyValue:
            // A nested annotation on a leaf says nothing about its values; pyarrow ignores it too.
            return try plain(physicalType, element)
        }
        return try dataType(logical: logical, element: element, physicalType: physicalType)
    }

    /// The type of an unannotated value.
    private static func plain(_ physicalType: PhysicalType, _ element: SchemaElement) throws(ParquetError) -> DataType {
        switch physicalType {
        case .boolean: return .boolean
        case .int32: return .int32
        case .int64: return .int64
        // pyarrow's default for legacy INT96 timestamps.
        case .int96: return .timestamp(.nanosecond, timezone: nil)
        case .float: return .float32
        case .double: return .float64
        case .byteArray: return .binary
        case .fixedLenByteArray: return .fixedSizeBinary(byteWidth: try fixedLength(element))
        }
    }

    private static func fixedLength(_ element: SchemaElement) throws(ParquetError) -> Int {
        guard let length = element.typeLength, length >= 0 else {
            throw ParquetError(
                .invalidMetadata, "FIXED_LEN_BYTE_ARRAY column \"\(element.name)\" has no valid type_length")
        }
        return Int(length)
    }

    private static func decimal(_ precision: Int, _ scale: Int, _ physicalType: PhysicalType, _ element: SchemaElement)
        throws(ParquetError) -> DataType
    {
        guard precision >= 1, scale >= 0, scale <= precision else {
            throw ParquetError(
                .invalidMetadata, "column \"\(element.name)\" has an invalid decimal(\(precision),\(scale))")
        }
        guard precision <= 38 else {
            throw ParquetError(
                .unsupported,
                "column \"\(element.name)\" is decimal(\(precision),\(scale)); precision above 38 is not supported")
        }
        switch physicalType {
        case .int32 where precision <= 9, .int64 where precision <= 18, .byteArray:
            break
        case .fixedLenByteArray:
            let length = try fixedLength(element)
            guard length >= 1 else {
                throw ParquetError(.invalidMetadata, "decimal column \"\(element.name)\" has type_length 0")
            }
        default:
            throw ParquetError(
                .invalidMetadata,
                "column \"\(element.name)\" is decimal(\(precision),\(scale)) stored as \(physicalType)")
        }
        return .decimal(precision: precision, scale: scale)
    }

    private static func integer(
        _ bitWidth: Int, _ isSigned: Bool, _ logical: LogicalType, _ physicalType: PhysicalType,
        _ element: SchemaElement
    ) throws(ParquetError) -> DataType {
        switch (bitWidth, isSigned, physicalType) {
        case (8, true, .int32): return .int8
        case (16, true, .int32): return .int16
        case (32, true, .int32): return .int32
        case (8, false, .int32): return .uint8
        case (16, false, .int32): return .uint16
        case (32, false, .int32): return .uint32
        case (64, true, .int64): return .int64
        case (64, false, .int64): return .uint64
        default: throw mismatch(logical, physicalType, element)
        }
    }

    private static func require(
        _ condition: Bool, _ logical: LogicalType, _ physicalType: PhysicalType, _ element: SchemaElement
    )
        throws(ParquetError)
    {
        guard condition else { throw mismatch(logical, physicalType, element) }
    }

    private static func mismatch(_ logical: LogicalType, _ physicalType: PhysicalType, _ element: SchemaElement)
        -> ParquetError
    {
        ParquetError(
            .invalidMetadata, "column \"\(element.name)\" is annotated \(logical) but stored as \(physicalType)")
    }
}
