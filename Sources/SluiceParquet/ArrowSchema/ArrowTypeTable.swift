import SluiceCore

/// The member of Arrow's `Type` union (`format/Schema.fbs`) for a `DataType`: its union tag and
/// its table's fields.
struct ArrowTypeTable {
    let unionTag: UInt8
    let fields: [FlatBufferField]

    init(_ dataType: DataType) {
        switch dataType {
        case .boolean: (unionTag, fields) = (6, [])
        case .int8: (unionTag, fields) = Self.int(8, signed: true)
        case .int16: (unionTag, fields) = Self.int(16, signed: true)
        case .int32: (unionTag, fields) = Self.int(32, signed: true)
        case .int64: (unionTag, fields) = Self.int(64, signed: true)
        case .uint8: (unionTag, fields) = Self.int(8, signed: false)
        case .uint16: (unionTag, fields) = Self.int(16, signed: false)
        case .uint32: (unionTag, fields) = Self.int(32, signed: false)
        case .uint64: (unionTag, fields) = Self.int(64, signed: false)
        case .float16: (unionTag, fields) = (3, [.int16(0)])
        case .float32: (unionTag, fields) = (3, [.int16(1)])
        case .float64: (unionTag, fields) = (3, [.int16(2)])
        case .decimal(let precision, let scale):
            (unionTag, fields) = (7, [.int32(Int32(precision)), .int32(Int32(scale)), .int32(128)])
        case .string: (unionTag, fields) = (5, [])
        case .binary: (unionTag, fields) = (4, [])
        case .fixedSizeBinary(let byteWidth): (unionTag, fields) = (15, [.int32(Int32(byteWidth))])
        case .date32: (unionTag, fields) = (8, [.int16(0)])  // unit: day
        case .time(let unit):
            let bitWidth: Int32 = unit == .second || unit == .millisecond ? 32 : 64
            (unionTag, fields) = (9, [.int16(Self.code(unit)), .int32(bitWidth)])
        case .timestamp(let unit, let timezone):
            (unionTag, fields) = (10, [.int16(Self.code(unit)), timezone.map { .object(.string($0)) } ?? .absent])
        case .list: (unionTag, fields) = (12, [])
        case .struct: (unionTag, fields) = (13, [])
        case .map(_, _, let keysSorted): (unionTag, fields) = (17, [.bool(keysSorted)])
        }
    }

    private static func int(_ bitWidth: Int32, signed: Bool) -> (UInt8, [FlatBufferField]) {
        (2, [.int32(bitWidth), .bool(signed)])
    }

    /// Arrow's `TimeUnit` enum value.
    private static func code(_ unit: TimeUnit) -> Int16 {
        switch unit {
        case .second: return 0
        case .millisecond: return 1
        case .microsecond: return 2
        case .nanosecond: return 3
        }
    }
}
