import NIOCore

/// An ERROR response (v4 §9): the code, the server's message, and the extra fields some codes carry.
public struct CQLServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var details: Details

    public enum Details: Sendable, Hashable {
        case none
        /// Unavailable: fewer live replicas than the consistency needs.
        case unavailable(consistency: CQLConsistency, required: Int32, alive: Int32)
        /// Write_timeout: the write may or may not have been applied.
        case writeTimeout(consistency: CQLConsistency, received: Int32, blockFor: Int32, writeType: String)
        case readTimeout(consistency: CQLConsistency, received: Int32, blockFor: Int32, dataPresent: Bool)
        case readFailure(
            consistency: CQLConsistency, received: Int32, blockFor: Int32, failures: Int32, dataPresent: Bool)
        case writeFailure(
            consistency: CQLConsistency, received: Int32, blockFor: Int32, failures: Int32, writeType: String)
        case functionFailure(keyspace: String, function: String, argumentTypes: [String])
        /// Already_exists: the table is empty for a keyspace.
        case alreadyExists(keyspace: String, table: String)
        /// Unprepared: the server forgot the statement; prepare it again.
        case unprepared(id: [UInt8])
    }

    public enum Code {
        public static let server: Int32 = 0x0000
        public static let protocolError: Int32 = 0x000A
        public static let badCredentials: Int32 = 0x0100
        public static let unavailable: Int32 = 0x1000
        public static let overloaded: Int32 = 0x1001
        public static let isBootstrapping: Int32 = 0x1002
        public static let truncateError: Int32 = 0x1003
        public static let writeTimeout: Int32 = 0x1100
        public static let readTimeout: Int32 = 0x1200
        public static let readFailure: Int32 = 0x1300
        public static let functionFailure: Int32 = 0x1400
        public static let writeFailure: Int32 = 0x1500
        public static let syntaxError: Int32 = 0x2000
        public static let unauthorized: Int32 = 0x2100
        public static let invalid: Int32 = 0x2200
        public static let configError: Int32 = 0x2300
        public static let alreadyExists: Int32 = 0x2400
        public static let unprepared: Int32 = 0x2500
    }

    public init(code: Int32, message: String, details: Details = .none) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// The protocol's name for the code.
    public var name: String {
        switch code {
        case Code.server: return "server error"
        case Code.protocolError: return "protocol error"
        case Code.badCredentials: return "bad credentials"
        case Code.unavailable: return "unavailable"
        case Code.overloaded: return "overloaded"
        case Code.isBootstrapping: return "is bootstrapping"
        case Code.truncateError: return "truncate error"
        case Code.writeTimeout: return "write timeout"
        case Code.readTimeout: return "read timeout"
        case Code.readFailure: return "read failure"
        case Code.functionFailure: return "function failure"
        case Code.writeFailure: return "write failure"
        case Code.syntaxError: return "syntax error"
        case Code.unauthorized: return "unauthorized"
        case Code.invalid: return "invalid query"
        case Code.configError: return "configuration error"
        case Code.alreadyExists: return "already exists"
        case Code.unprepared: return "unprepared"
        default: return "error 0x\(String(code, radix: 16))"
        }
    }

    public var description: String { "\(name): \(message)" }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeInteger(code)
        buffer.writeCQLString(message)
        switch details {
        case .none: break
        case .unavailable(let consistency, let required, let alive):
            buffer.writeInteger(consistency.rawValue)
            buffer.writeInteger(required)
            buffer.writeInteger(alive)
        case .writeTimeout(let consistency, let received, let blockFor, let writeType):
            Self.writeReplies(consistency, received, blockFor, to: &buffer)
            buffer.writeCQLString(writeType)
        case .readTimeout(let consistency, let received, let blockFor, let dataPresent):
            Self.writeReplies(consistency, received, blockFor, to: &buffer)
            buffer.writeInteger(UInt8(dataPresent ? 1 : 0))
        case .readFailure(let consistency, let received, let blockFor, let failures, let dataPresent):
            Self.writeReplies(consistency, received, blockFor, to: &buffer)
            buffer.writeInteger(failures)
            buffer.writeInteger(UInt8(dataPresent ? 1 : 0))
        case .writeFailure(let consistency, let received, let blockFor, let failures, let writeType):
            Self.writeReplies(consistency, received, blockFor, to: &buffer)
            buffer.writeInteger(failures)
            buffer.writeCQLString(writeType)
        case .functionFailure(let keyspace, let function, let argumentTypes):
            buffer.writeCQLString(keyspace)
            buffer.writeCQLString(function)
            buffer.writeCQLStringList(argumentTypes)
        case .alreadyExists(let keyspace, let table):
            buffer.writeCQLString(keyspace)
            buffer.writeCQLString(table)
        case .unprepared(let id):
            buffer.writeCQLShortBytes(id)
        }
    }

    /// Consistency, replies received and replies needed: how every timeout and failure starts.
    private static func writeReplies(
        _ consistency: CQLConsistency, _ received: Int32, _ blockFor: Int32, to buffer: inout ByteBuffer
    ) {
        buffer.writeInteger(consistency.rawValue)
        buffer.writeInteger(received)
        buffer.writeInteger(blockFor)
    }

    public static func read(from buffer: inout ByteBuffer) throws(CQLProtocolError) -> CQLServerError {
        let code = try buffer.readCQLInt("error code")
        let message = try buffer.readCQLString("error message")
        func consistency() throws(CQLProtocolError) -> CQLConsistency {
            try CQLConsistency.read(from: &buffer, "error consistency")
        }
        let details: Details
        switch code {
        case Code.unavailable:
            details = .unavailable(
                consistency: try consistency(), required: try buffer.readCQLInt("required"),
                alive: try buffer.readCQLInt("alive"))
        case Code.writeTimeout:
            details = .writeTimeout(
                consistency: try consistency(), received: try buffer.readCQLInt("received"),
                blockFor: try buffer.readCQLInt("block for"), writeType: try buffer.readCQLString("write type"))
        case Code.readTimeout:
            details = .readTimeout(
                consistency: try consistency(), received: try buffer.readCQLInt("received"),
                blockFor: try buffer.readCQLInt("block for"), dataPresent: try buffer.readCQLByte("data present") != 0)
        case Code.readFailure:
            details = .readFailure(
                consistency: try consistency(), received: try buffer.readCQLInt("received"),
                blockFor: try buffer.readCQLInt("block for"), failures: try buffer.readCQLInt("failures"),
                dataPresent: try buffer.readCQLByte("data present") != 0)
        case Code.writeFailure:
            details = .writeFailure(
                consistency: try consistency(), received: try buffer.readCQLInt("received"),
                blockFor: try buffer.readCQLInt("block for"), failures: try buffer.readCQLInt("failures"),
                writeType: try buffer.readCQLString("write type"))
        case Code.functionFailure:
            details = .functionFailure(
                keyspace: try buffer.readCQLString("keyspace"), function: try buffer.readCQLString("function"),
                argumentTypes: try buffer.readCQLStringList("argument types"))
        case Code.alreadyExists:
            details = .alreadyExists(
                keyspace: try buffer.readCQLString("keyspace"), table: try buffer.readCQLString("table"))
        case Code.unprepared:
            details = .unprepared(id: try buffer.readCQLShortBytes("prepared id"))
        default:
            details = .none
        }
        return CQLServerError(code: code, message: message, details: details)
    }
}
