import SluiceCore

/// One typed value, or a typed null: a literal in an expression (`5`, `'abc'`, `DATE '2026-11-20'`,
/// `CAST(NULL AS INT)`). Kernels take it through `Datum` and apply it to every row without building an
/// array of copies.
///
/// The payload is kept in the widest Swift type of its family (`Int64` for every signed integer, date,
/// time and timestamp; `Double` for the floats; `Int128` for decimals; bytes for strings and binaries);
/// `dataType` says what it means.
public struct Scalar: Sendable, Hashable, CustomStringConvertible {
    /// A value's payload, by storage family.
    public enum Payload: Sendable, Hashable {
        case boolean(Bool)
        /// int8...int64, date32 (days), time (units since midnight), timestamp (units since the epoch).
        case integer(Int64)
        /// uint8...uint64.
        case unsigned(UInt64)
        /// float32 and float64.
        case float(Double)
        /// The unscaled value of a decimal.
        case decimal(Int128)
        /// string (UTF-8), binary and fixed-size binary.
        case bytes([UInt8])
    }

    public let dataType: DataType
    /// The value; nil for a null of `dataType`.
    public let payload: Payload?

    /// A scalar of `dataType`; nil payload for null.
    ///
    /// - Throws: `ComputeError.invalidArgument` when the payload's family does not store `dataType`.
    public init(_ dataType: DataType, _ payload: Payload?) throws {
        if let payload, !Scalar.family(of: dataType, holds: payload) {
            throw ComputeError(.invalidArgument, "a \(payload) payload cannot hold a \(dataType) value")
        }
        self.dataType = dataType
        self.payload = payload
    }

    init(unchecked dataType: DataType, _ payload: Payload?) {
        self.dataType = dataType
        self.payload = payload
    }

    /// A null of `dataType`.
    public static func null(_ dataType: DataType) -> Scalar { Scalar(unchecked: dataType, nil) }
    public static func boolean(_ value: Bool) -> Scalar { Scalar(unchecked: .boolean, .boolean(value)) }
    public static func int8(_ value: Int8) -> Scalar { Scalar(unchecked: .int8, .integer(Int64(value))) }
    public static func int16(_ value: Int16) -> Scalar { Scalar(unchecked: .int16, .integer(Int64(value))) }
    public static func int32(_ value: Int32) -> Scalar { Scalar(unchecked: .int32, .integer(Int64(value))) }
    public static func int64(_ value: Int64) -> Scalar { Scalar(unchecked: .int64, .integer(value)) }
    public static func float32(_ value: Float) -> Scalar { Scalar(unchecked: .float32, .float(Double(value))) }
    public static func float64(_ value: Double) -> Scalar { Scalar(unchecked: .float64, .float(value)) }
    public static func string(_ value: String) -> Scalar { Scalar(unchecked: .string, .bytes(Array(value.utf8))) }
    public static func binary(_ value: [UInt8]) -> Scalar { Scalar(unchecked: .binary, .bytes(value)) }
    /// A date, as days since 1970-01-01.
    public static func date(daysSinceEpoch days: Int32) -> Scalar {
        Scalar(unchecked: .date32, .integer(Int64(days)))
    }
    /// A timestamp of `unit` since the epoch (Spark's TIMESTAMP is microseconds, UTC).
    public static func timestamp(_ value: Int64, unit: TimeUnit = .microsecond, timezone: String? = "UTC") -> Scalar {
        Scalar(unchecked: .timestamp(unit, timezone: timezone), .integer(value))
    }

    /// A decimal `unscaled / 10^scale`.
    ///
    /// - Throws: `ComputeError` when the type is invalid or the value has more than `precision` digits.
    public static func decimal(_ unscaled: Int128, precision: Int, scale: Int) throws -> Scalar {
        let type = DataType.decimal(precision: precision, scale: scale)
        do {
            try type.validate()
        } catch {
            throw ComputeError(.invalidArgument, "\(error)")
        }
        guard DecimalMath.fits(unscaled, precision: precision) else {
            throw ComputeError.outOfRange(unscaled, precision: precision, scale: scale)
        }
        return Scalar(unchecked: type, .decimal(unscaled))
    }

    /// Whether this is a null.
    public var isNull: Bool { payload == nil }

    public var description: String {
        guard let payload else { return "NULL" }
        switch payload {
        case .boolean(let value): return "\(value)"
        case .integer(let value): return "\(value)"
        case .unsigned(let value): return "\(value)"
        case .float(let value): return "\(value)"
        case .decimal(let value):
            if case .decimal(_, let scale) = dataType { return DecimalText.format(value, scale: scale) }
            return "\(value)"
        case .bytes(let bytes):
            return dataType == .string ? "'\(String(decoding: bytes, as: UTF8.self))'" : "X'\(bytes.count) bytes'"
        }
    }

    static func family(of dataType: DataType, holds payload: Payload) -> Bool {
        switch (dataType, payload) {
        case (.boolean, .boolean): return true
        case (.int8, .integer), (.int16, .integer), (.int32, .integer), (.int64, .integer), (.date32, .integer),
            (.time, .integer), (.timestamp, .integer):
            return true
        case (.uint8, .unsigned), (.uint16, .unsigned), (.uint32, .unsigned), (.uint64, .unsigned): return true
        case (.float32, .float), (.float64, .float): return true
        case (.decimal, .decimal): return true
        case (.string, .bytes), (.binary, .bytes): return true
        case (.fixedSizeBinary(let width), .bytes(let bytes)): return bytes.count == width
        default: return false
        }
    }
}
