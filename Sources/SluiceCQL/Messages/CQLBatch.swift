import NIOCore

/// BATCH (v4 §4.1.7): statements applied together. Sluice's loads use unlogged batches, and only
/// for rows of one partition.
public struct CQLBatch: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case logged = 0
        case unlogged = 1
        case counter = 2
    }

    /// One statement: query text or a prepared id, with its values.
    public struct Statement: Sendable, Hashable {
        public enum Query: Sendable, Hashable {
            case text(String)
            case prepared(id: [UInt8])
        }

        public var query: Query
        public var values: [CQLBoundValue]

        public init(_ query: Query, values: [CQLBoundValue]) {
            self.query = query
            self.values = values
        }
    }

    public var kind: Kind
    public var statements: [Statement]
    public var consistency: CQLConsistency
    public var serialConsistency: CQLConsistency?
    /// Microseconds since 1970.
    public var timestamp: Int64?

    public init(
        kind: Kind, statements: [Statement], consistency: CQLConsistency, serialConsistency: CQLConsistency? = nil,
        timestamp: Int64? = nil
    ) {
        self.kind = kind
        self.statements = statements
        self.consistency = consistency
        self.serialConsistency = serialConsistency
        self.timestamp = timestamp
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeInteger(kind.rawValue)
        buffer.writeInteger(UInt16(truncatingIfNeeded: statements.count))
        for statement in statements {
            switch statement.query {
            case .text(let text):
                buffer.writeInteger(UInt8(0))
                buffer.writeCQLLongString(text)
            case .prepared(let id):
                buffer.writeInteger(UInt8(1))
                buffer.writeCQLShortBytes(id)
            }
            buffer.writeInteger(UInt16(truncatingIfNeeded: statement.values.count))
            for value in statement.values { buffer.writeCQLValue(value) }
        }
        buffer.writeInteger(consistency.rawValue)
        buffer.writeInteger(UInt8((serialConsistency == nil ? 0 : 0x10) | (timestamp == nil ? 0 : 0x20)))
        if let serialConsistency { buffer.writeInteger(serialConsistency.rawValue) }
        if let timestamp { buffer.writeInteger(timestamp) }
    }

    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLBatch {
        let kindCode = try buffer.readCQLByte("batch type")
        guard let kind = Kind(rawValue: kindCode) else { throw .malformed("batch type \(kindCode)") }
        let count = Int(try buffer.readCQLShort("batch size"))
        var statements: [Statement] = []
        for index in 0..<count {
            let query: Statement.Query
            switch try buffer.readCQLByte("statement \(index) kind") {
            case 0: query = .text(try buffer.readCQLLongString("statement \(index)"))
            case 1: query = .prepared(id: try buffer.readCQLShortBytes("statement \(index) id"))
            case let other: throw .malformed("statement \(index) has kind \(other)")
            }
            let valueCount = Int(try buffer.readCQLShort("statement \(index) value count"))
            var values: [CQLBoundValue] = []
            for _ in 0..<valueCount {
                values.append(try buffer.readCQLBoundValue("statement \(index) value"))
            }
            statements.append(Statement(query, values: values))
        }
        let consistency = try CQLConsistency.read(from: &buffer, "batch consistency")
        let flags = try buffer.readCQLByte("batch flags")
        var batch = CQLBatch(kind: kind, statements: statements, consistency: consistency)
        if flags & 0x10 != 0 { batch.serialConsistency = try CQLConsistency.read(from: &buffer, "serial consistency") }
        if flags & 0x20 != 0 { batch.timestamp = try buffer.readCQLLong("batch timestamp") }
        return batch
    }
}
