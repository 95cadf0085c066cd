import NIOCore

/// One column of a result or of a prepared statement's bind markers.
public struct CQLColumnSpec: Sendable, Hashable {
    public var keyspace: String
    public var table: String
    public var name: String
    public var type: CQLDataType

    public init(keyspace: String, table: String, name: String, type: CQLDataType) {
        self.keyspace = keyspace
        self.table = table
        self.name = name
        self.type = type
    }
}

/// The metadata before rows (v4 §4.2.5.2): the columns (unless the client asked to skip them) and
/// the paging state when more pages follow.
public struct CQLRowsMetadata: Sendable, Hashable {
    /// Empty when the server left the metadata out (`No_metadata`); `columnCount` still says how many.
    public var columns: [CQLColumnSpec]
    public var columnCount: Int
    public var pagingState: [UInt8]?

    public init(columns: [CQLColumnSpec], columnCount: Int? = nil, pagingState: [UInt8]? = nil) {
        self.columns = columns
        self.columnCount = columnCount ?? columns.count
        self.pagingState = pagingState
    }

    private enum Flag {
        static let globalTableSpec: Int32 = 0x0001
        static let hasMorePages: Int32 = 0x0002
        static let noMetadata: Int32 = 0x0004
    }

    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLRowsMetadata {
        let flags = try buffer.readCQLInt("metadata flags")
        let count = Int(try buffer.readCQLInt("column count"))
        guard count >= 0 else { throw .malformed("a result with \(count) columns") }
        var metadata = CQLRowsMetadata(columns: [], columnCount: count)
        if flags & Flag.hasMorePages != 0 {
            metadata.pagingState = try buffer.readCQLBytes("paging state").map { Array($0.readableBytesView) }
        }
        guard flags & Flag.noMetadata == 0 else { return metadata }
        metadata.columns = try CQLColumnSpec.readList(
            count: count, global: flags & Flag.globalTableSpec != 0, from: &buffer)
        return metadata
    }

    /// Writes the metadata, with one global table spec when every column shares a table.
    public func write(to buffer: inout ByteBuffer) {
        let global = CQLColumnSpec.sharedTable(columns)
        var flags: Int32 = 0
        if global != nil { flags |= Flag.globalTableSpec }
        if pagingState != nil { flags |= Flag.hasMorePages }
        if columns.isEmpty { flags |= Flag.noMetadata }
        buffer.writeInteger(flags)
        buffer.writeInteger(Int32(truncatingIfNeeded: columnCount))
        if let pagingState { buffer.writeCQLBytes(pagingState) }
        CQLColumnSpec.writeList(columns, global: global, to: &buffer)
    }
}

extension CQLColumnSpec {
    /// The keyspace and table every column has, if they share one.
    static func sharedTable(_ columns: [CQLColumnSpec]) -> (keyspace: String, table: String)? {
        guard let first = columns.first,
            columns.allSatisfy({ $0.keyspace == first.keyspace && $0.table == first.table })
        else { return nil }
        return (first.keyspace, first.table)
    }

    static func readList(count: Int, global: Bool, from buffer: inout ByteBuffer) throws(CQLProtocolError)
        -> [CQLColumnSpec]
    {
        var table: (String, String)?
        if global { table = (try buffer.readCQLString("keyspace"), try buffer.readCQLString("table")) }
        var columns: [CQLColumnSpec] = []
        for index in 0..<count {
            let keyspace: String
            let tableName: String
            if let table {
                (keyspace, tableName) = table
            } else {
                keyspace = try buffer.readCQLString("keyspace")
                tableName = try buffer.readCQLString("table")
            }
            let name = try buffer.readCQLString("column \(index) name")
            columns.append(
                CQLColumnSpec(
                    keyspace: keyspace, table: tableName, name: name, type: try CQLDataType.read(from: &buffer)))
        }
        return columns
    }

    static func writeList(
        _ columns: [CQLColumnSpec], global: (keyspace: String, table: String)?, to buffer: inout ByteBuffer
    ) {
        if let global {
            buffer.writeCQLString(global.keyspace)
            buffer.writeCQLString(global.table)
        }
        for column in columns {
            if global == nil {
                buffer.writeCQLString(column.keyspace)
                buffer.writeCQLString(column.table)
            }
            buffer.writeCQLString(column.name)
            column.type.write(to: &buffer)
        }
    }
}
