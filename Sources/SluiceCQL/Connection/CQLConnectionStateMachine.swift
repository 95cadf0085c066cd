/// The life of one connection as a value: the handshake (OPTIONS, STARTUP, the optional SASL
/// exchange), then requests on streams, then closing. It decides; the channel handler only
/// translates between bytes and these events and actions, so every rule here is unit-tested
/// without a socket.
public struct CQLConnectionStateMachine: Sendable {
    /// Username and password for PasswordAuthenticator (SASL PLAIN).
    public struct Credentials: Sendable, Hashable {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        /// `\0username\0password`: the SASL PLAIN token AUTH_RESPONSE carries.
        public var plainToken: [UInt8] { [0] + Array(username.utf8) + [0] + Array(password.utf8) }
    }

    enum State: Sendable {
        case initialized
        case waitingForSupported
        case waitingForReady(supported: [String: [String]])
        case authenticating(supported: [String: [String]])
        case ready(supported: [String: [String]])
        case closed
    }

    /// What the handler must do next.
    public enum Action: Sendable, Equatable {
        /// Write this request on the handshake's stream (0).
        case sendHandshake(CQLRequest)
        /// The handshake is done; the options the server listed in SUPPORTED.
        case connected(supported: [String: [String]])
        /// Hand the response to the request waiting on `stream`.
        case deliver(CQLResponse, stream: Int16)
        /// A pushed event.
        case event(CQLEvent)
        /// Fail everything waiting and close the channel.
        case closeWithError(CQLConnectionError)
        case none
    }

    private(set) var state: State = .initialized
    let credentials: Credentials?
    /// Extra STARTUP options: ScyllaDB extensions, `DRIVER_NAME`. A `COMPRESSION` here is ignored:
    /// `compression` decides, against what the server supports.
    let startupOptions: [String: String]
    /// Ask for LZ4 frame compression when the server lists it.
    let compression: Bool
    /// STARTUP asked for LZ4: frames after the server's answer to it are compressed.
    public private(set) var negotiatedCompression = false

    public init(credentials: Credentials? = nil, startupOptions: [String: String] = [:], compression: Bool = false) {
        self.credentials = credentials
        self.startupOptions = startupOptions
        self.compression = compression
    }

    /// Whether requests are sent compressed now: after the server answered STARTUP.
    public var compressesRequests: Bool {
        switch state {
        case .authenticating, .ready: return negotiatedCompression
        default: return false
        }
    }

    /// The TCP (and TLS) connection is up: ask what the server supports first, since STARTUP's
    /// options (CQL version, compression, ScyllaDB's extensions) depend on it.
    public mutating func channelActive() -> Action {
        guard case .initialized = state else { return .none }
        state = .waitingForSupported
        return .sendHandshake(.options)
    }

    public var isReady: Bool {
        if case .ready = state { return true }
        return false
    }

    /// A frame arrived: its header and decoded response.
    public mutating func received(_ header: CQLFrameHeader, _ response: CQLResponse) -> Action {
        if header.version != CQLFrameHeader.version {
            let message: String
            if case .error(let error) = response { message = error.message } else { message = "\(response.opcode)" }
            return fail(.unsupportedProtocolVersion(server: header.version, message: message))
        }
        switch state {
        case .initialized, .closed:
            return .none
        case .waitingForSupported:
            switch response {
            case .supported(let options):
                state = .waitingForReady(supported: options)
                let startup = startup(for: options)
                negotiatedCompression = startup["COMPRESSION"] == "lz4"
                return .sendHandshake(.startup(startup))
            case .error(let error):
                return fail(handshakeError(error))
            default:
                return fail(.unexpectedResponse("\(response.opcode) instead of SUPPORTED"))
            }
        case .waitingForReady(let supported):
            switch response {
            case .ready:
                state = .ready(supported: supported)
                return .connected(supported: supported)
            case .authenticate(let authenticator):
                guard let credentials else { return fail(.authenticationRequired(authenticator: authenticator)) }
                state = .authenticating(supported: supported)
                return .sendHandshake(.authResponse(credentials.plainToken))
            case .error(let error):
                return fail(handshakeError(error))
            default:
                return fail(.unexpectedResponse("\(response.opcode) instead of READY or AUTHENTICATE"))
            }
        case .authenticating(let supported):
            switch response {
            case .authSuccess:
                state = .ready(supported: supported)
                return .connected(supported: supported)
            case .authChallenge:
                // PLAIN has one step; a challenge (DSE's "PLAIN-START") asks for the token again.
                return .sendHandshake(.authResponse(credentials?.plainToken))
            case .error(let error):
                return fail(handshakeError(error))
            default:
                return fail(.unexpectedResponse("\(response.opcode) during authentication"))
            }
        case .ready:
            if header.stream < 0 {
                guard case .event(let event) = response else {
                    return fail(.unexpectedResponse("\(response.opcode) on stream \(header.stream)"))
                }
                return .event(event)
            }
            return .deliver(response, stream: header.stream)
        }
    }

    /// Bytes that could not be decoded: the connection cannot stay in sync.
    public mutating func receivedMalformed(_ error: CQLProtocolError) -> Action {
        fail(.protocolViolation(error))
    }

    public mutating func channelInactive() -> Action {
        if case .closed = state { return .none }
        return fail(.closed)
    }

    private mutating func fail(_ error: CQLConnectionError) -> Action {
        state = .closed
        return .closeWithError(error)
    }

    private func handshakeError(_ error: CQLServerError) -> CQLConnectionError {
        switch error.code {
        case CQLServerError.Code.badCredentials: return .authenticationFailed(error.message)
        case CQLServerError.Code.protocolError where error.message.contains("protocol version"):
            return .unsupportedProtocolVersion(server: nil, message: error.message)
        default: return .handshakeRefused(error)
        }
    }

    /// STARTUP's options: the server's CQL version (the first it lists), LZ4 when wanted and
    /// offered, then the extras.
    private func startup(for supported: [String: [String]]) -> [String: String] {
        var options = ["CQL_VERSION": supported["CQL_VERSION"]?.first ?? "3.0.0"]
        for (key, value) in startupOptions where key != "COMPRESSION" { options[key] = value }
        if compression, supported["COMPRESSION"]?.contains("lz4") == true { options["COMPRESSION"] = "lz4" }
        return options
    }
}
