import SluiceCore

/// The unit of a TIME or TIMESTAMP logical type (parquet.thrift union `TimeUnit`).
public enum LogicalTimeUnit: Int16, Sendable, Hashable, CaseIterable {
    case millis = 1
    case micros = 2
    case nanos = 3

    /// The matching columnar unit.
    public var timeUnit: TimeUnit {
        switch self {
        case .millis: return .millisecond
        case .micros: return .microsecond
        case .nanos: return .nanosecond
        }
    }

    /// Decodes the union; nil when its member is one this reader does not know.
    static func read(from reader: inout ThriftCompactReader) throws(ParquetError) -> LogicalTimeUnit? {
        var unit: LogicalTimeUnit?
        try reader.readStruct("TimeUnit") { (reader, field) throws(ParquetError) in
            // Every member is an empty marker struct; skipping it reads it.
            try reader.skip(field)
            if field.type == .struct, let known = LogicalTimeUnit(rawValue: field.id) {
                unit = known
            }
        }
        return unit
    }

    func write(to writer: inout ThriftCompactWriter) {
        writer.writeStruct { writer in writer.writeEmptyStruct(rawValue) }
    }
}
