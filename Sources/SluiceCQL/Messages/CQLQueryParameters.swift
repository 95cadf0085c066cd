import NIOCore

/// The parameters QUERY and EXECUTE share (v4 §4.1.4): consistency, bound values, paging, serial
/// consistency and a client timestamp.
public struct CQLQueryParameters: Sendable, Hashable {
    public var consistency: CQLConsistency
    public var values: [CQLBoundValue]
    /// Bind by name instead of position (`WITH_NAMES_FOR_VALUES`); as many names as values.
    public var names: [String]?
    /// Ask for rows without their metadata (the client has it from PREPARE).
    public var skipMetadata: Bool
    public var pageSize: Int32?
    public var pagingState: [UInt8]?
    /// For lightweight transactions: SERIAL or LOCAL_SERIAL.
    public var serialConsistency: CQLConsistency?
    /// Microseconds since 1970, used as the writes' timestamp.
    public var timestamp: Int64?

    public init(
        consistency: CQLConsistency, values: [CQLBoundValue] = [], names: [String]? = nil,
        skipMetadata: Bool = false, pageSize: Int32? = nil, pagingState: [UInt8]? = nil,
        serialConsistency: CQLConsistency? = nil, timestamp: Int64? = nil
    ) {
        self.consistency = consistency
        self.values = values
        self.names = names
        self.skipMetadata = skipMetadata
        self.pageSize = pageSize
        self.pagingState = pagingState
        self.serialConsistency = serialConsistency
        self.timestamp = timestamp
    }

    private enum Flag {
        static let values: UInt8 = 0x01
        static let skipMetadata: UInt8 = 0x02
        static let pageSize: UInt8 = 0x04
        static let pagingState: UInt8 = 0x08
        static let serialConsistency: UInt8 = 0x10
        static let timestamp: UInt8 = 0x20
        static let names: UInt8 = 0x40
    }

    public func write(to buffer: inout ByteBuffer) {
        var flags: UInt8 = 0
        if !values.isEmpty { flags |= Flag.values }
        if skipMetadata { flags |= Flag.skipMetadata }
        if pageSize != nil { flags |= Flag.pageSize }
        if pagingState != nil { flags |= Flag.pagingState }
        if serialConsistency != nil { flags |= Flag.serialConsistency }
        if timestamp != nil { flags |= Flag.timestamp }
        if names != nil, !values.isEmpty { flags |= Flag.names }
        buffer.writeInteger(consistency.rawValue)
        buffer.writeInteger(flags)
        if !values.isEmpty {
            buffer.writeInteger(UInt16(truncatingIfNeeded: values.count))
            for (index, value) in values.enumerated() {
                if let names { buffer.writeCQLString(index < names.count ? names[index] : "") }
                buffer.writeCQLValue(value)
            }
        }
        if let pageSize { buffer.writeInteger(pageSize) }
        if let pagingState { buffer.writeCQLBytes(pagingState) }
        if let serialConsistency { buffer.writeInteger(serialConsistency.rawValue) }
        if let timestamp { buffer.writeInteger(timestamp) }
    }

    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLQueryParameters {
        let consistency = try CQLConsistency.read(from: &buffer, "consistency")
        let flags = try buffer.readCQLByte("query flags")
        var parameters = CQLQueryParameters(consistency: consistency, skipMetadata: flags & Flag.skipMetadata != 0)
        if flags & Flag.values != 0 {
            let count = Int(try buffer.readCQLShort("value count"))
            var names: [String] = []
            for index in 0..<count {
                if flags & Flag.names != 0 { names.append(try buffer.readCQLString("value name")) }
                parameters.values.append(try buffer.readCQLBoundValue("value \(index)"))
            }
            if flags & Flag.names != 0 { parameters.names = names }
        }
        if flags & Flag.pageSize != 0 { parameters.pageSize = try buffer.readCQLInt("page size") }
        if flags & Flag.pagingState != 0 {
            parameters.pagingState = try buffer.readCQLBytes("paging state").map { Array($0.readableBytesView) }
        }
        if flags & Flag.serialConsistency != 0 {
            parameters.serialConsistency = try CQLConsistency.read(from: &buffer, "serial consistency")
        }
        if flags & Flag.timestamp != 0 { parameters.timestamp = try buffer.readCQLLong("timestamp") }
        return parameters
    }
}

extension CQLConsistency {
    static func read(from buffer: inout ByteBuffer, _ field: String) throws(CQLProtocolError) -> CQLConsistency {
        let code = try buffer.readCQLShort(field)
        guard let level = CQLConsistency(rawValue: code) else {
            throw .malformed("\(field) has the unknown code \(code)")
        }
        return level
    }
}
