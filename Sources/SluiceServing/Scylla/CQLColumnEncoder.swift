import SluiceCQL
import SluiceCore

/// Serializes one column of a record batch, row by row, into bound CQL values. Made once per batch
/// and column from a closure specialized for the array's type, so the per-row work is a null check
/// and one serialization.
struct CQLColumnEncoder: Sendable {
    let encode: @Sendable (_ row: Int) throws(ServingError) -> CQLBoundValue

    /// What a value is checked against: the serving table and the column, for the error.
    struct Target: Sendable {
        var table: String
        var column: String
        var storeType: String
    }

    /// An encoder for `array` (a column of `field`) written as `encoding`.
    init(_ encoding: CQLColumnEncoding, array: any ColumnArray, field: Field, target: Target) {
        if let dictionary = array as? DictionaryArray {
            // Dictionary-encoded columns encode their dictionary's value for each code.
            let values = CQLColumnEncoder(
                encoding, array: dictionary.values.array, field: Field(field.name, dictionary.dataType), target: target)
            let codes = dictionary.codes
            encode = { row throws(ServingError) in
                guard codes.isValid(row) else { return .null }
                return try values.encode(Int(codes.value(at: row)))
            }
            return
        }
        self = Self.make(encoding, array: array, field: field, target: target)
    }

    private init(encode: @escaping @Sendable (_ row: Int) throws(ServingError) -> CQLBoundValue) {
        self.encode = encode
    }

    private static func make(_ encoding: CQLColumnEncoding, array: any ColumnArray, field: Field, target: Target)
        -> CQLColumnEncoder
    {
        switch encoding {
        case .boolean:
            if let array = array as? BooleanArray {
                return CQLColumnEncoder { row in array.isValid(row) ? .bytes([array.value(at: row) ? 1 : 0]) : .null }
            }
        case .integer(let width):
            if let encoder = integer(array, target: target, width: width) { return encoder }
        case .varint:
            if let encoder = integer(array, target: target, width: nil) { return encoder }
        case .float, .double:
            if let encoder = real(array, single: encoding == .float) { return encoder }
        case .decimal:
            if let encoder = decimal(array) { return encoder }
        case .bytes:
            switch array {
            case let array as StringArray: return bytes(array)
            case let array as BinaryArray: return bytes(array)
            case let array as FixedSizeBinaryArray:
                return CQLColumnEncoder { row in array.isValid(row) ? .bytes(array.value(at: row)) : .null }
            default: break
            }
        case .date, .time, .timestamp:
            if let encoder = temporal(encoding, array: array) { return encoder }
        case .renderedText: break
        }
        return rendered(array, field: field)
    }

    // MARK: Numbers

    /// Any integer column's values, widened (every integer type fits 128 bits); nil for others.
    private static func integers(_ array: any ColumnArray) -> (@Sendable (Int) -> Int128)? {
        switch array {
        case let array as Int64Array: { Int128(array.value(at: $0)) }
        case let array as Int32Array: { Int128(array.value(at: $0)) }
        case let array as Int16Array: { Int128(array.value(at: $0)) }
        case let array as Int8Array: { Int128(array.value(at: $0)) }
        case let array as UInt64Array: { Int128(array.value(at: $0)) }
        case let array as UInt32Array: { Int128(array.value(at: $0)) }
        // Float16 shares UInt16 storage: only the type tells them apart.
        case let array as UInt16Array where array.dataType != .float16: { Int128(array.value(at: $0)) }
        case let array as UInt8Array: { Int128(array.value(at: $0)) }
        default: nil
        }
    }

    /// `width` bytes (a range-checked `tinyint` … `bigint`), or a `varint` when nil.
    private static func integer(_ array: any ColumnArray, target: Target, width: Int?) -> CQLColumnEncoder? {
        guard let integers = integers(array) else { return nil }
        guard let width else {
            return CQLColumnEncoder { row in array.isValid(row) ? .bytes(CQLVarint(integers(row)).bytes) : .null }
        }
        let bits = width * 8
        let range = (Int64(-1) << (bits - 1))...(bits == 64 ? Int64.max : (Int64(1) << (bits - 1)) - 1)
        return CQLColumnEncoder { row throws(ServingError) in
            guard array.isValid(row) else { return .null }
            let value = integers(row)
            guard let exact = Int64(exactly: value), range.contains(exact) else {
                throw .unsupportedColumn(
                    table: target.table, column: target.column,
                    detail: "value \(value) does not fit CQL \(target.storeType); override the column's type "
                        + "in job.yaml (types: {\(target.column): bigint} or varint)")
            }
            return .bytes(bigEndian(exact, width: width))
        }
    }

