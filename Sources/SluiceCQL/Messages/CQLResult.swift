import NIOCore

/// A RESULT response (v4 §4.2.5).
public enum CQLResult: Sendable, Hashable {
    case void
    /// Rows of cells (nil for null), in the metadata's column order.
    case rows(CQLRowsMetadata, [[ByteBuffer?]])
    case setKeyspace(String)
    case prepared(CQLPreparedStatement)
    case schemaChange(CQLSchemaChange)

    private enum Kind {
        static let void: Int32 = 0x0001
        static let rows: Int32 = 0x0002
        static let setKeyspace: Int32 = 0x0003
        static let prepared: Int32 = 0x0004
        static let schemaChange: Int32 = 0x0005
    }

    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLResult {
        switch try buffer.readCQLInt("result kind") {
        case Kind.void: return .void
        case Kind.rows:
            let metadata = try CQLRowsMetadata.read(from: &buffer)
            let count = Int(try buffer.readCQLInt("row count"))
            // Every cell takes at least its 4-byte length, so the bytes bound a believable count.
            let columns = metadata.columnCount
            guard count >= 0, columns == 0 || count <= buffer.readableBytes / (4 * columns),
                columns > 0 || count <= 1 << 20
            else {
                throw .malformed("a result of \(count) rows of \(columns) columns in \(buffer.readableBytes) bytes")
            }
            var rows: [[ByteBuffer?]] = []
            rows.reserveCapacity(count)
            for row in 0..<count {
                var cells: [ByteBuffer?] = []
                for column in 0..<metadata.columnCount {
                    cells.append(try buffer.readCQLBytes("row \(row) column \(column)"))
                }
                rows.append(cells)
            }
            return .rows(metadata, rows)
        case Kind.setKeyspace: return .setKeyspace(try buffer.readCQLString("keyspace"))
        case Kind.prepared: return .prepared(try CQLPreparedStatement.read(from: &buffer))
        case Kind.schemaChange: return .schemaChange(try CQLSchemaChange.read(from: &buffer))
        case let kind: throw .malformed("result kind \(kind)")
        }
    }

    public func write(to buffer: inout ByteBuffer) {
        switch self {
        case .void: buffer.writeInteger(Kind.void)
        case .rows(let metadata, let rows):
            buffer.writeInteger(Kind.rows)
            metadata.write(to: &buffer)
            buffer.writeInteger(Int32(truncatingIfNeeded: rows.count))
            for row in rows {
                for cell in row {
                    guard var value = cell else {
                        buffer.writeInteger(Int32(-1))
                        continue
                    }
                    buffer.writeInteger(Int32(truncatingIfNeeded: value.readableBytes))
                    buffer.writeBuffer(&value)
                }
            }
        case .setKeyspace(let keyspace):
            buffer.writeInteger(Kind.setKeyspace)
            buffer.writeCQLString(keyspace)
        case .prepared(let statement):
            buffer.writeInteger(Kind.prepared)
            statement.write(to: &buffer)
        case .schemaChange(let change):
            buffer.writeInteger(Kind.schemaChange)
            change.write(to: &buffer)
        }
    }
}

/// A PREPARE's answer: the id to EXECUTE, the bind markers (with which of them make up the partition
/// key, for routing) and the result's columns.
public struct CQLPreparedStatement: Sendable, Hashable {
    public var id: [UInt8]
    public var bindMarkers: [CQLColumnSpec]
    /// For each partition-key column, the index of its bind marker; empty when the statement cannot
    /// be routed (ScyllaDB also sends none when the markers span tables).
    public var partitionKeyIndexes: [Int]
    public var resultMetadata: CQLRowsMetadata
    /// The flags of the bind-marker metadata other than Global_tables_spec (a layout detail);
    /// ScyllaDB marks a lightweight transaction in bit 31.
    public var flags: Int32

    public init(
        id: [UInt8], bindMarkers: [CQLColumnSpec], partitionKeyIndexes: [Int], resultMetadata: CQLRowsMetadata,
        flags: Int32 = 0
    ) {
        self.id = id
        self.bindMarkers = bindMarkers
        self.partitionKeyIndexes = partitionKeyIndexes
        self.resultMetadata = resultMetadata
        self.flags = flags
    }

    static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLPreparedStatement {
        let id = try buffer.readCQLShortBytes("prepared id")
        let flags = try buffer.readCQLInt("prepared flags")
        let count = Int(try buffer.readCQLInt("bind marker count"))
        let keyCount = Int(try buffer.readCQLInt("partition key count"))
        guard count >= 0, keyCount >= 0 else { throw .malformed("\(count) bind markers, \(keyCount) key columns") }
        var keyIndexes: [Int] = []
        for _ in 0..<keyCount { keyIndexes.append(Int(try buffer.readCQLShort("partition key index"))) }
        let markers = try CQLColumnSpec.readList(count: count, global: flags & 0x0001 != 0, from: &buffer)
        return CQLPreparedStatement(
            id: id, bindMarkers: markers, partitionKeyIndexes: keyIndexes,
            resultMetadata: try CQLRowsMetadata.read(from: &buffer), flags: flags & ~0x0001)
    }

    func write(to buffer: inout ByteBuffer) {
        buffer.writeCQLShortBytes(id)
        let global = CQLColumnSpec.sharedTable(bindMarkers)
        buffer.writeInteger((flags & ~0x0001) | (global == nil ? 0 : 0x0001))
        buffer.writeInteger(Int32(truncatingIfNeeded: bindMarkers.count))
        buffer.writeInteger(Int32(truncatingIfNeeded: partitionKeyIndexes.count))
        for index in partitionKeyIndexes { buffer.writeInteger(UInt16(truncatingIfNeeded: index)) }
        CQLColumnSpec.writeList(bindMarkers, global: global, to: &buffer)
        resultMetadata.write(to: &buffer)
    }
}

/// What a schema change did (a RESULT, or a SCHEMA_CHANGE event).
public struct CQLSchemaChange: Sendable, Hashable {
    /// CREATED, UPDATED or DROPPED.
    public var change: String
    /// KEYSPACE, TABLE, TYPE, FUNCTION or AGGREGATE.
    public var target: String
    public var keyspace: String
    /// The table, type, function or aggregate (nil for a keyspace).
    public var name: String?
    /// A function's or aggregate's argument types.
    public var argumentTypes: [String]

    public init(change: String, target: String, keyspace: String, name: String? = nil, argumentTypes: [String] = []) {
        self.change = change
        self.target = target
        self.keyspace = keyspace
        self.name = name
        self.argumentTypes = argumentTypes
    }

    static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLSchemaChange {
        let change = try buffer.readCQLString("change type")
        let target = try buffer.readCQLString("change target")
        var result = CQLSchemaChange(change: change, target: target, keyspace: try buffer.readCQLString("keyspace"))
        if target != "KEYSPACE" { result.name = try buffer.readCQLString("name") }
        if target == "FUNCTION" || target == "AGGREGATE" {
            result.argumentTypes = try buffer.readCQLStringList("argument types")
        }
        return result
    }

    func write(to buffer: inout ByteBuffer) {
        buffer.writeCQLString(change)
        buffer.writeCQLString(target)
        buffer.writeCQLString(keyspace)
        if target != "KEYSPACE" { buffer.writeCQLString(name ?? "") }
        if target == "FUNCTION" || target == "AGGREGATE" { buffer.writeCQLStringList(argumentTypes) }
    }
}
