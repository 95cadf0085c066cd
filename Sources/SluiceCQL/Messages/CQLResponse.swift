import NIOCore

/// A message a server sends (v4 §4.2). The driver decodes them; the test server encodes them.
public enum CQLResponse: Sendable, Hashable {
    case error(CQLServerError)
    case ready
    /// The authenticator's class, e.g. `org.apache.cassandra.auth.PasswordAuthenticator`.
    case authenticate(String)
    /// Options the server supports: `CQL_VERSION`, `COMPRESSION`, ScyllaDB's `SCYLLA_*` keys.
    case supported([String: [String]])
    case result(CQLResult)
    case event(CQLEvent)
    case authChallenge([UInt8]?)
    case authSuccess([UInt8]?)

    public var opcode: CQLOpcode {
        switch self {
        case .error: return .error
        case .ready: return .ready
        case .authenticate: return .authenticate
        case .supported: return .supported
        case .result: return .result
        case .event: return .event
        case .authChallenge: return .authChallenge
        case .authSuccess: return .authSuccess
        }
    }

    public func writeBody(to buffer: inout ByteBuffer) {
        switch self {
        case .error(let error): error.write(to: &buffer)
        case .ready: break
        case .authenticate(let authenticator): buffer.writeCQLString(authenticator)
        case .supported(let options):
            buffer.writeInteger(UInt16(truncatingIfNeeded: options.count))
            for (key, values) in options.sorted(by: { $0.key < $1.key }) {
                buffer.writeCQLString(key)
                buffer.writeCQLStringList(values)
            }
        case .result(let result): result.write(to: &buffer)
        case .event(let event): event.write(to: &buffer)
        case .authChallenge(let token), .authSuccess(let token): buffer.writeCQLBytes(token)
        }
    }

    /// Reads a response body. Any flags' prefixes (tracing id, warnings, custom payload) must have
    /// been taken off first (`CQLFrameBody`).
    public static func read(opcode: UInt8, body: inout ByteBuffer) throws(CQLProtocolError) -> CQLResponse {
        switch CQLOpcode(rawValue: opcode) {
        case .error: return .error(try CQLServerError.read(from: &body))
        case .ready: return .ready
        case .authenticate: return .authenticate(try body.readCQLString("authenticator"))
        case .supported: return .supported(try body.readCQLStringMultimap("supported options"))
        case .result: return .result(try CQLResult.read(from: &body))
        case .event: return .event(try CQLEvent.read(from: &body))
        case .authChallenge:
            return .authChallenge(try body.readCQLBytes("auth challenge").map { Array($0.readableBytesView) })
        case .authSuccess:
            return .authSuccess(try body.readCQLBytes("auth success").map { Array($0.readableBytesView) })
        default: throw .malformed("opcode 0x\(String(opcode, radix: 16)) is not a response")
        }
    }
}

/// A response body's optional prefixes, in the order the flags put them (v4 §2.2).
public struct CQLFrameBody: Sendable {
    public var tracingID: [UInt8]?
    public var warnings: [String]
    public var customPayload: [String: [UInt8]?]

    /// Takes the prefixes the header's flags announce off the front of `body`.
    public static func stripPrefixes(of body: inout ByteBuffer, flags: CQLFrameFlags) throws(CQLProtocolError)
        -> CQLFrameBody
    {
        var prefixes = CQLFrameBody(tracingID: nil, warnings: [], customPayload: [:])
        if flags.contains(.tracing) {
            guard let id = body.readBytes(length: 16) else { throw .truncated("tracing id") }
            prefixes.tracingID = id
        }
        if flags.contains(.warning) { prefixes.warnings = try body.readCQLStringList("warnings") }
        if flags.contains(.customPayload) {
            let count = Int(try body.readCQLShort("custom payload"))
            for _ in 0..<count {
                let key = try body.readCQLString("custom payload key")
                prefixes.customPayload[key] = try body.readCQLBytes("custom payload \(key)").map {
                    Array($0.readableBytesView)
                }
            }
        }
        return prefixes
    }
}
