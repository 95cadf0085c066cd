import SluiceCore

extension Scalar {
    /// The value in slot `index` of `array` (null included).
    ///
    /// - Throws: `ComputeError.unsupported` for nested and float16 arrays.
    public init(_ array: any ColumnArray, at index: Int) throws {
        guard index >= 0 && index < array.count else {
            throw ComputeError(.invalidArgument, "index \(index) is out of range for \(array.count) rows")
        }
        let type = array.dataType
        if array.isNull(index) {
            self.init(unchecked: type, nil)
            return
        }
        let payload: Payload
        switch array {
        case let values as BooleanArray: payload = .boolean(values.value(at: index))
        case let values as Int8Array: payload = .integer(Int64(values.value(at: index)))
        case let values as Int16Array: payload = .integer(Int64(values.value(at: index)))
        case let values as Int32Array: payload = .integer(Int64(values.value(at: index)))
        case let values as Int64Array: payload = .integer(values.value(at: index))
        case let values as UInt8Array: payload = .unsigned(UInt64(values.value(at: index)))
        case let values as UInt16Array where type == .uint16: payload = .unsigned(UInt64(values.value(at: index)))
        case let values as UInt32Array: payload = .unsigned(UInt64(values.value(at: index)))
        case let values as UInt64Array: payload = .unsigned(values.value(at: index))
        case let values as Float32Array: payload = .float(Double(values.value(at: index)))
        case let values as Float64Array: payload = .float(values.value(at: index))
        case let values as Decimal128Array: payload = .decimal(values.value(at: index))
        case let values as StringArray: payload = .bytes(values.bytes(at: index))
        case let values as BinaryArray: payload = .bytes(values.bytes(at: index))
        case let values as FixedSizeBinaryArray: payload = .bytes(values.value(at: index))
        default: throw ComputeError(.unsupported, "no scalars of type \(type)")
        }
        self.init(unchecked: type, payload)
    }
}
