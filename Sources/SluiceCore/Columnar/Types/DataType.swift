/// The logical type of a column, modelled on Arrow's type system.
///
/// Each type has one physical layout (see `PrimitiveArray`, `BooleanArray`, ...):
///
/// | type | array | stored as |
/// | --- | --- | --- |
/// | `boolean` | `BooleanArray` | bits |
/// | `int8` ... `uint64` | `Int8Array` ... `UInt64Array` | the same Swift integer |
/// | `float16` | `Float16Array` | `UInt16` bit pattern (IEEE binary16) |
/// | `float32`, `float64` | `Float32Array`, `Float64Array` | `Float`, `Double` |
/// | `decimal(p, s)` | `Decimal128Array` | `Int128` unscaled value: `value / 10^s` |
/// | `string`, `binary` | `StringArray`, `BinaryArray` | Int32 offsets + bytes |
/// | `fixedSizeBinary(n)` | `FixedSizeBinaryArray` | `n` bytes per value |
/// | `date32` | `Date32Array` | `Int32` days since 1970-01-01 |
/// | `time(.second / .millisecond)` | `Time32Array` | `Int32` since midnight (Arrow time32) |
/// | `time(.microsecond / .nanosecond)` | `Time64Array` | `Int64` since midnight (Arrow time64) |
/// | `timestamp(unit, tz)` | `TimestampArray` | `Int64` since the epoch |
/// | `list(field)` | `ListArray` | Int32 offsets + child array |
/// | `struct(fields)` | `StructArray` | one child array per field |
/// | `map(key, value, sorted)` | `MapArray` | Int32 offsets + key and value child arrays |
///
/// Time follows Arrow: the unit decides the width, so Arrow IPC and Parquet TIME columns map without
/// conversion. A timestamp with a timezone stores UTC instants and displays in that zone (Arrow's rule);
/// Parquet's `isAdjustedToUTC` maps to `timezone: "UTC"`, and no timezone means local wall-clock time.
public enum DataType: Hashable, Sendable {
    case boolean
    case int8
    case int16
    case int32
    case int64
    case uint8
    case uint16
    case uint32
    case uint64
    /// IEEE 754 binary16, stored as its `UInt16` bit pattern (see `HalfFloat`).
    case float16
    case float32
    case float64
    /// A decimal with `precision` digits (1...38), `scale` of them after the point.
    case decimal(precision: Int, scale: Int)
    /// UTF-8 text.
    case string
    /// Variable-length bytes.
    case binary
    /// Exactly `byteWidth` bytes per value.
    case fixedSizeBinary(byteWidth: Int)
    /// Days since 1970-01-01.
    case date32
    /// Time of day since midnight; 32-bit for seconds and milliseconds, 64-bit for finer units.
    case time(TimeUnit)
    /// An instant (with a timezone) or a wall-clock time (without) counted in `unit` since the epoch.
    case timestamp(TimeUnit, timezone: String? = nil)
    /// A variable-length list of values of the element field's type.
    indirect case list(Field)
    /// A row of named fields.
    case `struct`([Field])
    /// Key-value entries; keys are never null.
    indirect case map(key: Field, value: Field, keysSorted: Bool = false)
}

extension DataType {
    /// A list type whose element field is named `item` (Arrow's default name).
    public static func list(of element: DataType, nullable: Bool = true) -> DataType {
        .list(Field("item", element, nullable: nullable))
    }

    /// A map type with Arrow's default field names (`key`, not nullable; `value`, nullable).
    public static func map(keys: DataType, values: DataType, keysSorted: Bool = false) -> DataType {
        .map(key: Field("key", keys, nullable: false), value: Field("value", values), keysSorted: keysSorted)
    }

    /// The byte width of one value for types stored in a `PrimitiveArray`, else nil.
    public var primitiveByteWidth: Int? {
        switch self {
        case .int8, .uint8: return 1
        case .int16, .uint16, .float16: return 2
        case .int32, .uint32, .float32, .date32: return 4
        case .int64, .uint64, .float64, .timestamp: return 8
        case .time(let unit): return unit == .second || unit == .millisecond ? 4 : 8
        case .decimal: return 16
        case .boolean, .string, .binary, .fixedSizeBinary, .list, .struct, .map: return nil
        }
    }

