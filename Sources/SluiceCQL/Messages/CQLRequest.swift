import NIOCore

/// A message a client sends (v4 §4.1). The driver encodes them; the test server decodes them.
public enum CQLRequest: Sendable, Hashable {
    /// Options such as `CQL_VERSION` (required), `COMPRESSION`, and ScyllaDB's extensions.
    case startup([String: String])
    /// A SASL token: for PasswordAuthenticator, `\0user\0password`.
    case authResponse([UInt8]?)
    case options
    case query(String, CQLQueryParameters)
    case prepare(String)
    case execute(id: [UInt8], CQLQueryParameters)
    case batch(CQLBatch)
    /// Event types: `TOPOLOGY_CHANGE`, `STATUS_CHANGE`, `SCHEMA_CHANGE`.
    case register([String])

    public var opcode: CQLOpcode {
        switch self {
        case .startup: return .startup
        case .authResponse: return .authResponse
        case .options: return .options
        case .query: return .query
        case .prepare: return .prepare
        case .execute: return .execute
        case .batch: return .batch
        case .register: return .register
        }
    }

    /// The body (without the frame header).
    public func writeBody(to buffer: inout ByteBuffer) {
        switch self {
        case .startup(let options): buffer.writeCQLStringMap(options)
        case .authResponse(let token): buffer.writeCQLBytes(token)
        case .options: break
        case .query(let text, let parameters):
            buffer.writeCQLLongString(text)
            parameters.write(to: &buffer)
        case .prepare(let text): buffer.writeCQLLongString(text)
        case .execute(let id, let parameters):
            buffer.writeCQLShortBytes(id)
            parameters.write(to: &buffer)
        case .batch(let batch): batch.write(to: &buffer)
        case .register(let events): buffer.writeCQLStringList(events)
        }
    }

    public static func read(opcode: UInt8, body: inout ByteBuffer) throws(CQLProtocolError) -> CQLRequest {
        switch CQLOpcode(rawValue: opcode) {
        case .startup: return .startup(try body.readCQLStringMap("startup options"))
        case .authResponse:
            return .authResponse(try body.readCQLBytes("auth token").map { Array($0.readableBytesView) })
        case .options: return .options
        case .query:
            let text = try body.readCQLLongString("query")
            return .query(text, try CQLQueryParameters.read(from: &body))
        case .prepare: return .prepare(try body.readCQLLongString("query"))
        case .execute:
            let id = try body.readCQLShortBytes("prepared id")
            return .execute(id: id, try CQLQueryParameters.read(from: &body))
        case .batch: return .batch(try CQLBatch.read(from: &body))
        case .register: return .register(try body.readCQLStringList("event types"))
        default: throw .malformed("opcode 0x\(String(opcode, radix: 16)) is not a request")
        }
    }
}
