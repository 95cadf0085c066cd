/// The text of one value of any array, shared by the JSON-lines and CSV renderers.
///
/// `appendJSON` writes a JSON value: numbers as numbers (NaN and infinities as strings), text and
/// every other scalar as a string, lists as arrays, structs as objects, maps as arrays of
/// `{"key", "value"}` objects. `scalarText` gives the same scalars unquoted, for CSV. Each call
/// dispatches on the type once per value: this is for printing, not for hot paths.
public enum ColumnValueText {
    /// The field metadata key and value that mark a `fixedSizeBinary(16)` column as UUIDs.
    public static let extensionNameKey = "ARROW:extension:name"
    public static let uuidExtensionName = "arrow.uuid"

    /// Appends value `index` of `array` (described by `field`) to `output` as JSON.
    public static func appendJSON(_ array: any ColumnArray, field: Field, at index: Int, to output: inout String) {
        if array.isNull(index) {
            output += "null"
            return
        }
        switch array.dataType {
        case .list(let elementField):
            guard let list = array as? ListArray else {
                output += "null"
                return
            }
            appendJSONList(list.values, field: elementField, range: list.valueRange(at: index), to: &output)
        case .struct(let fields):
            guard let structArray = array as? StructArray else {
                output += "null"
                return
            }
            output += "{"
            for (position, (child, childField)) in zip(structArray.children, fields).enumerated() {
                if position > 0 { output += "," }
                output += JSONText.quoted(childField.name) + ":"
                appendJSON(child, field: childField, at: index, to: &output)
            }
            output += "}"
        case .map(let keyField, let valueField, _):
            guard let map = array as? MapArray else {
                output += "null"
                return
            }
            output += "["
            for (position, entry) in map.entryRange(at: index).enumerated() {
                if position > 0 { output += "," }
                output += "{\"key\":"
                appendJSON(map.keys, field: keyField, at: entry, to: &output)
                output += ",\"value\":"
                appendJSON(map.values, field: valueField, at: entry, to: &output)
                output += "}"
            }
            output += "]"
        default:
            guard let text = scalarText(array, field: field, at: index) else {
                output += "null"
                return
            }
            output += isJSONNumber(array.dataType, text) ? text : JSONText.quoted(text)
        }
    }

    /// The unquoted text of a non-null scalar value, or `nil` for a null or a nested value.
    public static func scalarText(_ array: any ColumnArray, field: Field, at index: Int) -> String? {
        if array.isNull(index) { return nil }
        switch array.dataType {
        case .boolean: return (array as? BooleanArray).map { $0.value(at: index) ? "true" : "false" }
        case .int8: return integer(array, Int8.self, index)
        case .int16: return integer(array, Int16.self, index)
        case .int32: return integer(array, Int32.self, index)
        case .int64: return integer(array, Int64.self, index)
        case .uint8: return integer(array, UInt8.self, index)
        case .uint16: return integer(array, UInt16.self, index)
        case .uint32: return integer(array, UInt32.self, index)
        case .uint64: return integer(array, UInt64.self, index)
        case .float16:
            return value(array, UInt16.self, index).map { floatText(HalfFloat.float(fromBits: $0)) }
        case .float32: return value(array, Float.self, index).map { floatText($0) }
        case .float64: return value(array, Double.self, index).map { floatText($0) }
        case .decimal(_, let scale):
            return value(array, Int128.self, index).map { DecimalText.format($0, scale: scale) }
        case .string: return (array as? StringArray)?.value(at: index)
        case .binary:
            return (array as? BinaryArray)?.withUnsafeBytes(at: index) { Base64Text.encode($0) }
        case .fixedSizeBinary(let width):
            guard let fixed = array as? FixedSizeBinaryArray else { return nil }
            if width == 16, field.metadata[extensionNameKey] == uuidExtensionName {
                return fixed.withUnsafeBytes(at: index) { uuidText($0) }
            }
            return fixed.withUnsafeBytes(at: index) { Base64Text.encode($0) }
        case .date32: return value(array, Int32.self, index).map { TemporalText.date(daysSinceEpoch: Int($0)) }
        case .time(let unit):
            switch unit {
            case .second, .millisecond:
                return value(array, Int32.self, index).map { TemporalText.time(Int64($0), unit: unit) }
            case .microsecond, .nanosecond:
                return value(array, Int64.self, index).map { TemporalText.time($0, unit: unit) }
            }
        case .timestamp(let unit, let timezone):
            return value(array, Int64.self, index).map {
                TemporalText.timestamp($0, unit: unit, utc: timezone != nil)
            }
        case .list, .struct, .map:
            return nil
        }
    }

    /// Elements `range` of `values` as a JSON array.
    private static func appendJSONList(
        _ values: any ColumnArray, field: Field, range: Range<Int>, to output: inout String
    ) {
        output += "["
        for (position, element) in range.enumerated() {
            if position > 0 { output += "," }
            appendJSON(values, field: field, at: element, to: &output)
        }
        output += "]"
    }

    /// Whether `text`, the scalar text of a value of `type`, is written as a bare JSON number.
    private static func isJSONNumber(_ type: DataType, _ text: String) -> Bool {
        switch type {
        case .boolean: return true
        case .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64: return true
        // NaN and the infinities have no JSON number: they stay strings.
        case .float16, .float32, .float64: return text != "NaN" && text != "Infinity" && text != "-Infinity"
        default: return false
        }
    }

    /// Shortest round-trip text of a float; NaN and the infinities by name.
    private static func floatText<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    /// The canonical lowercase 8-4-4-4-12 form of 16 bytes.
    private static func uuidText(_ bytes: UnsafeRawBufferPointer) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(36)
        for (position, byte) in bytes.enumerated() {
            if position == 4 || position == 6 || position == 8 || position == 10 { output.append(UInt8(ascii: "-")) }
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 15)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func value<T: FixedWidthValue>(_ array: any ColumnArray, _ type: T.Type, _ index: Int) -> T? {
        (array as? PrimitiveArray<T>)?.value(at: index)
    }

    private static func integer<T: FixedWidthValue & BinaryInteger>(
        _ array: any ColumnArray, _ type: T.Type, _ index: Int
    ) -> String? {
        value(array, type, index).map { String($0) }
    }
}
