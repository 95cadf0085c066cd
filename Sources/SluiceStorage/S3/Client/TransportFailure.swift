import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// What a request that got no HTTP answer may have done at the server, which decides whether
/// repeating it is safe.
enum TransportFailure: Equatable {
    /// The connection was never made: the server saw nothing.
    case notSent
    /// The connection broke or timed out after the request (or part of it) was sent.
    case outcomeUnknown
    /// Not a network failure (e.g. a malformed URL): repeating cannot help.
    case permanent

    init(_ error: any Error) {
        if error is NIOConnectionError {
            self = .notSent
        } else if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout, .socksHandshakeTimeout,
                .httpProxyHandshakeTimeout:
                self = .notSent
            case .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown:
                self = .permanent
            default:
                self = .outcomeUnknown
            }
        } else if let error = error as? IOError {
            self = error.errnoCode == ECONNREFUSED ? .notSent : .outcomeUnknown
        } else if error is ChannelError {
            self = .outcomeUnknown
        } else {
            self = .permanent
        }
    }
}
