extension ThriftCompactReader {
    /// The value of an enum field (a Thrift `i32`); an unknown value throws, naming `name`.
    public mutating func readEnum<T: RawRepresentable>(_ field: ThriftFieldHeader, _ name: StaticString)
        throws(ParquetError) -> T where T.RawValue == Int32
    {
        try expect(field, .i32)
        return try readEnum(name)
    }

    /// One enum value (a list element).
    public mutating func readEnum<T: RawRepresentable>(_ name: StaticString) throws(ParquetError) -> T
    where T.RawValue == Int32 {
        let raw = try readI32()
        guard let value = T(rawValue: raw) else { throw error("unknown \(name) value \(raw)") }
        return value
    }

    /// The value of a required field, or an error naming the field and its struct.
    public func required<T>(_ value: T?, _ field: StaticString, in structName: StaticString) throws(ParquetError) -> T {
        guard let value else { throw error("\(structName) is missing required field \(field)") }
        return value
    }

    /// The value of a `list<string>` field.
    public mutating func readStringList(_ field: ThriftFieldHeader) throws(ParquetError) -> [String] {
        try readList(field, elementType: .binary) { (reader) throws(ParquetError) in try reader.readString() }
    }

    /// The value of a `list<i64>` field.
    public mutating func readI64List(_ field: ThriftFieldHeader) throws(ParquetError) -> [Int64] {
        try readList(field, elementType: .i64) { (reader) throws(ParquetError) in try reader.readI64() }
    }
}

extension ThriftCompactWriter {
    /// An enum field (a Thrift `i32`).
    public mutating func writeField<T: RawRepresentable>(_ id: Int16, enum value: T?) where T.RawValue == Int32 {
        writeField(id, i32: value?.rawValue)
    }

    /// A `list<string>` field.
    public mutating func writeField(_ id: Int16, strings values: [String]?) {
        writeField(id, list: values, elementType: .binary) { writer, value in writer.writeString(value) }
    }

    /// A `list<i64>` field.
    public mutating func writeField(_ id: Int16, i64s values: [Int64]?) {
        writeField(id, list: values, elementType: .i64) { writer, value in writer.writeI64(value) }
    }

    /// An empty struct as a field (how Thrift unions of marker structs are written).
    public mutating func writeEmptyStruct(_ id: Int16) {
        writeFieldHeader(id, .struct)
        writeStruct { _ in }
    }
}