    /// Whether values of this type hold child arrays (list, struct, map).
    public var isNested: Bool {
        switch self {
        case .list, .struct, .map: return true
        default: return false
        }
    }

    /// Checks the type's parameters: decimal precision 1...38 and scale in -38...precision, a
    /// non-negative fixed size, non-nullable map keys; recursively for nested types.
    ///
    /// - Throws: `ColumnarError.invalidDataType`.
    public func validate() throws {
        switch self {
        case .decimal(let precision, let scale):
            guard (1...38).contains(precision) else {
                throw ColumnarError.invalidDataType(self, reason: "decimal precision must be in 1...38")
            }
            guard scale >= -38 && scale <= precision else {
                throw ColumnarError.invalidDataType(self, reason: "decimal scale must be in -38...precision")
            }
        case .fixedSizeBinary(let byteWidth):
            guard byteWidth >= 0 else {
                throw ColumnarError.invalidDataType(self, reason: "byte width must not be negative")
            }
        case .list(let element):
            try element.dataType.validate()
        case .struct(let fields):
            for field in fields {
                try field.dataType.validate()
            }
        case .map(let key, let value, _):
            guard !key.nullable else {
                throw ColumnarError.invalidDataType(self, reason: "map keys must not be nullable")
            }
            try key.dataType.validate()
            try value.dataType.validate()
        default:
            break
        }
    }

    /// Whether arrays of `other` can stand where this type is declared: the types are equal apart from
    /// the names, nullability and metadata of list elements and map entries, and the nullability and
    /// metadata of struct fields (struct field names must match). Record batches check columns with it,
    /// so a builder's list element named `item` fits a schema that says `element`.
    public func isCompatible(with other: DataType) -> Bool {
        switch (self, other) {
        case (.list(let left), .list(let right)):
            return left.dataType.isCompatible(with: right.dataType)
        case (.struct(let left), .struct(let right)):
            guard left.count == right.count else { return false }
            for (leftField, rightField) in zip(left, right) {
                guard leftField.name == rightField.name, leftField.dataType.isCompatible(with: rightField.dataType)
                else { return false }
            }
            return true
        case (.map(let leftKey, let leftValue, let leftSorted), .map(let rightKey, let rightValue, let rightSorted)):
            return leftSorted == rightSorted && leftKey.dataType.isCompatible(with: rightKey.dataType)
                && leftValue.dataType.isCompatible(with: rightValue.dataType)
        default:
            return self == other
        }
    }
}

extension DataType: CustomStringConvertible {
    /// Arrow-style text: `int64`, `decimal(18,2)`, `timestamp[us, UTC]`, `time64[ns]`, `list<string>`,
    /// `struct<a: int32, b: string>`, `map<string, int64>`.
    public var description: String {
        switch self {
        case .boolean: return "boolean"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .uint8: return "uint8"
        case .uint16: return "uint16"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .float16: return "float16"
        case .float32: return "float32"
        case .float64: return "float64"
        case .decimal(let precision, let scale): return "decimal(\(precision),\(scale))"
        case .string: return "string"
        case .binary: return "binary"
        case .fixedSizeBinary(let byteWidth): return "fixed_size_binary[\(byteWidth)]"
        case .date32: return "date32"
        case .time(let unit):
            let bits = unit == .second || unit == .millisecond ? 32 : 64
            return "time\(bits)[\(unit.abbreviation)]"
        case .timestamp(let unit, let timezone):
            if let timezone {
                return "timestamp[\(unit.abbreviation), \(timezone)]"
            }
            return "timestamp[\(unit.abbreviation)]"
        case .list(let element): return "list<\(element.dataType)>"
        case .struct(let fields): return "struct<\(fields.map(\.description).joined(separator: ", "))>"
        case .map(let key, let value, let keysSorted):
            return "map<\(key.dataType), \(value.dataType)\(keysSorted ? ", keys_sorted" : "")>"
        }
    }
}