    static func bigEndian(_ value: Int64, width: Int) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0.suffix(width)) }
    }

    private static func real(_ array: any ColumnArray, single: Bool) -> CQLColumnEncoder? {
        let double: (@Sendable (Int) -> Double)?
        switch array {
        case let array as Float64Array: double = { array.value(at: $0) }
        case let array as Float32Array: double = { Double(array.value(at: $0)) }
        case let array as UInt16Array where array.dataType == .float16:
            // Float16 shares UInt16 storage: only the type tells them apart.
            double = { Double(HalfFloat.float(fromBits: array.value(at: $0))) }
        case let array as Decimal128Array:
            guard case .decimal(_, let scale) = array.dataType else { return nil }
            // Through the exact text, so 0.1 stays the nearest double to 0.1.
            double = { Double(DecimalText.format(array.value(at: $0), scale: scale)) ?? .nan }
        default:
            guard let integers = integers(array) else { return nil }
            double = { Double(integers($0)) }
        }
        guard let double else { return nil }
        return CQLColumnEncoder { row in
            guard array.isValid(row) else { return .null }
            let value = double(row)
            return single
                ? .bytes(withUnsafeBytes(of: Float(value).bitPattern.bigEndian) { Array($0) })
                : .bytes(withUnsafeBytes(of: value.bitPattern.bigEndian) { Array($0) })
        }
    }

    private static func decimal(_ array: any ColumnArray) -> CQLColumnEncoder? {
        let unscaled: (@Sendable (Int) -> Int128)?
        var scale = 0
        switch array {
        case let array as Decimal128Array:
            guard case .decimal(_, let decimalScale) = array.dataType else { return nil }
            scale = decimalScale
            unscaled = { array.value(at: $0) }
        default: unscaled = integers(array)
        }
        guard let unscaled else { return nil }
        let scaleBytes = bigEndian(Int64(scale), width: 4)
        return CQLColumnEncoder { row in
            array.isValid(row) ? .bytes(scaleBytes + CQLVarint(unscaled(row)).bytes) : .null
        }
    }

    // MARK: Bytes and text

    private static func bytes<Kind: ByteArrayKind>(_ array: GenericByteArray<Kind>) -> CQLColumnEncoder {
        CQLColumnEncoder { row in array.isValid(row) ? .bytes(array.bytes(at: row)) : .null }
    }

    /// Dates, times, timestamps and decimals as ISO or exact text, nested values as JSON.
    private static func rendered(_ array: any ColumnArray, field: Field) -> CQLColumnEncoder {
        CQLColumnEncoder { row in
            guard array.isValid(row) else { return .null }
            if field.dataType.isNested {
                var json = ""
                ColumnValueText.appendJSON(array, field: field, at: row, to: &json)
                return .bytes(Array(json.utf8))
            }
            return ColumnValueText.scalarText(array, field: field, at: row).map { .bytes(Array($0.utf8)) } ?? .null
        }
    }

    // MARK: Dates and times

    private static let millisecondsPerDay: Int64 = 86_400_000

    private static func temporal(_ encoding: CQLColumnEncoding, array: any ColumnArray) -> CQLColumnEncoder? {
        // Each source as (milliseconds since the epoch) or (nanoseconds since midnight).
        let milliseconds: (@Sendable (Int) -> Int64)?
        switch (array.dataType, array) {
        case (.date32, let array as Int32Array):
            milliseconds = { Int64(array.value(at: $0)) * millisecondsPerDay }
        case (.timestamp(let unit, _), let array as Int64Array):
            // CQL timestamps hold milliseconds: finer units are floored to them.
            let perSecond = unit.perSecond
            if perSecond >= 1000 {
                milliseconds = { floorDivide(array.value(at: $0), by: perSecond / 1000) }
            } else {
                milliseconds = { array.value(at: $0) * 1000 }
            }
        case (.time(let unit), let array as Int32Array) where encoding == .time:
            return nanosecondsOfDay(array, unit: unit) { Int64(array.value(at: $0)) }
        case (.time(let unit), let array as Int64Array) where encoding == .time:
            return nanosecondsOfDay(array, unit: unit) { array.value(at: $0) }
        default: milliseconds = nil
        }
        guard let milliseconds else { return nil }
        return temporal(encoding, array: array, milliseconds: milliseconds)
    }

    private static func temporal(
        _ encoding: CQLColumnEncoding, array: any ColumnArray, milliseconds: @escaping @Sendable (Int) -> Int64
    ) -> CQLColumnEncoder? {
        switch encoding {
        case .timestamp:
            return CQLColumnEncoder { row in array.isValid(row) ? .bytes(bigEndian(milliseconds(row), width: 8)) : .null
            }
        case .date:
            // CQL dates count days from 2^31, so that the epoch is the middle of the unsigned range.
            return CQLColumnEncoder { row in
                guard array.isValid(row) else { return .null }
                let days = floorDivide(milliseconds(row), by: millisecondsPerDay)
                return .bytes(bigEndian(days + (Int64(1) << 31), width: 4))
            }
        default: return nil
        }
    }

    private static func nanosecondsOfDay(
        _ array: any ColumnArray, unit: TimeUnit, value: @escaping @Sendable (Int) -> Int64
    ) -> CQLColumnEncoder {
        let factor = 1_000_000_000 / unit.perSecond
        return CQLColumnEncoder { row in array.isValid(row) ? .bytes(bigEndian(value(row) * factor, width: 8)) : .null }
    }

    private static func floorDivide(_ value: Int64, by divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
