import NIOCore

/// Why a connection could not be opened or stopped working.
public enum CQLConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server does not speak v4; when it answered in its own version, that version.
    case unsupportedProtocolVersion(server: UInt8?, message: String)
    /// The server requires a login and none is configured.
    case authenticationRequired(authenticator: String)
    /// The server refused the credentials.
    case authenticationFailed(String)
    /// The server answered the handshake with an error.
    case handshakeRefused(CQLServerError)
    /// The server sent something the protocol does not allow at this point.
    case unexpectedResponse(String)
    case protocolViolation(CQLProtocolError)
    /// The server accepted the connection but did not finish the handshake in time.
    case handshakeTimedOut
    /// The connection was closed, by either side.
    case closed
    /// The transport failed under the protocol: TLS (an untrusted certificate), a reset.
    case transport(String)
    /// No response within the request's timeout; the request may or may not have been applied.
    case requestTimedOut(TimeAmount)
    /// An idle connection's heartbeat (OPTIONS) was not answered in time: the connection is dead.
    case heartbeatTimedOut(TimeAmount)

    public var description: String {
        switch self {
        case .unsupportedProtocolVersion(let version?, let message):
            return "the server speaks protocol v\(version) only (Sluice needs v4): \(message)"
        case .unsupportedProtocolVersion(nil, let message):
            return "the server does not accept protocol v4: \(message)"
        case .authenticationRequired(let authenticator):
            return "the server requires a login (\(authenticator)); set username and password for this connection"
        case .authenticationFailed(let message): return "the server refused the credentials: \(message)"
        case .handshakeRefused(let error): return "the server refused the connection: \(error)"
        case .unexpectedResponse(let what): return "unexpected response from the server: \(what)"
        case .protocolViolation(let error): return "\(error)"
        case .handshakeTimedOut: return "the server did not complete the CQL handshake in time (is this a CQL port?)"
        case .closed: return "the connection is closed"
        case .transport(let error): return "the connection failed: \(error)"
        case .requestTimedOut(let timeout):
            return "no response within \(timeout.nanoseconds / 1_000_000) ms (the request may have been applied)"
        case .heartbeatTimedOut(let interval):
            return
                "the server did not answer a heartbeat within \(interval.nanoseconds / 1_000_000) ms; connection closed"
        }
    }
}
