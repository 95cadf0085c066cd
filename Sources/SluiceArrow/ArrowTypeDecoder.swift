import SluiceCore

/// Maps one Arrow type (the `Type` union of Schema.fbs) to a Sluice data type and buffer layout.
enum ArrowTypeDecoder {
    /// The members of the `Type` union, by their type byte.
    private enum TypeCode: UInt8 {
        case none = 0
        case null = 1
        case int = 2
        case floatingPoint = 3
        case binary = 4
        case utf8 = 5
        case bool = 6
        case decimal = 7
        case date = 8
        case time = 9
        case timestamp = 10
        case interval = 11
        case list = 12
        case structure = 13
        case union = 14
        case fixedSizeBinary = 15
        case fixedSizeList = 16
        case map = 17
        case duration = 18
        case largeBinary = 19
        case largeUtf8 = 20
        case largeList = 21
        case runEndEncoded = 22
        case binaryView = 23
        case utf8View = 24
        case listView = 25
        case largeListView = 26
    }

    static func decode(
        typeCode: UInt8, type: FlatBufferTable?, children: [Field], childLayouts: [ArrowColumnLayout], column: String
    ) throws(ArrowIPCError) -> (DataType, ArrowColumnLayout) {
        func unsupported(_ name: String) -> ArrowIPCError {
            ArrowIPCError("column '\(column)' has Arrow type \(name), which Sluice does not read")
        }
        guard let code = TypeCode(rawValue: typeCode), code != .none else {
            throw ArrowIPCError("column '\(column)' has an unknown Arrow type (type code \(typeCode))")
        }
        func parameters() throws(ArrowIPCError) -> FlatBufferTable {
            guard let type else { throw ArrowIPCError("column '\(column)': its \(code) type table is missing") }
            return type
        }
        switch code {
        case .null:
            return (.int32, .null)
        case .bool:
            return (.boolean, .boolean)
        case .int:
            let type = try parameters()
            let dataType = try integerType(
                bitWidth: try type.scalar(0, default: Int32(0)), signed: try type.bool(1), column: column)
            return (dataType, .fixedWidth(dataType))
        case .floatingPoint:
            let dataType: DataType
            switch try parameters().scalar(0, default: Int16(0)) {
            case 0: dataType = .float16
            case 1: dataType = .float32
            case 2: dataType = .float64
            case let precision: throw ArrowIPCError("column '\(column)' has an unknown float precision \(precision)")
            }
            return (dataType, .fixedWidth(dataType))
        case .utf8, .largeUtf8:
            return (.string, .bytes(.string, largeOffsets: code == .largeUtf8))
        case .binary, .largeBinary:
            return (.binary, .bytes(.binary, largeOffsets: code == .largeBinary))
        case .fixedSizeBinary:
            let width = Int(try parameters().scalar(0, default: Int32(0)))
            guard width > 0 else { throw ArrowIPCError("column '\(column)': fixed-size binary of width \(width)") }
            return (.fixedSizeBinary(byteWidth: width), .fixedSizeBinary(byteWidth: width))
        case .decimal:
            let type = try parameters()
            let precision = Int(try type.scalar(0, default: Int32(0)))
            let scale = Int(try type.scalar(1, default: Int32(0)))
            let bitWidth = try type.scalar(2, default: Int32(128))
            guard bitWidth == 128 else { throw unsupported("decimal\(bitWidth)") }
            let dataType = DataType.decimal(precision: precision, scale: scale)
            do { try dataType.validate() } catch { throw ArrowIPCError("column '\(column)': \(error)") }
            return (dataType, .fixedWidth(dataType))
        case .date:
            // DateUnit: DAY = 0, MILLISECOND = 1 (the default).
            return try parameters().scalar(0, default: Int16(1)) == 0
                ? (.date32, .fixedWidth(.date32)) : (.date32, .dateMilliseconds)
        case .time:
            let dataType = DataType.time(try timeUnit(try parameters().scalar(0, default: Int16(1)), column: column))
            return (dataType, .fixedWidth(dataType))
        case .timestamp:
            let type = try parameters()
            let unit = try timeUnit(try type.scalar(0, default: Int16(0)), column: column)
            let timezone = try type.string(1).flatMap { $0.isEmpty ? nil : $0 }
            let dataType = DataType.timestamp(unit, timezone: timezone)
            return (dataType, .fixedWidth(dataType))
        case .list:
            guard children.count == 1, let element = children.first, let layout = childLayouts.first else {
                throw ArrowIPCError("column '\(column)': a list needs one child field, it has \(children.count)")
            }
            return (.list(element), .list(element: element, layout))
        case .structure:
            return (.struct(children), .structure(children, childLayouts))
        case .map:
            guard children.count == 1, case .struct(let entries) = children[0].dataType, entries.count == 2,
                case .structure(_, let entryLayouts) = childLayouts[0]
            else {
                throw ArrowIPCError("column '\(column)': a map needs one struct child of key and value")
            }
            let keysSorted = try parameters().bool(0)
            let dataType = DataType.map(key: entries[0], value: entries[1], keysSorted: keysSorted)
            return (
                dataType,
                .map(
                    key: entries[0], value: entries[1], keysSorted: keysSorted, keys: entryLayouts[0],
                    values: entryLayouts[1])
            )
        case .interval: throw unsupported("Interval")
        case .duration: throw unsupported("Duration (Spark's day-time interval)")
        case .union: throw unsupported("Union")
        case .fixedSizeList: throw unsupported("FixedSizeList")
        case .largeList: throw unsupported("LargeList")
        case .runEndEncoded: throw unsupported("RunEndEncoded")
        case .binaryView, .utf8View: throw unsupported("BinaryView/Utf8View")
        case .listView, .largeListView: throw unsupported("ListView")
        case .none: throw unsupported("NONE")
        }
    }

    private static func integerType(bitWidth: Int32, signed: Bool, column: String) throws(ArrowIPCError) -> DataType {
        switch (bitWidth, signed) {
        case (8, true): return .int8
        case (16, true): return .int16
        case (32, true): return .int32
        case (64, true): return .int64
        case (8, false): return .uint8
        case (16, false): return .uint16
        case (32, false): return .uint32
        case (64, false): return .uint64
        default: throw ArrowIPCError("column '\(column)' has an integer type of \(bitWidth) bits")
        }
    }

    /// TimeUnit: SECOND, MILLISECOND, MICROSECOND, NANOSECOND.
    private static func timeUnit(_ code: Int16, column: String) throws(ArrowIPCError) -> TimeUnit {
        switch code {
        case 0: return .second
        case 1: return .millisecond
        case 2: return .microsecond
        case 3: return .nanosecond
        default: throw ArrowIPCError("column '\(column)' has an unknown time unit \(code)")
        }
    }
}
