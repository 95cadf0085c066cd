import SluiceCore

/// Converts a columnar `Schema` to the flattened parquet schema the way pyarrow writes it, so that
/// pyarrow and `ParquetSchema` read the same types back:
///
/// - integers: INT32/INT64 with an INTEGER annotation (8/16-bit and unsigned ones too);
///   float16: FIXED_LEN_BYTE_ARRAY(2) FLOAT16; fixed-size binary: FIXED_LEN_BYTE_ARRAY, UUID when
///   the field carries `ARROW:extension:name = arrow.uuid`.
/// - decimals: FIXED_LEN_BYTE_ARRAY of the fewest bytes that hold the precision (pyarrow's default,
///   `store_decimal_as_integer=False`).
/// - time: TIME(MILLIS) on INT32 for seconds (scaled) and milliseconds, INT64 for finer units;
///   timestamp: INT64 TIMESTAMP, `isAdjustedToUTC` when there is a timezone, seconds scaled to
///   milliseconds.
/// - lists: three levels, `<name> (LIST) { repeated group list { element } }`; maps:
///   `<name> (MAP) { repeated group key_value { required key; value } }`; structs: plain groups.
enum SchemaElementConversion {
    /// The elements of `schema`, depth first, the root named `schema` first.
    static func elements(for schema: Schema) throws(ParquetError) -> [SchemaElement] {
        var elements = [SchemaElement(name: "schema", numChildren: Int32(schema.count))]
        for field in schema.fields {
            try append(field, repetition: field.nullable ? .optional : .required, to: &elements)
        }
        return elements
    }

    private static func append(
        _ field: Field, repetition: FieldRepetitionType, to elements: inout [SchemaElement]
    ) throws(ParquetError) {
        switch field.dataType {
        case .list(let element):
            elements.append(
                SchemaElement(
                    name: field.name, repetitionType: repetition, numChildren: 1, convertedType: .list,
                    logicalType: .list))
            elements.append(SchemaElement(name: "list", repetitionType: .repeated, numChildren: 1))
            var renamed = element
            renamed.name = "element"
            try append(renamed, repetition: element.nullable ? .optional : .required, to: &elements)
        case .struct(let fields):
            guard !fields.isEmpty else {
                throw ParquetError(
                    .unsupported, "a struct without fields cannot be written to parquet", column: field.name)
            }
            elements.append(
                SchemaElement(name: field.name, repetitionType: repetition, numChildren: Int32(fields.count)))
            for child in fields {
                try append(child, repetition: child.nullable ? .optional : .required, to: &elements)
            }
        case .map(let key, let value, _):
            elements.append(
                SchemaElement(
                    name: field.name, repetitionType: repetition, numChildren: 1, convertedType: .map,
                    logicalType: .map))
            elements.append(SchemaElement(name: "key_value", repetitionType: .repeated, numChildren: 2))
            var keyField = key
            keyField.name = "key"
            try append(keyField, repetition: .required, to: &elements)
            var valueField = value
            valueField.name = "value"
            try append(valueField, repetition: value.nullable ? .optional : .required, to: &elements)
        default:
            var element = try leaf(field)
            element.repetitionType = repetition
            elements.append(element)
        }
    }

    /// The element of a leaf field (repetition set by the caller).
    static func leaf(_ field: Field) throws(ParquetError) -> SchemaElement {
        let name = field.name
        switch field.dataType {
        case .boolean: return SchemaElement(name: name, type: .boolean)
        case .int8: return integer(name, 8, true, .int8)
        case .int16: return integer(name, 16, true, .int16)
        case .int32: return integer(name, 32, true, .int32)
        case .int64: return integer(name, 64, true, .int64)
        case .uint8: return integer(name, 8, false, .uint8)
        case .uint16: return integer(name, 16, false, .uint16)
        case .uint32: return integer(name, 32, false, .uint32)
        case .uint64: return integer(name, 64, false, .uint64)
        case .float16: return SchemaElement(name: name, type: .fixedLenByteArray, typeLength: 2, logicalType: .float16)
        case .float32: return SchemaElement(name: name, type: .float)
        case .float64: return SchemaElement(name: name, type: .double)
        case .decimal(let precision, let scale):
            guard scale >= 0 else {
                throw ParquetError(
                    .unsupported, "decimal(\(precision),\(scale)): parquet has no negative scale", column: name)
            }
            return SchemaElement(
                name: name, type: .fixedLenByteArray, typeLength: Int32(decimalByteWidth(precision: precision)),
                convertedType: .decimal, scale: Int32(scale), precision: Int32(precision),
                logicalType: .decimal(precision: Int32(precision), scale: Int32(scale)))
        case .string: return SchemaElement(name: name, type: .byteArray, convertedType: .utf8, logicalType: .string)
        case .binary: return SchemaElement(name: name, type: .byteArray)
        case .fixedSizeBinary(let byteWidth):
            let isUUID =
                byteWidth == 16
                && field.metadata[LeafTypeMapping.extensionNameKey] == LeafTypeMapping.uuidExtensionName
            return SchemaElement(
                name: name, type: .fixedLenByteArray, typeLength: Int32(byteWidth), logicalType: isUUID ? .uuid : nil)
        case .date32: return SchemaElement(name: name, type: .int32, convertedType: .date, logicalType: .date)
        case .time(let unit):
            switch unit {
            case .second, .millisecond:
                return SchemaElement(
                    name: name, type: .int32, logicalType: .time(isAdjustedToUTC: false, unit: .millis))
            case .microsecond:
                return SchemaElement(
                    name: name, type: .int64, logicalType: .time(isAdjustedToUTC: false, unit: .micros))
            case .nanosecond:
                return SchemaElement(name: name, type: .int64, logicalType: .time(isAdjustedToUTC: false, unit: .nanos))
            }
        case .timestamp(let unit, let timezone):
            let adjusted = timezone != nil
            let logicalUnit: LogicalTimeUnit
            switch unit {
            case .second, .millisecond: logicalUnit = .millis
            case .microsecond: logicalUnit = .micros
            case .nanosecond: logicalUnit = .nanos
            }
            // The legacy annotations mean UTC-adjusted milliseconds or microseconds only.
            var converted: ConvertedType?
            if adjusted && logicalUnit == .millis { converted = .timestampMillis }
            if adjusted && logicalUnit == .micros { converted = .timestampMicros }
            return SchemaElement(
                name: name, type: .int64, convertedType: converted,
                logicalType: .timestamp(isAdjustedToUTC: adjusted, unit: logicalUnit))
        case .list, .struct, .map:
            throw ParquetError(.unsupported, "\(field.dataType) is not a leaf type", column: name)
        }
    }

    /// The fewest bytes whose two's complement holds every decimal of `precision` digits.
    static func decimalByteWidth(precision: Int) -> Int {
        var bytes = 1
        while bytes < 16 && maxDigits(bytes: bytes) < precision { bytes += 1 }
        return bytes
    }

    /// floor(log10(2^(8 * bytes - 1) - 1)): the digits a signed `bytes`-byte integer always holds.
    private static func maxDigits(bytes: Int) -> Int {
        var limit = (UInt128(1) << UInt128(8 * bytes - 1)) - 1
        var digits = 0
        while limit >= 10 {
            limit /= 10
            digits += 1
        }
        return digits
    }

    private static func integer(_ name: String, _ bits: Int8, _ signed: Bool, _ converted: ConvertedType)
        -> SchemaElement
    {
        SchemaElement(
            name: name, type: bits == 64 ? .int64 : .int32, convertedType: converted,
            logicalType: .integer(bitWidth: bits, isSigned: signed))
    }
}
